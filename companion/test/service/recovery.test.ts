/**
 * Duplicate recovery (2150) and token handling, against an offline IRP over HTTP:
 * a fresh home (lost ledger) meets an IRP that already has the document. On both storages
 * (a fresh home on PostgreSQL has a fresh database too).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestIrp, type TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { addIrpProfile, makeHome, startTestCompanion } from './helpers';
import { dropAll, STORAGES } from '../support/storage';

for (const storage of STORAGES) describe(`duplicate recovery and tokens, ${storage.name}`, { skip: await storage.skip() }, () => {
  let irp: TestIrp;
  const homes: ReturnType<typeof makeHome>[] = [];
  const databases = new Map<string, string | undefined>();
  const home = async () => {
    const h = makeHome();
    homes.push(h);
    addIrpProfile(h.home, irp);
    databases.set(h.home, await storage.database());
    return h.home;
  };
  const startOn = (h: string) => startTestCompanion({ home: h, database: databases.get(h) });

  before(async () => { irp = await startTestIrp(); });
  after(async () => {
    await irp.close();
    for (const h of homes) h.remove();
    await dropAll();
  });

  test('2150 after a lost ledger: same buyer and total → recovered, no second registration', async () => {
    const invoice = makeInvoice();
    const first = await startOn(await home());
    const original = await first.api('/v1/einvoices', { body: { invoice } });
    await first.close();
    assert.equal(original.status, 200, original.text);

    const fresh = await startOn(await home());
    try {
      const registrations = irp.irp.counters.registrations;
      const res = await fresh.api('/v1/einvoices', { body: { invoice } });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.irn, original.body.irn);
      assert.equal(res.body.ackNo, original.body.ackNo);
      assert.equal(res.body.recovered, true);
      assert.equal(irp.irp.counters.registrations, registrations);
      const ledger = await fresh.api('/v1/einvoices?state=generated');
      assert.equal(ledger.body.entries[0].recovered, true);
    } finally {
      await fresh.close();
    }
  });

  test('2150 for a different invoice under the same number → 409 CONFLICT naming the existing IRN', async () => {
    const invoice = makeInvoice();
    const first = await startOn(await home());
    const original = await first.api('/v1/einvoices', { body: { invoice } });
    await first.close();
    assert.equal(original.status, 200, original.text);

    const other = makeInvoice({ docNo: invoice.DocDtls.No, intraState: true }); // same number, another buyer and total
    const fresh = await startOn(await home());
    try {
      const res = await fresh.api('/v1/einvoices', { body: { invoice: other } });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.error.code, 'CONFLICT');
      assert.ok(res.body.error.message.includes(original.body.irn), res.body.error.message);
      assert.ok(res.body.error.message.includes(invoice.DocDtls.No), res.body.error.message);
    } finally {
      await fresh.close();
    }
  });

  test('tokens revoked in the middle of a batch: transparent re-auth, no failed invoice', async () => {
    const c = await startOn(await home());
    try {
      const warm = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
      assert.equal(warm.status, 200, warm.text);
      const authBefore = irp.irp.counters.authCalls;
      const invoices = Array.from({ length: 30 }, () => makeInvoice());
      // The companion still holds its token; the IRP no longer honours it, so the batch's first calls meet 1005.
      irp.irp.faults.revokeAllTokens();
      const accepted = await c.api('/v1/einvoices/batch', { body: { invoices, concurrency: 4 } });
      assert.equal(accepted.status, 202, accepted.text);
      let status;
      do {
        await new Promise((r) => setImmediate(r));
        status = await c.api(accepted.body.statusUrl);
      } while (!status.body.finished);
      assert.equal(status.body.failed, 0, JSON.stringify(status.body.results.filter((r: { ok: boolean }) => !r.ok)));
      assert.equal(status.body.succeeded, 30);
      assert.deepEqual(status.body.results.map((r: { index: number }) => r.index), [...Array(30).keys()]);
      const reauths = irp.irp.counters.authCalls - authBefore;
      assert.ok(reauths >= 1 && reauths <= 2, `re-authenticated ${reauths} times; expected one shared re-auth`);
    } finally {
      await c.close();
    }
  });

  test('a restart with a valid cached token makes no auth call', async () => {
    const h = await home();
    const first = await startOn(h);
    assert.equal((await first.api('/v1/einvoices', { body: { invoice: makeInvoice() } })).status, 200);
    await first.close();
    const authBefore = irp.irp.counters.authCalls;
    const second = await startOn(h);
    try {
      const res = await second.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
      assert.equal(res.status, 200, res.text);
      assert.equal(irp.irp.counters.authCalls, authBefore);
    } finally {
      await second.close();
    }
  });
});
