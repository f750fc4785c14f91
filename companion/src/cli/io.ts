/** CLI plumbing: argument parsing, output, and turning failures into a message and an exit code (never a stack). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CompanionError } from '../errors';
import { EXIT_CODE, EXIT_REFUSED } from './exit-codes';
import { CompanionStartError } from '../server-errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of stdin (for --password-stdin). */
  stdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  /** Set when stderr is a terminal: progress is then one line rewritten in place (`write` adds no newline). */
  errTerminal?: { write(text: string): void; columns: number };
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  get errTerminal() {
    return process.stderr.isTTY ? { write: (t: string) => void process.stderr.write(t), columns: process.stderr.columns || 80 } : undefined;
  },
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

/** A mistake in how the command was called: print the message (and usage) and exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''), usage);
  }
}

/**
 * One progress line per step on stderr; on a terminal the same line is rewritten (carriage return,
 * padded over the previous text, cut to the width so it never wraps). Call `end()` before other output.
 */
export function progressLine(io: Io): { show(line: string): void; end(): void } {
  const tty = io.errTerminal;
  let shown = 0;
  return {
    show(line) {
      if (!tty) return io.err(line);
      const width = Math.max(tty.columns - 1, 20);
      const fit = line.length > width ? `${line.slice(0, width - 1)}…` : line;
      tty.write(`\r${fit.padEnd(shown)}`);
      shown = fit.length;
    },
    end() {
      if (tty && shown) tty.write('\n');
      shown = 0;
    },
  };
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Prints a failure the way a clerk can act on it; returns the exit code. */
export function reportFailure(io: Io, e: unknown): number {
  if (e instanceof UsageError) {
    io.err(`error: ${e.message}`);
    if (e.usage) io.err(e.usage);
    return 2;
  }
  if (e instanceof CompanionError) {
    io.err(`error: ${e.message}`);
    if (e.details.irp?.codes.length) {
      e.details.irp.codes.forEach((code, i) => io.err(`  IRP ${code}: ${e.details.irp!.messages[i] ?? ''}`));
    }
    for (const issue of e.details.issues ?? []) io.err(`  ${issue.severity} ${issue.path || '(invoice)'}: ${issue.message}${issue.hint ? ` — ${issue.hint}` : ''}`);
    if (e.details.hint) io.err(`hint: ${e.details.hint}`);
    return EXIT_CODE[e.code] ?? EXIT_REFUSED;
  }
  if (e instanceof CompanionStartError) {
    io.err(`error: ${e.message}`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' && err.path) {
    io.err(`error: no such file: ${err.path}`);
    return 1;
  }
  io.err(`error: ${err?.message ?? String(e)}`);
  return 1;
}
