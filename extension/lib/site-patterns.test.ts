import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternForOrigin, patternFromScriptId, scriptIdForPattern } from './site-patterns';

test('an origin becomes a match pattern without its port', () => {
  assert.equal(patternForOrigin('http://localhost:8123'), 'http://localhost/*');
  assert.equal(patternForOrigin('https://erp.example.com/app/sales-invoice/X'), 'https://erp.example.com/*');
});

test('non-web schemes are refused', () => {
  assert.throws(() => patternForOrigin('chrome://extensions'), /Only http and https/);
});

test('script ids round-trip to their pattern', () => {
  const id = scriptIdForPattern('https://erp.example.com/*');
  assert.equal(patternFromScriptId(id), 'https://erp.example.com/*');
  assert.equal(patternFromScriptId('someone-else'), null);
});
