/** Reading JSON files for the CLI: a syntax error is reported with its line and column, never a stack. */
import { readFileSync } from 'node:fs';

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses `text`; on a syntax error says where (line and column, 1-based) and what, in one line. */
export function parseJsonText(text: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM, as Windows tools write it
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const what = (e as Error).message
      .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '') // V8 quotes the text around the error: noise here
      .replace(/ (?:in JSON )?at position \d+[\s\S]*$/, '')
      .replace(/\s+/g, ' ');
    const offset = jsonErrorOffset(body);
    if (offset < 0) return { ok: false, message: `not valid JSON: ${what}` };
    const { line, column } = lineColumn(body, offset);
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${what}` };
  }
}

/** Reads and parses a file; a missing or unreadable file throws the usual ErrnoException. */
export function readJsonFile(path: string): JsonRead {
  return parseJsonText(readFileSync(path, 'utf8'));
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the first character at which `text` stops being JSON (`text.length` when it ends
 * too early), or -1 if it is valid. V8's own messages do not always give a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) stop();
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) stop();
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) stop();
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++; // the backslash
      if (text[i] === 'u') {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
      } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i])) i++;
      else stop();
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') stop();
        string();
        space();
        if (text[i] !== ':') stop();
        i++;
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') return void i++;
        stop();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') return void i++;
        stop();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number.lastIndex = i;
    const m = number.exec(text);
    if (!m) {
      if (c === '-') i++; // a minus with no digits after it
      stop();
    }
    i += m![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (e) {
    if (e instanceof JsonStop) return e.offset;
    return -1; // nested too deep to scan: no position, JSON.parse's message stands alone
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}
