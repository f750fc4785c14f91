import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv } from './csv';

test('RFC 4180: commas, quotes and line breaks are quoted, quotes doubled; records end in CRLF', () => {
  assert.equal(csvCell('Shree Traders, Pune'), '"Shree Traders, Pune"');
  assert.equal(csvCell('5" pipe'), '"5"" pipe"');
  assert.equal(csvCell('line 1\nline 2'), '"line 1\nline 2"');
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(toCsv(['a', 'b'], [[1, 'x,y'], [null, undefined]]), 'a,b\r\n1,"x,y"\r\n,\r\n');
});

test('text a spreadsheet would run as a formula gets an apostrophe; computed numbers stay numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell('+91 cmd'), "'+91 cmd");
  assert.equal(csvCell('-1+1'), "'-1+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tTAB'), "'\tTAB");
  assert.equal(csvCell(-0.08), '-0.08');
  assert.equal(csvCell(Number.NaN), '');
});
