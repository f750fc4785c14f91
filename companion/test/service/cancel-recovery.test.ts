/**
 * Cancelling never leaves the ledger behind the IRP: a cancellation the IRP already holds (a lost
 * reply, or another tool) is confirmed with the IRP and recorded; a second cancel is refused locally.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { startCompanionRig, type CompanionRig, type TestCompanion } from './helpers';

describe('cancel recovery', () => {
  let rig: CompanionRig;
  let irp: TestIrp;
  let c: TestCompanion;

  before(async () => {
    rig = await startCompanionRig();
    ({ irp, c } = rig);
  });
  after(() => rig.close());

  test('cancelled at the IRP behind the ledger (9999) → confirmed, recorded, and answered as cancelled', async () => {
    const gen = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    assert.equal(gen.status, 200, gen.text);
    // As if an earlier cancel reached the IRP but its reply was lost.
    await irp.session().cancelIrn({ irn: gen.body.irn, reason: '2', remark: 'Lost reply' });

    const res = await c.api(`/v1/einvoices/${gen.body.irn}/cancel`, { body: { reason: '2', remark: 'Data entry mistake' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'CNL');
    const stored = await c.api(`/v1/einvoices/${gen.body.irn}`);
    assert.equal(stored.body.status, 'CNL');
    const ledger = await c.api('/v1/einvoices?state=cancelled');
    assert.ok(ledger.body.entries.some((e: { irn: string }) => e.irn === gen.body.irn));
  });

  test('cancelling a cancelled IRN again is refused by the ledger with the date, without an IRP call', async () => {
    const gen = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    assert.equal(gen.status, 200, gen.text);
    const first = await c.api(`/v1/einvoices/${gen.body.irn}/cancel`, { body: { reason: '1', remark: 'Duplicate' } });
    assert.equal(first.status, 200, first.text);
    const requests = irp.irp.counters.requests;
    const again = await c.api(`/v1/einvoices/${gen.body.irn}/cancel`, { body: { reason: '1', remark: 'Duplicate' } });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.error.code, 'ALREADY_CANCELLED');
    assert.ok(again.body.error.message.includes(first.body.cancelDate), again.body.error.message);
    assert.equal(irp.irp.counters.requests, requests);
  });

  test('an IRP that fails before cancelling → 503, the IRN stays active, and a retry cancels it', async () => {
    const gen = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    irp.irp.faults.serverError(3, 502);
    const failed = await c.api(`/v1/einvoices/${gen.body.irn}/cancel`, { body: { reason: '2', remark: 'Retry me' } });
    assert.equal(failed.status, 503, failed.text);
    irp.irp.faults.clear();
    assert.equal((await c.api(`/v1/einvoices/${gen.body.irn}`)).body.status, 'ACT');
    const retry = await c.api(`/v1/einvoices/${gen.body.irn}/cancel`, { body: { reason: '2', remark: 'Retry me' } });
    assert.equal(retry.status, 200, retry.text);
  });
});
