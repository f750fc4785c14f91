/** The ledger against what the ERP shows (issue 11, item 1): each disagreement names the event that settles it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '../api/contract';
import { driftOf } from './drift';
import type { ErpRecorded } from './module';

const IRN = 'a'.repeat(64);
const active: EInvoiceResult = {
  irn: IRN, ackNo: '112010000001', ackDt: '2026-12-01 10:00:00', status: 'ACT', signedInvoice: 's', signedQrCode: 'q', qr: null,
  document: { sellerGstin: '29AAGCB7383J1Z4', fy: '2026-27', docType: 'INV', docNo: 'ASW-1', docDate: '01/12/2026' },
  buyerGstin: null, totalValue: 100, profile: { id: 'p', name: 'Sandbox', environment: 'sandbox' } as EInvoiceResult['profile'],
};
const shows = (over: Partial<ErpRecorded>): ErpRecorded => ({ irn: IRN, irnCancelled: false, ewbNo: null, ewbCancelled: false, ...over });

describe('driftOf', () => {
  test('agreeing records are no drift', () => {
    assert.equal(driftOf(active, shows({}), IRN, 'ERPNext'), null);
    assert.equal(driftOf({ ...active, status: 'CNL', cancelDate: '01/12/2026 11:00:00' }, shows({ irn: null, irnCancelled: true }), null, 'ERPNext'), null);
    assert.equal(driftOf({ ...active, ewbNo: '181000000001' }, shows({ ewbNo: '181000000001' }), IRN, 'ERPNext'), null);
  });

  test('cancelled in the ledger, valid in the ERP: record the cancellation with the ledger\'s reason and remark', () => {
    const r: EInvoiceResult = { ...active, status: 'CNL', cancelDate: '01/12/2026 11:00:00', cancelReason: '2', cancelRemark: 'Wrong rate' };
    const d = driftOf(r, shows({}), IRN, 'ERPNext');
    assert.deepEqual(d?.event, { kind: 'cancelled', result: r, cancelDate: '01/12/2026 11:00:00', reason: '2', remark: 'Wrong rate' });
    assert.match(d!.differs, /^ERPNext still shows IRN a{12}… as valid, but it was cancelled at the IRP on 01\/12\/2026 11:00:00\.$/);
    assert.equal(d!.action, 'Record the cancellation in ERPNext');
    // An ERP that never had the IRN has nothing to cancel.
    assert.equal(driftOf(r, shows({ irn: null }), null, 'ERPNext'), null);
  });

  test('a registration the ERP does not show (a failed write-back), also for a module that only reads the IRN', () => {
    assert.equal(driftOf(active, shows({ irn: null }), null, 'Odoo')?.event.kind, 'generated');
    assert.equal(driftOf(active, null, null, 'Odoo')?.action, 'Record the IRN in Odoo');
    assert.equal(driftOf(active, null, IRN, 'Odoo'), null);
  });

  test('an e-way bill, or its cancellation, the ERP does not show', () => {
    const withEwb: EInvoiceResult = { ...active, ewbNo: '181000000001', ewbDt: '01/12/2026 10:05:00', ewbValidTill: '02/12/2026 23:59:00' };
    assert.deepEqual(driftOf(withEwb, shows({}), IRN, 'ERPNext')?.event, { kind: 'ewaybill', result: withEwb, ewbNo: '181000000001', ewbDt: '01/12/2026 10:05:00', ewbValidTill: '02/12/2026 23:59:00' });
    // A module that cannot tell (recorded absent) is not asked to record e-way bills again and again.
    assert.equal(driftOf(withEwb, null, IRN, 'ERPNext'), null);
    const ewbCancelled: EInvoiceResult = { ...withEwb, ewbCancelDate: '01/12/2026 12:00:00 PM', ewbCancelReason: '2', ewbCancelRemark: 'Order cancelled' };
    const d = driftOf(ewbCancelled, shows({ ewbNo: '181000000001' }), IRN, 'ERPNext');
    assert.deepEqual(d?.event, { kind: 'ewaybill-cancelled', result: ewbCancelled, ewbNo: '181000000001', cancelDate: '01/12/2026 12:00:00 PM', reason: '2', remark: 'Order cancelled' });
    assert.equal(driftOf(ewbCancelled, shows({ ewbNo: null, ewbCancelled: true }), IRN, 'ERPNext'), null);
    assert.equal(driftOf(ewbCancelled, shows({ ewbNo: null }), IRN, 'ERPNext'), null, 'never shown, nothing to take back');
  });
});

describe('driftOf: a cancellation noted by a user who may not cancel the invoice', () => {
  test('still offered (for a user with that right), saying it is noted and who has to finish', () => {
    const r: EInvoiceResult = { ...active, status: 'CNL', cancelDate: '2026-12-01 11:00:00' };
    const d = driftOf(r, shows({ cancellationNoted: 'an Accounts Manager' }), IRN, 'ERPNext');
    assert.equal(d?.event.kind, 'cancelled');
    assert.match(d!.differs, /already noted on the invoice; cancelling the invoice itself in ERPNext needs an Accounts Manager, who can record it here\.$/);
  });
});
