import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkGstin, gstinCheckChar, hasValidGstinChecksum, GSTIN_PATTERN, NIC_SANDBOX_TEST_GSTINS } from './gstin';

const REAL = ['09AAJCM7191E1Z5', '37AABCA7365E2ZP', '29AAACP7879D1Z0', '24ACPPM5624F1ZK', '05AAACG2140A1ZL', '27ACBPN2353E1ZX', '33AABCT3312J1ZP'];
const FIXTURE = ['29AAHCA4821K1ZH', '37AAGCR5310M1Z6', '29AAKCB2045P1Z7', '36AAKCP1187N1ZT'];
const SANDBOX = ['29AWGPV7107B1Z1', '37ARZPT4384Q1MT', '02AMBPG7773M002', '36AMBPG7773M002', '29AKLPM8755F1Z2', '29AABCT1332L000'];

describe('GSTIN checksum', () => {
  test('accepts the real and fixture GSTINs', () => {
    for (const g of [...REAL, ...FIXTURE]) {
      assert.ok(hasValidGstinChecksum(g), g);
      assert.equal(gstinCheckChar(g.slice(0, 14)), g[14], g);
      assert.ok(GSTIN_PATTERN.test(g), g);
      assert.deepEqual(checkGstin(g), { ok: true }, g);
    }
  });
  test('rejects NIC sandbox GSTINs unless allowed', () => {
    for (const g of SANDBOX) {
      assert.ok(NIC_SANDBOX_TEST_GSTINS.includes(g), g);
      assert.equal(hasValidGstinChecksum(g), false, g);
      assert.equal(checkGstin(g).ok, false, g);
      assert.deepEqual(checkGstin(g, { allowSandboxGstins: true }), { ok: true }, g);
    }
  });
  test('every single-character typo in the last position is caught', () => {
    const g = '29AAACP7879D1Z0';
    for (const ch of '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      assert.equal(hasValidGstinChecksum(g.slice(0, 14) + ch), false, ch);
    }
  });
});

describe('checkGstin explains the problem', () => {
  test('checksum: names the expected last character', () => {
    const r = checkGstin('29AAACP7879D1Z1');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.reason, 'checksum');
      assert.match(r.hint, /last character should be 0/);
    }
  });
  test('format and length', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['29AAACP7879D1Z', /15 characters; this one has 14/],
      ['29AAACP7879D1Z00', /has 16/],
      ['29aaacp7879d1z0', /lower-case/],
      ['29AAACP78791DZ0', /does not look like a GSTIN/],
    ];
    for (const [g, re] of cases) {
      const r = checkGstin(g);
      assert.equal(r.ok, false, g);
      if (!r.ok) {
        assert.equal(r.reason, 'format', g);
        assert.match(r.message, re, g);
        assert.ok(r.hint.length > 10);
      }
    }
  });
  test('state code', () => {
    const first14 = '00AAACP7879D1Z';
    const r = checkGstin(first14 + gstinCheckChar(first14));
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'state');
  });
  test('non-regular registrations with a valid checksum pass (TCS, UIN shapes)', () => {
    for (const first14 of ['29AABCF8078M1C', '0717UNO00157UN']) {
      const g = first14 + gstinCheckChar(first14);
      assert.deepEqual(checkGstin(g), { ok: true }, g);
    }
  });
  test('never throws on odd input', () => {
    for (const g of [null, undefined, 42, {}, '💥'.repeat(8), '29AAACP7879D1Z!']) {
      assert.equal(checkGstin(g as unknown as string).ok, false);
    }
    assert.equal(hasValidGstinChecksum('29AAACP7879D1Z!'), false);
  });
});
