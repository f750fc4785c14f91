/**
 * Issue 11 item 1 on the real ERPNext 15 + India Compliance: after each write-back the module reads
 * back what the ledger holds, so the panel's drift check (shared/src/erps/drift.ts) finds nothing once
 * recorded, and finds the event to record when the IRP moved on without ERPNext (a missed
 * registration, an e-way bill and its cancellation, an IRN cancelled elsewhere). Recorded as an
 * Accounts Manager, who may cancel a Sales Invoice as India Compliance's own cancellation does.
 */
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { driftOf } from '@irn-bridge/shared/erps/drift';
import { erpnext } from '@irn-bridge/shared/erps/erpnext/index';
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { findRealErp } from '../support/real-erp';
import { CASES, createInvoices } from './cases';
import { startIrp, type TestIrp } from './irp-results';
import { nodeIo, startRun, type RealRun } from './run';

const found = await findRealErp('erpnext15');
const skip = 'skip' in found ? found.skip : false;
const GOODS = CASES.filter((c) => c.id === 'inter-two-items');

describe('ERPNext 15 + India Compliance: the ledger against what ERPNext shows, settled by record()', { skip }, () => {
  let run: RealRun;
  let irp: TestIrp;
  before(async () => {
    if ('skip' in found) return;
    run = await startRun(found.url);
    irp = await startIrp('29AAHCA4821K1ZH');
  });
  after(async () => irp?.close());

  // The Accounts User reads (the manager of this site may not read the company's Address); the manager records (it may cancel).
  const io = (): ErpIo => nodeIo(run.user);
  const recorder = (): ErpIo => nodeIo(run.manager);
  const drift = async (name: string, r: EInvoiceResult) => {
    const s = erpnext.summary(await erpnext.read(io(), { erp: 'erpnext', name }));
    return driftOf(r, s.recorded, s.irn, 'ERPNext');
  };
  async function settle(name: string, r: EInvoiceResult, kind: string): Promise<void> {
    const d = await drift(name, r);
    assert.equal(d?.event.kind, kind, d?.differs);
    const out = await erpnext.record(recorder(), { erp: 'erpnext', name }, d!.event);
    assert.equal(out.ok, true, out.message);
    assert.equal(await drift(name, r), null, `after recording ${kind}, ERPNext shows what the ledger holds`);
  }
  async function registered(): Promise<{ name: string; result: EInvoiceResult }> {
    const name = (await createInvoices(run.user, run.masters, run.taxes, GOODS))['inter-two-items'];
    const doc = await erpnext.read(io(), { erp: 'erpnext', name });
    return { name, result: await irp.generate(erpnext.map(doc).invoice) };
  }

  test('a registration ERPNext missed, then an e-way bill and its cancellation made elsewhere', async () => {
    const { name, result } = await registered();
    await settle(name, result, 'generated');
    const ewb = await irp.ewaybill(result.irn);
    const withEwb: EInvoiceResult = { ...result, ...ewb };
    await settle(name, withEwb, 'ewaybill');
    const inv = await run.user.get<Record<string, unknown>>('Sales Invoice', name);
    assert.equal(inv.ewaybill, ewb.ewbNo);
    const gone: EInvoiceResult = { ...withEwb, ewbCancelDate: '01/12/2026 01:30:00 PM', ewbCancelReason: '2', ewbCancelRemark: 'Order cancelled by the buyer' };
    await settle(name, gone, 'ewaybill-cancelled');
    const after = await run.user.get<Record<string, unknown>>('Sales Invoice', name);
    assert.equal(after.ewaybill ?? '', '');
    assert.equal(after.e_waybill_status, 'Manually Cancelled');
    assert.equal(after.irn, result.irn, 'the IRN stays registered');
  });

  test('an IRN cancelled elsewhere, recorded by an Accounts User (who may not cancel the invoice): still offered, saying it is noted and an Accounts Manager has to finish', async () => {
    const { name, result } = await registered();
    await settle(name, result, 'generated');
    const cancelled: EInvoiceResult = { ...result, status: 'CNL', cancelDate: await irp.cancel(result.irn), cancelReason: '2', cancelRemark: 'Wrong rate entered' };
    const before = await drift(name, cancelled);
    assert.doesNotMatch(before!.differs, /already noted/);
    const out = await erpnext.record(io(), { erp: 'erpnext', name }, before!.event);
    assert.equal(out.method, 'comment', out.message);
    const d = await drift(name, cancelled);
    assert.equal(d?.event.kind, 'cancelled');
    assert.match(d!.differs, /already noted on the invoice; cancelling the invoice itself in ERPNext needs an Accounts Manager/);
    const done = await erpnext.record(recorder(), { erp: 'erpnext', name }, d!.event);
    assert.equal(done.ok, true, done.message);
    assert.equal(await drift(name, cancelled), null);
    assert.equal((await run.user.get<Record<string, unknown>>('Sales Invoice', name)).docstatus, 2);
  });

  test('an IRN cancelled elsewhere: ERPNext still shows it valid until recorded; then the invoice is cancelled as India Compliance does', async () => {
    const { name, result } = await registered();
    await settle(name, result, 'generated');
    const cancelDate = await irp.cancel(result.irn);
    await settle(name, { ...result, status: 'CNL', cancelDate, cancelReason: '2', cancelRemark: 'Wrong rate entered' }, 'cancelled');
    const inv = await run.user.get<Record<string, unknown>>('Sales Invoice', name);
    assert.equal(inv.docstatus, 2);
    assert.equal(inv.einvoice_status, 'Manually Cancelled');
  });
});
