/**
 * Issue 10 defects 1, 2, 7 and 8, over real HTTP as they were found: each failed before its fix.
 * (1) a changed invoice with a registered number gets 409, not the old IRN; (2) the raw route cannot
 * register or cancel through dot segments, escapes or extra slashes; (7) junk pairing calls and wrong
 * guesses do not lock out a fresh code; (8) messages that said the wrong thing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice, INTRA_BUYER_GSTIN } from '../support/invoices';
import { addIrpProfile, makeHome, startCompanionRig, startTestCompanion, type CompanionRig } from './helpers';
import { startTestIrp } from '../support/offline-irp';

describe('issue 10: defects 1, 2, 7, 8', () => {
  let rig: CompanionRig;
  before(async () => { rig = await startCompanionRig(); });
  after(async () => { await rig?.close(); });

  test('(1) the same number with another buyer, total or item count: 409 CONFLICT, never the old IRN', async () => {
    const first = makeInvoice();
    const gen = await rig.c.api(routes.einvoices, { body: { invoice: first } });
    assert.equal(gen.status, 200, gen.text);
    const same = await rig.c.api(routes.einvoices, { body: { invoice: first } });
    assert.equal(same.status, 200, same.text);
    assert.equal(same.body.fromLedger, true);
    const changed = [
      makeInvoice({ docNo: first.DocDtls.No, docDate: first.DocDtls.Dt, intraState: true }),
      makeInvoice({ docNo: first.DocDtls.No, docDate: first.DocDtls.Dt, servicesOnly: true }),
    ];
    for (const invoice of changed) {
      const res = await rig.c.api(routes.einvoices, { body: { invoice } });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.error.code, 'CONFLICT');
      assert.ok(res.body.error.message.includes(gen.body.irn), res.body.error.message);
      assert.equal(res.text.includes('"signedQrCode"'), false);
    }
    const again = await rig.c.api(routes.einvoices, { body: { invoice: first } });
    assert.equal(again.status, 200, 'the ledger row is untouched by the refused requests');
    assert.equal(again.body.irn, gen.body.irn);
  });

  test('(2) POST /v1/irp/raw: no path spelling registers or cancels, and only read-only calls pass', async () => {
    const before = rig.irp.irp.counters.registrations;
    const generateSpellings = ['/eicore/v1.03/./Invoice', '/eicore/v1.03/Invoice/.', '/eicore/v1.03/%2e/Invoice', '/eicore/./v1.03/Invoice',
      '/eicore/v1.03/Invoice//', '/eicore/v1.03//Invoice', '/EICORE/V1.03/INVOICE', '/eicore/v1.03/%49nvoice', '/eicore/v1.03/Invoice?x=1'];
    for (const path of generateSpellings) {
      const res = await rig.c.api(routes.raw, { body: { method: 'POST', path, body: makeInvoice() } });
      assert.equal(res.status, 400, `${path}: ${res.text}`);
    }
    assert.equal(rig.irp.irp.counters.registrations, before, 'nothing was registered outside the ledger');
    const gen = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    for (const path of ['/eicore/v1.03/Invoice/./Cancel', '/eicore/v1.03/Invoice/Cancel/', '/eicore/v1.03/Invoice/%43ancel']) {
      const res = await rig.c.api(routes.raw, { body: { method: 'POST', path, body: { Irn: gen.body.irn, CnlRsn: '1', CnlRem: 'x' } } });
      assert.equal(res.status, 400, `${path}: ${res.text}`);
    }
    const still = await rig.c.api(routes.einvoice(gen.body.irn));
    assert.equal(still.body.status, 'ACT');
    const read = await rig.c.api(routes.raw, { body: { method: 'GET', path: `/eicore/v1.03/./Invoice/irn/${gen.body.irn}` } });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.data.Irn, gen.body.irn);
  });

  test('(7) ten junk pairing calls, then a fresh code from `irn-bridge pair`: paired', async () => {
    for (let i = 0; i < 10; i++) await rig.c.api(routes.pair, { body: { junk: i }, key: null });
    const { code } = await rig.c.running.companion.ctx.pairing.create();
    const res = await rig.c.api(routes.pair, { body: { code, client: 'owner' }, key: null });
    assert.equal(res.status, 200, res.text);
  });

  test('(7) a script\'s wrong guesses use up its own attempts only: a new code pairs the extension at once', async () => {
    await rig.c.running.companion.ctx.pairing.create();
    for (let i = 0; i < 10; i++) await rig.c.api(routes.pair, { body: { code: 'AAAA-AAAA', client: 'x' }, key: null });
    const { code } = await rig.c.running.companion.ctx.pairing.create();
    const res = await rig.c.api(routes.pair, { body: { code, client: 'owner' }, key: null, headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    assert.equal(res.status, 200, res.text);
  });

  test('(8) concurrent redeems of one correct code: one key, the others told the code was used', async () => {
    const { code } = await rig.c.running.companion.ctx.pairing.create();
    const answers = await Promise.all(Array.from({ length: 4 }, () => rig.c.api(routes.pair, { body: { code, client: 'race' }, key: null })));
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      assert.equal(a.status, 401, a.text);
      assert.match(a.body.error.message, /already been used/);
      assert.doesNotMatch(a.body.error.message, /wrong/i);
    }
  });

  test('(8) a cancel remark loses NUL, lone surrogates and bidi overrides before it is sent', async () => {
    const gen = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    const res = await rig.c.api(routes.cancel(gen.body.irn), { body: { reason: '2', remark: 'Wrong\u0000 rate \ud800\u202eetar\u202c fixed' } });
    assert.equal(res.status, 200, res.text);
    const row = (await rig.c.running.companion.ctx.ledger.findByIrn(gen.body.irn))!;
    assert.equal(row.cancel_remark, 'Wrong rate etar fixed');
    const empty = await rig.c.api(routes.cancel(gen.body.irn), { body: { reason: '2', remark: '\u202e\u0000' } });
    assert.equal(empty.status, 400, empty.text);
    assert.match(empty.body.error.message, /"remark"/);
  });

  test('(8) e-way bill transMode, vehType and vehNo are checked by the shared rules before the IRP is called', async () => {
    const gen = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    const calls = rig.irp.irp.counters.requests;
    const cases: [Record<string, unknown>, string][] = [
      [{ distance: 10, transMode: '9', vehNo: 'KA01AB1234', vehType: 'R' }, 'transMode'],
      [{ distance: 10, transMode: '1', vehNo: 'KA01AB1234', vehType: 'X' }, 'vehType'],
      [{ distance: 10, transMode: '1', vehNo: 'KA/01', vehType: 'R' }, 'vehNo'],
      [{ distance: 10, transMode: '1', vehType: 'R' }, 'vehNo'],
      [{ distance: 10, vehNo: 'KA01AB1234' }, 'transMode'],
    ];
    for (const [body, field] of cases) {
      const res = await rig.c.api(routes.ewaybill(gen.body.irn), { body });
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.ok(res.body.error.message.includes(`"${field}"`), res.body.error.message);
    }
    assert.equal(rig.irp.irp.counters.requests, calls, 'no IRP call for a request the rules refuse');
  });

  test('(8) an aborted request is logged as aborted, not as a 500 or an unexpected error', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: rig.c.port, method: 'POST', path: routes.einvoices,
        headers: { host: `127.0.0.1:${rig.c.port}`, authorization: `Bearer ${rig.c.apiKey}`, 'content-type': 'application/json', 'content-length': '5000' } });
      req.on('error', () => resolve());
      req.write('{"invoice": {');
      setTimeout(() => { req.destroy(); resolve(); }, 100);
    });
    await new Promise((r) => setTimeout(r, 300)); // the server notices the closed socket on its own schedule
    const lines = rig.c.logs.filter((l) => l.includes(`POST ${routes.einvoices} `));
    assert.equal(lines.some((l) => / 500 /.test(l)), false, lines.join('\n'));
    assert.equal(rig.c.logs.some((l) => /unexpected error/i.test(l)), false);
  });
});

describe('issue 10 (8): a 1005 storm is not reported as "the IRP did not answer"', () => {
  let proxy: Server;
  test('every business call answered 1005: OUTCOME_UNKNOWN naming 1005, not silence', async () => {
    const irp = await startTestIrp();
    // In front of the offline IRP: auth passes through, every other call is refused with 1005 (invalid token).
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (/\/auth$/i.test(req.url ?? '')) {
        const upstream = await fetch(irp.baseUrl + req.url, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
        res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Status: 0, ErrorDetails: [{ ErrorCode: '1005', ErrorMessage: 'Invalid Token' }], InfoDtls: null }));
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const home = makeHome();
    addIrpProfile(home.home, { ...irp, baseUrl: `http://127.0.0.1:${(proxy.address() as { port: number }).port}` } as typeof irp);
    const c = await startTestCompanion({ home: home.home });
    try {
      const res = await c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.error.code, 'OUTCOME_UNKNOWN');
      assert.doesNotMatch(res.body.error.message, /did not answer/);
      assert.match(res.body.error.message, /1005/);
      assert.deepEqual(res.body.error.irp.codes, ['1005']);
    } finally {
      await c.close();
      proxy.close();
      await irp.close();
      home.remove();
    }
  });
});
