/**
 * The reliability rules end to end: real HTTP to the companion, real HTTP from the companion to an
 * offline IRP with fault injection, a real ledger on each storage (SQLite, PostgreSQL). Whatever the network does, every document
 * gets exactly one IRN, equal to the IRP's, and the caller is never told to worry about a duplicate.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIrn } from '@irn-bridge/shared/irn';
import type { TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { startCompanionRig, type CompanionRig, type TestCompanion } from './helpers';
import { dropAll, STORAGES } from '../support/storage';

for (const storage of STORAGES) describe(`exactly-once IRN generation, ${storage.name}`, { skip: await storage.skip() }, () => {
  let rig: CompanionRig;
  let irp: TestIrp;
  let c: TestCompanion;

  before(async () => {
    rig = await startCompanionRig(undefined, { database: await storage.database() });
    ({ irp, c } = rig);
  });
  after(async () => {
    await rig.close();
    await dropAll();
  });

  test('100 generations whose replies are lost after registering: one IRN each, caller always succeeds', async () => {
    const before = irp.irp.counters.registrations;
    const invoices = Array.from({ length: 100 }, () => makeInvoice());
    for (const invoice of invoices) {
      irp.irp.faults.dropReplyAfterRegister(1);
      const res = await c.api('/v1/einvoices', { body: { invoice } });
      assert.equal(res.status, 200, res.text);
      const expected = await computeIrn({ sellerGstin: invoice.SellerDtls.Gstin, docDate: invoice.DocDtls.Dt, docType: invoice.DocDtls.Typ, docNo: invoice.DocDtls.No });
      assert.equal(res.body.irn, expected);
      assert.equal(res.body.recovered, true, 'the IRN came back through reconciliation, not a fresh reply');
    }
    assert.equal(irp.irp.counters.registrations - before, 100, 'the IRP registered each document exactly once');

    const ledger = await c.api('/v1/einvoices?state=generated&limit=1000');
    const irns = new Map<string, string>();
    for (const e of ledger.body.entries) irns.set(e.document.docNo, e.irn);
    for (const invoice of invoices) {
      const expected = await computeIrn({ sellerGstin: invoice.SellerDtls.Gstin, docDate: invoice.DocDtls.Dt, docType: invoice.DocDtls.Typ, docNo: invoice.DocDtls.No });
      assert.equal(irns.get(invoice.DocDtls.No.toUpperCase()), expected);
    }
    // The IRP's own record agrees with the ledger, document by document.
    const sample = invoices[42];
    const atIrp = await irp.session().getByDocDetails({ docType: 'INV', docNo: sample.DocDtls.No, docDate: sample.DocDtls.Dt });
    assert.equal(atIrp.data.Irn, irns.get(sample.DocDtls.No.toUpperCase()));
  });

  test('asking again returns the ledger copy without calling the IRP', async () => {
    const invoice = makeInvoice();
    const first = await c.api('/v1/einvoices', { body: { invoice } });
    assert.equal(first.status, 200, first.text);
    const requests = irp.irp.counters.requests;
    const again = await c.api('/v1/einvoices', { body: { invoice } });
    assert.equal(again.status, 200);
    assert.equal(again.body.irn, first.body.irn);
    assert.equal(again.body.fromLedger, true);
    assert.equal(irp.irp.counters.requests, requests, 'no IRP call');
  });

  test('concurrent identical requests register once and all get the same IRN', async () => {
    const invoice = makeInvoice();
    const before = irp.irp.counters.registrations;
    const results = await Promise.all(Array.from({ length: 8 }, () => c.api('/v1/einvoices', { body: { invoice } })));
    for (const r of results) assert.equal(r.status, 200, r.text);
    assert.equal(new Set(results.map((r) => r.body.irn)).size, 1);
    assert.equal(irp.irp.counters.registrations - before, 1);
  });

  test('a 5xx before registering: the companion asks, finds nothing, resends once, and succeeds', async () => {
    const invoice = makeInvoice();
    const before = irp.irp.counters.registrations;
    irp.irp.faults.serverError(1, 502);
    const res = await c.api('/v1/einvoices', { body: { invoice } });
    assert.equal(res.status, 200, res.text);
    assert.equal(irp.irp.counters.registrations - before, 1);
  });

  test('IRP unreachable: 503 OUTCOME_UNKNOWN saying retry is safe, row unknown; the retry registers once', async () => {
    const invoice = makeInvoice();
    const before = irp.irp.counters.registrations;
    irp.irp.faults.serverError(50, 503);
    const res = await c.api('/v1/einvoices', { body: { invoice } });
    assert.equal(res.status, 503, res.text);
    assert.equal(res.body.error.code, 'OUTCOME_UNKNOWN');
    assert.match(res.body.error.hint, /safe/i);
    const row = await c.api(`/v1/einvoices?q=${encodeURIComponent(invoice.DocDtls.No)}`);
    assert.equal(row.body.entries[0].state, 'unknown');
    irp.irp.faults.clear();
    const retry = await c.api('/v1/einvoices', { body: { invoice } });
    assert.equal(retry.status, 200, retry.text);
    assert.equal(irp.irp.counters.registrations - before, 1);
  });

  test('a business refusal marks the row failed with the IRP codes; the corrected invoice then succeeds', async () => {
    const invoice = makeInvoice();
    const wrongSeller = structuredClone(invoice);
    // A real, valid GSTIN that is not the profile's user: the IRP refuses it, the local checks cannot know.
    wrongSeller.SellerDtls.Gstin = '29AAKCB2045P1Z7';
    const refused = await c.api('/v1/einvoices', { body: { invoice: wrongSeller, profile: 'irp' } });
    assert.equal(refused.status, 422, refused.text);
    assert.equal(refused.body.error.code, 'IRP_REJECTED');
    assert.ok(refused.body.error.irp.codes.length > 0);
    assert.ok(refused.body.error.message.length > 0);
    const row = await c.api(`/v1/einvoices?state=failed&q=${encodeURIComponent(invoice.DocDtls.No)}`);
    assert.equal(row.body.entries.length, 1);
    assert.deepEqual(row.body.entries[0].lastError.irp.codes, refused.body.error.irp.codes);
    const ok = await c.api('/v1/einvoices', { body: { invoice, profile: 'irp' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.recovered, false);
  });
});
