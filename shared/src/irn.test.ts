import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { computeIrn, financialYear, documentKeyOf } from './irn';
import type { Inv01Invoice } from './invoice/types';

describe('financialYear', () => {
  test('April to March', () => {
    assert.equal(financialYear('12/11/2021'), '2021-22');
    assert.equal(financialYear('31/03/2022'), '2021-22');
    assert.equal(financialYear('01/04/2022'), '2022-23');
    assert.equal(financialYear('01/01/2000'), '1999-00');
    assert.equal(financialYear('15/06/2099'), '2099-00');
  });
  test('throws on an invalid date', () => {
    assert.throws(() => financialYear('31/04/2022'), /document date/);
    assert.throws(() => financialYear('2022-04-01'), /document date/);
  });
});

describe('computeIrn', () => {
  test('reproduces the Mittal sandbox IRN (lower-case doc no, hashed as sent in 2022)', async () => {
    const irn = await computeIrn(
      { sellerGstin: '09AAJCM7191E1Z5', docDate: '12/11/2021', docType: 'inv', docNo: '35d7df8d-fce7-49' },
      { upperCaseDocNo: false },
    );
    assert.equal(irn, '3997d6dbe585dbfc93a855cf2aad1a412ac7df0231ab7875851a15e1ba3f4df4');
  });
  test('reproduces the india-compliance sandbox IRN', async () => {
    const irn = await computeIrn({ sellerGstin: '01AMBPG7773M002', docDate: '16/09/2022', docType: 'INV', docNo: 'SINV-CFY-00067' });
    assert.equal(irn, '706daeccda0ef6f818da78f3a2a05a1288731057373002289b46c3229289a2e7');
  });
  test('upper-cases the doc no by default (case-insensitive since June 2025)', async () => {
    const k = { sellerGstin: '09AAJCM7191E1Z5', docDate: '12/11/2021', docType: 'inv', docNo: '35d7df8d-fce7-49' };
    const upper = await computeIrn(k);
    assert.notEqual(upper, '3997d6dbe585dbfc93a855cf2aad1a412ac7df0231ab7875851a15e1ba3f4df4');
    assert.equal(upper, await computeIrn({ ...k, docNo: '35D7DF8D-FCE7-49' }, { upperCaseDocNo: false }));
    assert.match(upper, /^[0-9a-f]{64}$/);
  });
  test('the FY boundary changes the IRN', async () => {
    const k = { sellerGstin: '29AAACP7879D1Z0', docType: 'INV', docNo: 'A/1' };
    assert.notEqual(await computeIrn({ ...k, docDate: '31/03/2025' }), await computeIrn({ ...k, docDate: '01/04/2025' }));
    assert.equal(await computeIrn({ ...k, docDate: '01/04/2025' }), await computeIrn({ ...k, docDate: '31/03/2026' }));
  });
});

describe('documentKeyOf', () => {
  test('builds the ledger key, upper-cased and trimmed', () => {
    const inv = {
      DocDtls: { Typ: 'crn', No: ' sinv/12 ', Dt: '01/04/2026' },
      SellerDtls: { Gstin: '29aaacp7879d1z0' },
    } as unknown as Inv01Invoice;
    assert.deepEqual(documentKeyOf(inv), { sellerGstin: '29AAACP7879D1Z0', fy: '2026-27', docType: 'CRN', docNo: 'SINV/12', docDate: '01/04/2026' });
  });
  test('throws on a missing type or date', () => {
    assert.throws(() => documentKeyOf({ DocDtls: { Typ: 'XYZ', No: '1', Dt: '01/04/2026' } } as unknown as Inv01Invoice), /document type/);
    assert.throws(() => documentKeyOf({ DocDtls: { Typ: 'INV', No: '1' } } as unknown as Inv01Invoice), /document date/);
  });
});
