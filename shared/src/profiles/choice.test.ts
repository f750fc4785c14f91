import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowsSandboxGstins, chooseProfile, sellerGstinOf } from './choice';

const demo = { name: 'demo', gstin: '29AAHCA4821K1ZH', demo: true };
const sandbox = { name: 'acme-sandbox', gstin: '29AAHCA4821K1ZH', demo: false };
const other = { name: 'bhima', gstin: '29AAKCB2045P1Z7', demo: false };
const all = [demo, sandbox, other];

test('sandbox GSTINs only where the IRP is a test system: offline and sandbox, not production or a GSP', () => {
  assert.deepEqual(['offline', 'sandbox', 'production', 'gsp'].map((kind) => allowsSandboxGstins({ kind: kind as 'gsp' })), [true, true, false, false]);
  assert.equal(allowsSandboxGstins(null), false);
});

test('named → seller GSTIN (default first, then a non-demo one) → default; unknown names and no default say why', () => {
  assert.deepEqual(chooseProfile(all, 'demo', { profile: 'bhima' }), { ok: true, profile: other });
  assert.deepEqual(chooseProfile(all, 'demo', { profile: 'nope' }), { ok: false, reason: 'unknown-name' });
  assert.deepEqual(chooseProfile(all, 'demo', { sellerGstin: ' 29aakcb2045p1z7 ' }), { ok: true, profile: other });
  assert.deepEqual(chooseProfile(all, 'demo', { sellerGstin: '29AAHCA4821K1ZH' }), { ok: true, profile: demo }, 'the default wins among profiles of one GSTIN');
  assert.deepEqual(chooseProfile(all, 'bhima', { sellerGstin: '29AAHCA4821K1ZH' }), { ok: true, profile: sandbox }, 'else a non-demo one');
  assert.deepEqual(chooseProfile(all, 'bhima', { sellerGstin: '27AAPFU0939F1ZV' }), { ok: true, profile: other }, 'no profile for the seller: the default');
  assert.deepEqual(chooseProfile([], null, {}), { ok: false, reason: 'none' });
});

test('the seller GSTIN of an invoice', () => {
  assert.equal(sellerGstinOf({ SellerDtls: { Gstin: ' 29aahca4821k1zh' } }), '29AAHCA4821K1ZH');
  assert.equal(sellerGstinOf({ SellerDtls: { Gstin: 29 } }), null);
  assert.equal(sellerGstinOf(null), null);
});
