import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQrMatrix as qrMatrix } from './qr-matrix';

test('a short text fits a version-1 code (21 modules) with its finder patterns dark', () => {
  const { size, path } = qrMatrix('IRN');
  assert.equal(size, 21);
  assert.ok(path.startsWith('M0 0h1v1h-1z'), 'top-left finder corner is dark');
  assert.ok(path.includes('M20 0h1v1h-1z'), 'top-right finder corner is dark');
});

test('a signed QR JWT of ~900 characters yields a larger symbol', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.' + 'A'.repeat(880) + '.sig';
  const { size } = qrMatrix(jwt);
  assert.ok(size > 57 && size <= 177, `size ${size}`);
});
