/** The CLI's JSON reader: where a syntax error is (V8's own message does not always say). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonErrorOffset, lineColumn, parseJsonText } from '../../src/cli/json-file';
import { makeInvoice } from '../support/invoices';

test('a syntax error is named by line and column, without V8\'s quoted excerpt', () => {
  const cases: [string, number, number][] = [
    ['{"a": }', 1, 7],
    ['{\n  "a": 1,\n  "b": x\n}', 3, 8],
    ['[1, 2,]', 1, 7],
    ['{"a": 1,}', 1, 9],
    ['{"a" 1}', 1, 6],
    ['{"a": "\\q"}', 1, 9],
    ['{"a": 01}', 1, 8],
    ['{"a": -}', 1, 8],
    ['{"a": 1} x', 1, 10],
    ['{"a": tru}', 1, 10],
    ['', 1, 1],
    ['{"a": [1, 2', 1, 12],
  ];
  for (const [text, line, column] of cases) {
    const r = parseJsonText(text);
    assert.equal(r.ok, false, text);
    if (r.ok) continue;
    assert.ok(r.message.startsWith(`not valid JSON at line ${line}, column ${column}: `), `${JSON.stringify(text)} → ${r.message}`);
    assert.equal(r.message.includes('\n'), false);
    assert.doesNotMatch(r.message, /is not valid JSON$|at position/);
  }
});

test('every prefix of an invoice: the scanner finds an error exactly when JSON.parse does', () => {
  const text = JSON.stringify({ ...makeInvoice(), Note: 'é "quoted" \\ \u0001 ✓', Neg: -12.5e-3, Flags: [true, false, null] }, null, 2);
  for (let end = 0; end <= text.length; end++) {
    const prefix = text.slice(0, end);
    let parses = true;
    try { JSON.parse(prefix); } catch { parses = false; }
    const offset = jsonErrorOffset(prefix);
    assert.equal(offset === -1, parses, `prefix of ${end} characters: offset ${offset}`);
    if (!parses) assert.ok(offset <= prefix.length);
  }
});

test('a byte-order mark is allowed; line and column count from 1', () => {
  assert.deepEqual(parseJsonText('\ufeff{"a": 1}'), { ok: true, value: { a: 1 } });
  assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
});
