import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { checkEwbForm, EMPTY_EWB_FORM, offersEwaybill, type EwbFormInput } from './ewaybill-form';

// 2026-11-25 10:00 IST.
const now = new Date('2026-11-25T04:30:00Z');
const form = (patch: Partial<EwbFormInput>): EwbFormInput => ({ ...EMPTY_EWB_FORM, ...patch });
const issuesOf = (patch: Partial<EwbFormInput>, invoiceDate?: string) => {
  const r = checkEwbForm(form(patch), { now, invoiceDate });
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`);
};

test('road without a vehicle number is refused locally, naming the field', () => {
  const issues = issuesOf({ transMode: '1', vehNo: '  ' });
  assert.equal(issues.length, 1);
  assert.match(issues[0], /^vehNo: Vehicle number is required for road transport/);
});

test('road: the vehicle number is sent without spaces or dashes, with its type; no transport document', () => {
  const r = checkEwbForm(form({ distance: '350', vehNo: 'ka 01-ab 1234', vehType: 'O', transDocNo: 'ignored' }), { now });
  assert.deepEqual(r, { ok: true, request: { distance: 350, transMode: '1', vehNo: 'KA01AB1234', vehType: 'O' } });
});

test('a vehicle number the IRP would call invalid (4014) is caught', () => {
  assert.match(issuesOf({ vehNo: 'KA/01' }).join(), /vehNo: Vehicle number must be 4 to 20 letters and digits/);
});

test('distance: 0 lets the IRP calculate; empty, negative, fractional or above 4000 km is refused', () => {
  const ok = checkEwbForm(form({ distance: '0', vehNo: 'KA01AB1234' }), { now });
  assert.equal(ok.ok && ok.request.distance, 0);
  assert.match(issuesOf({ distance: '', vehNo: 'KA01AB1234' }).join(), /distance: Distance is required/);
  for (const d of ['-5', '12.5', '4001', 'ten']) {
    assert.match(issuesOf({ distance: d, vehNo: 'KA01AB1234' }).join(), /distance: Distance must be a whole number/, d);
  }
  assert.deepEqual(issuesOf({ distance: '4000', vehNo: 'KA01AB1234' }), []);
});

test('rail and air need the transport document number and date (4012, 4023); no vehicle is sent', () => {
  assert.deepEqual(issuesOf({ transMode: '2' }).map((i) => i.split(':')[0]), ['transDocNo', 'transDocDt']);
  assert.match(issuesOf({ transMode: '3', transDocNo: 'AWB-77' }).join(), /transDocDt: Transport document date is required for air transport/);
  const r = checkEwbForm(form({ transMode: '2', transDocNo: 'RR/4411', transDocDt: '24/11/2026', vehNo: 'KA01AB1234' }), { now });
  assert.deepEqual(r, { ok: true, request: { distance: 0, transMode: '2', transDocNo: 'RR/4411', transDocDt: '24/11/2026' } });
});

test('ship needs the document number (4040); its date is optional', () => {
  assert.match(issuesOf({ transMode: '4' }).join(), /transDocNo: Transport document number is required for ship transport/);
  assert.deepEqual(issuesOf({ transMode: '4', transDocNo: 'BL-1' }), []);
});

test('the transport document date must be real, not in the future (4016), not before the invoice (4021)', () => {
  const rail = { transMode: '2' as const, transDocNo: 'RR/1' };
  assert.match(issuesOf({ ...rail, transDocDt: '2026-11-24' }).join(), /transDocDt: .*dd\/mm\/yyyy/);
  assert.match(issuesOf({ ...rail, transDocDt: '31/11/2026' }).join(), /transDocDt: .*dd\/mm\/yyyy/);
  assert.match(issuesOf({ ...rail, transDocDt: '26/11/2026' }).join(), /transDocDt: .*cannot be in the future/);
  assert.deepEqual(issuesOf({ ...rail, transDocDt: '25/11/2026' }), []);
  assert.match(issuesOf({ ...rail, transDocDt: '19/11/2026' }, '20/11/2026').join(), /transDocDt: .*before the invoice date \(20\/11\/2026\)/);
});

test('the transporter ID is optional; when given it is a 15-character GSTIN or TRANSIN, sent upper case', () => {
  assert.match(issuesOf({ vehNo: 'KA01AB1234', transId: '29AAKCB2045' }).join(), /transId: Transporter ID must be/);
  const r = checkEwbForm(form({ vehNo: 'KA01AB1234', transId: ' 29aakcb2045p1z7 ' }), { now });
  assert.equal(r.ok && r.request.transId, '29AAKCB2045P1Z7');
});

test('every problem is reported at once', () => {
  assert.deepEqual(issuesOf({ distance: 'x', transMode: '3', transId: 'nope' }).map((i) => i.split(':')[0]), ['distance', 'transDocNo', 'transDocDt', 'transId']);
});

const result = (patch: Partial<EInvoiceResult> = {}, docType: 'INV' | 'CRN' | 'DBN' = 'INV') => ({
  irn: 'a'.repeat(64), ackNo: '1', ackDt: '2026-11-25 10:00:00', status: 'ACT', signedInvoice: '', signedQrCode: '', qr: null,
  document: { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType, docNo: 'ASW-26-00045', docDate: '24/11/2026' },
  buyerGstin: null, totalValue: 1, profile: { name: 'demo', kind: 'offline', demo: true }, ...patch,
}) as EInvoiceResult;

test('an e-way bill is offered for an active invoice with a goods line and no e-way bill yet', () => {
  const goods = [{ IsServc: 'N' }, { IsServc: 'Y' }];
  assert.equal(offersEwaybill(result(), goods), true);
  assert.equal(offersEwaybill(result(), [{ IsServc: 'Y' }]), false, 'services only (4009)');
  assert.equal(offersEwaybill(result(), null), false, 'items unknown');
  assert.equal(offersEwaybill(result({}, 'CRN'), goods), false, 'credit note (4010)');
  assert.equal(offersEwaybill(result({}, 'DBN'), goods), false, 'debit note (4010)');
  assert.equal(offersEwaybill(result({ status: 'CNL' }), goods), false, 'cancelled IRN (4000)');
  assert.equal(offersEwaybill(result({ ewbNo: '391009149369' }), goods), false, 'already has one (4002)');
});
