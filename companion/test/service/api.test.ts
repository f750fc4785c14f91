/** The local API v1 routes on the demo profile (embedded offline IRP), over real HTTP, plus the OpenAPI document. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice, BUYER_GSTIN } from '../support/invoices';
import { createCompanion } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { makeHome, startTestCompanion, type TestCompanion } from './helpers';

describe('local API v1', () => {
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  before(async () => {
    home = makeHome();
    c = await startTestCompanion({ home: home.home });
  });
  after(async () => {
    await c.close();
    home.remove();
  });

  test('first start creates the DEMO profile as default', async () => {
    const health = await c.api(routes.health);
    assert.equal(health.body.defaultProfile, 'demo');
    const profiles = await c.api(routes.profiles);
    assert.deepEqual(profiles.body.profiles.map((p: { name: string; demo: boolean; isDefault: boolean; gstin: string }) => [p.name, p.demo, p.isDefault, p.gstin]),
      [['demo', true, true, '29AAHCA4821K1ZH']]);
  });

  test('ledgerOnly=true: twenty looks at an unregistered document make no IRP call; a registered one answers from the ledger', async () => {
    const irp = await c.running.companion.ctx.sessions.offlineIrp();
    const invoice = makeInvoice();
    const lookup = (extra = '') => c.api(`${routes.einvoices}?docType=INV&docNo=${encodeURIComponent(invoice.DocDtls.No)}&docDate=${encodeURIComponent(invoice.DocDtls.Dt)}${extra}`);
    const requestsBefore = irp.counters.requests;
    for (let i = 0; i < 20; i++) {
      const r = await lookup('&ledgerOnly=true');
      assert.equal(r.status, 404, r.text);
      assert.equal(r.body.error.code, 'NOT_FOUND');
      assert.match(r.body.error.message, /ledger has no IRN/);
    }
    assert.equal(irp.counters.requests - requestsBefore, 0, 'no request reached the IRP');
    const withIrp = await lookup();
    assert.equal(withIrp.status, 404);
    assert.ok(irp.counters.requests - requestsBefore >= 1, 'without ledgerOnly the IRP is asked');
    const gen = await c.api(routes.einvoices, { body: { invoice } });
    assert.equal(gen.status, 200, gen.text);
    const afterGenerate = irp.counters.requests;
    const found = await lookup('&ledgerOnly=true');
    assert.equal(found.status, 200, found.text);
    assert.equal(found.body.irn, gen.body.irn);
    assert.equal(found.body.fromLedger, true);
    assert.equal(irp.counters.requests, afterGenerate);
    const bad = await lookup('&ledgerOnly=yes');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /ledgerOnly/);
  });

  test('generate, get by IRN, get by document, e-way bill, cancel, then re-use refused', async () => {
    const invoice = makeInvoice();
    const gen = await c.api(routes.einvoices, { body: { invoice } });
    assert.equal(gen.status, 200, gen.text);
    assert.equal(gen.body.profile.demo, true);
    assert.equal(gen.body.qr.DocNo, invoice.DocDtls.No);
    assert.equal(gen.body.buyerGstin, BUYER_GSTIN);
    const byIrn = await c.api(routes.einvoice(gen.body.irn));
    assert.equal(byIrn.body.ackNo, gen.body.ackNo);
    const byDoc = await c.api(`${routes.einvoices}?docType=INV&docNo=${encodeURIComponent(invoice.DocDtls.No)}&docDate=${encodeURIComponent(invoice.DocDtls.Dt)}`);
    assert.equal(byDoc.status, 200, byDoc.text);
    assert.equal(byDoc.body.irn, gen.body.irn);
    const none = await c.api(`${routes.einvoices}?docType=INV&docNo=NOPE-1&docDate=${encodeURIComponent(invoice.DocDtls.Dt)}`);
    assert.equal(none.status, 404);
    assert.equal(none.body.error.code, 'NOT_FOUND');

    const ewb = await c.api(routes.ewaybill(gen.body.irn), { body: { distance: 700, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' } });
    assert.equal(ewb.status, 200, ewb.text);
    assert.match(ewb.body.ewbNo, /^\d+$/);

    const cancelWithEwb = await c.api(routes.cancel(gen.body.irn), { body: { reason: '2', remark: 'Data entry mistake' } });
    assert.equal(cancelWithEwb.status, 422, 'an IRN with an active e-way bill cannot be cancelled');
    assert.equal(cancelWithEwb.body.error.code, 'IRP_REJECTED');

    const plain = makeInvoice();
    const gen2 = await c.api(routes.einvoices, { body: { invoice: plain } });
    const cancel = await c.api(routes.cancel(gen2.body.irn), { body: { reason: '2', remark: 'Data entry mistake' } });
    assert.equal(cancel.status, 200, cancel.text);
    assert.equal(cancel.body.status, 'CNL');
    const after = await c.api(routes.einvoice(gen2.body.irn));
    assert.equal(after.body.status, 'CNL');
    const reuse = await c.api(routes.einvoices, { body: { invoice: plain } });
    assert.equal(reuse.status, 409);
    assert.equal(reuse.body.error.code, 'ALREADY_CANCELLED');
    const cancelled = await c.api(`${routes.einvoices}?state=cancelled`);
    assert.ok(cancelled.body.entries.some((e: { irn: string }) => e.irn === gen2.body.irn));
  });

  test('validation: issues without an IRP call; generate refuses with 422 INVALID_INVOICE', async () => {
    const bad = makeInvoice();
    (bad.ValDtls as { TotInvVal: number }).TotInvVal += 500;
    const v = await c.api(routes.validate, { body: { invoice: bad } });
    assert.equal(v.status, 200);
    assert.equal(v.body.valid, false);
    assert.ok(v.body.issues.some((i: { path: string }) => i.path.startsWith('ValDtls')), JSON.stringify(v.body.issues));
    const g = await c.api(routes.einvoices, { body: { invoice: bad } });
    assert.equal(g.status, 422);
    assert.equal(g.body.error.code, 'INVALID_INVOICE');
    assert.ok(g.body.error.issues.length > 0);
    const ledger = await c.api(`${routes.einvoices}?q=${encodeURIComponent(bad.DocDtls.No)}`);
    assert.equal(ledger.body.total, 0, 'nothing recorded, nothing sent');
    assert.equal((await c.api(routes.validate, { body: { invoice: makeInvoice() } })).body.valid, true);
  });

  test('GSTIN: checksum refused locally with 422 INVALID_GSTIN; a valid one is looked up', async () => {
    const bad = await c.api(routes.gstin('37AAGCR5310M1Z7'));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'INVALID_GSTIN');
    assert.ok(bad.body.error.hint);
    const ok = await c.api(routes.gstin(BUYER_GSTIN));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.legalName, 'Rangoli Foods Private Limited');
    assert.equal(ok.body.stateCode, '37');
  });

  test('batch with wait returns per-invoice results in order, bad ones failing alone', async () => {
    const invoices: unknown[] = [makeInvoice(), { nonsense: true }, makeInvoice()];
    const res = await c.api(routes.batch, { body: { invoices, wait: true, concurrency: 2 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.finished, true);
    assert.deepEqual(res.body.results.map((r: { index: number; ok: boolean }) => [r.index, r.ok]), [[0, true], [1, false], [2, true]]);
    assert.equal(res.body.results[1].error.code, 'INVALID_INVOICE');
    const status = await c.api(routes.batchStatus(res.body.batchId));
    assert.equal(status.body.succeeded, 2);
    assert.equal((await c.api(routes.batchStatus('no-such-batch'))).status, 404);
  });

  test('raw IRP call and unknown profile', async () => {
    const raw = await c.api(routes.raw, { body: { method: 'GET', path: `/eivital/v1.04/Master/gstin/${BUYER_GSTIN}` } });
    assert.equal(raw.status, 200, raw.text);
    assert.equal(raw.body.data.Gstin, BUYER_GSTIN);
    const auth = await c.api(routes.raw, { body: { method: 'POST', path: '/eivital/v1.04/auth', body: {} } });
    assert.equal(auth.status, 400);
    const noProfile = await c.api(routes.einvoices, { body: { invoice: makeInvoice(), profile: 'nope' } });
    assert.equal(noProfile.status, 404);
    assert.equal(noProfile.body.error.code, 'PROFILE_NOT_FOUND');
  });
});

describe('OpenAPI document', () => {
  test('parses and lists exactly the routes the app registers', async () => {
    const home = makeHome();
    const companion = await createCompanion({ home: home.home, port: 47321, log: silentLogger, reconcileOnStart: false });
    try {
      const res = await companion.app.request('/v1/openapi.json', { headers: { host: '127.0.0.1:47321' } });
      assert.equal(res.status, 200);
      const doc = JSON.parse(await res.text());
      assert.equal(doc.openapi, '3.1.0');
      const documented = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
      const registered = new Set(companion.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      // Path parameter names differ only in spelling ({irn} vs :irn): compare shapes.
      const shape = (s: string) => s.replace(/:\w+/g, ':p');
      assert.deepEqual([...documented].map(shape).sort(), [...registered].map(shape).sort());
    } finally {
      await companion.close();
      home.remove();
    }
  });

  test('thrown errors become 500 INTERNAL without a stack', async () => {
    const home = makeHome();
    const companion = await createCompanion({ home: home.home, port: 47321, log: silentLogger, reconcileOnStart: false });
    try {
      companion.app.get('/v1/boom', () => { throw new Error('secret internals at /some/file.ts:12'); });
      const { code } = await companion.ctx.pairing.create();
      const pair = await companion.app.request('/v1/pair', { method: 'POST', headers: { host: '127.0.0.1:47321', 'content-type': 'application/json' }, body: JSON.stringify({ code, client: 't' }) });
      const { apiKey } = await pair.json() as { apiKey: string };
      const res = await companion.app.request('/v1/boom', { headers: { host: '127.0.0.1:47321', authorization: `Bearer ${apiKey}` } });
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.equal(JSON.parse(text).error.code, 'INTERNAL');
      assert.equal(text.includes('secret internals'), false);
    } finally {
      await companion.close();
      home.remove();
    }
  });
});
