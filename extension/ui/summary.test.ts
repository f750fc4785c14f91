import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapErpDocument } from '@irn-bridge/shared/erps';
import { fixture } from '@irn-bridge/shared/erps/testing/fakes';
import { summarize } from './summary';

const addresses = Object.fromEntries(['address-company-billing', 'address-rangoli-foods', 'address-bhima-stores']
  .map((f) => fixture(`erpnext/${f}.json`).data).map((a: { name: string }) => [a.name, a]));

test('the confirm panel names seller, buyer, document, total and item count of the mapped invoice', () => {
  const invoice = fixture('erpnext/sales-invoice-interstate.json').data;
  const s = summarize(mapErpDocument({ erp: 'erpnext', invoice, addresses }));
  assert.equal(s.docType, 'INV');
  assert.equal(s.docNo, 'ASW-26-00042');
  assert.equal(s.docDate, '20/11/2026');
  assert.equal(s.seller.gstin, '29AAHCA4821K1ZH');
  assert.equal(s.buyer.gstin, '37AAGCR5310M1Z6');
  assert.equal(s.total, 46064);
  assert.equal(s.itemCount, 2);
});

test('a return is summarised as a credit note', () => {
  const invoice = fixture('erpnext/sales-invoice-credit-note.json').data;
  const s = summarize(mapErpDocument({ erp: 'erpnext', invoice, addresses, returnAgainst: { name: 'ASW-26-00042', posting_date: '2026-11-20' } }));
  assert.equal(s.docType, 'CRN');
  assert.ok(s.total > 0, 'credit note totals are positive in INV-01');
});

test('a half-built invoice still summarises (the validator reports what is missing)', () => {
  const s = summarize({} as never);
  assert.deepEqual([s.docType, s.docNo, s.total, s.itemCount], ['INV', '', 0, 0]);
});
