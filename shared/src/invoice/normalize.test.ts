import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeInvoiceKeys } from './normalize';

describe('normalizeInvoiceKeys', () => {
  test('canonical spelling at every level, unknown keys kept', () => {
    const raw = {
      version: '1.1',
      BUYERDTLS: { GSTIN: '29AAACP7879D1Z0', POS: '29', Custom: 1 },
      itemList: [{ slno: '1', BCHDTLS: { nm: 'B1', expdt: '01/01/2026' }, attribdtls: [{ NM: 'a', val: 'b' }] }],
      RefDtls: { precdocdtls: [{ invno: 'A1', invdt: '01/01/2026' }] },
      Extra: { gstin: 'unchanged' },
    };
    assert.deepEqual(normalizeInvoiceKeys(raw), {
      Version: '1.1',
      BuyerDtls: { Gstin: '29AAACP7879D1Z0', Pos: '29', Custom: 1 },
      ItemList: [{ SlNo: '1', BchDtls: { Nm: 'B1', ExpDt: '01/01/2026' }, AttribDtls: [{ Nm: 'a', Val: 'b' }] }],
      RefDtls: { PrecDocDtls: [{ InvNo: 'A1', InvDt: '01/01/2026' }] },
      Extra: { gstin: 'unchanged' },
    });
  });
  test('the exact spelling wins when both are present', () => {
    assert.deepEqual(normalizeInvoiceKeys({ SellerDtls: { GSTIN: 'b', Gstin: 'a' } }), { SellerDtls: { GSTIN: 'b', Gstin: 'a' } });
    assert.deepEqual(normalizeInvoiceKeys({ SellerDtls: { GSTIN: 'b', gstin: 'c' } }), { SellerDtls: { Gstin: 'b', gstin: 'c' } });
  });
  test('__proto__ and constructor keys stay plain data and pollute nothing', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "SellerDtls": {"__proto__": {"Gstin": "x"}}}');
    const out = normalizeInvoiceKeys(raw) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(out, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const seller = out.SellerDtls as Record<string, unknown>;
    assert.equal(seller.Gstin, undefined);
  });
  test('non-objects pass through; does not recurse into unknown deep values', () => {
    for (const v of [null, 1, 'x', [1, 2]]) assert.deepEqual(normalizeInvoiceKeys(v), v);
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const out = normalizeInvoiceKeys({ Extra: root }) as Record<string, unknown>;
    assert.equal(out.Extra, root);
  });

  test('a raw invoice is copied; its own output comes back as it is, already canonical', () => {
    const raw = { docdtls: { typ: 'inv' } };
    const once = normalizeInvoiceKeys(raw) as Record<string, unknown>;
    assert.notEqual(once, raw);
    assert.deepEqual(once, { DocDtls: { Typ: 'inv' } });
    assert.equal(normalizeInvoiceKeys(once), once);
    assert.notEqual(normalizeInvoiceKeys({ ...once }), once, 'a copy made elsewhere is normalised afresh');
  });
});
