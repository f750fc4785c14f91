import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CANCEL_REASON_CODES, CANCEL_REASONS, cleanCancelRemark, isCancelReason } from './cancel-reasons';
import { documentKeyOfRow } from '../irn';

test('one list of cancel reasons: the codes, their labels and the check agree', () => {
  assert.deepEqual(Object.keys(CANCEL_REASONS), [...CANCEL_REASON_CODES]);
  for (const code of CANCEL_REASON_CODES) assert.equal(isCancelReason(code), true);
  for (const bad of ['0', '5', 1, ['1'], 'toString', undefined]) assert.equal(isCancelReason(bad), false, String(bad));
});

test('a cancel remark loses control characters, lone surrogates and bidi overrides; real text survives', () => {
  assert.equal(cleanCancelRemark('Wrong\u0000 rate'), 'Wrong rate');
  assert.equal(cleanCancelRemark('a\u202eb\u2066c\u200f'), 'abc');
  assert.equal(cleanCancelRemark('x\ud800y\udc00z'), 'xyz');
  assert.equal(cleanCancelRemark('पुनः जारी 😀 — ok'), 'पुनः जारी 😀 — ok');
  assert.equal(cleanCancelRemark('\u0000\u202e'), '');
});

test('the document key of a ledger row', () => {
  assert.deepEqual(documentKeyOfRow({ seller_gstin: '29AAHCA4821K1ZH', fy: '2026-27', doc_type: 'crn', doc_no_key: 'INV/1', doc_date: '01/12/2026' }),
    { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType: 'CRN', docNo: 'INV/1', docDate: '01/12/2026' });
});
