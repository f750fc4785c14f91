/**
 * Issue 10 defects 3, 4 and 5, with real processes on one real SQLite ledger, as they were found:
 * (3) the CLI and the server on one home never both send a document, and start-up settles a 409 row
 * the IRP holds; (4) a registration whose ledger write fails is answered with its IRN and stored
 * later; (5) a lock held by another process neither freezes /v1/health nor gives a bare error at start.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice, INTRA_BUYER_GSTIN } from '../support/invoices';
import { run } from '../cli/run';
import { addIrpProfile, makeHome, startCompanionRig, startTestCompanion, type CompanionRig } from './helpers';
import type { TestIrp } from '../support/offline-irp';
import { createServer } from 'node:http';
import { holdWriteLock, readRows, until } from './ledger-procs';

const GENERATE = '/eicore/v1.03/Invoice';

/** A pass-through to the IRP that holds each registration (POST …/Invoice) for `ms` and passes everything else at once. */
async function slowRegistrations(target: string, ms: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'POST' && /\/eicore\/v1\.03\/Invoice$/i.test(req.url ?? '')) await sleep(ms);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]);
    const answer = await fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('issue 10: two processes on one ledger, and a ledger that cannot be written', () => {
  let rig: CompanionRig;
  const savedWait = process.env.IRN_BRIDGE_LEDGER_WAIT_MS;
  before(async () => {
    process.env.IRN_BRIDGE_LEDGER_WAIT_MS = '600';
    rig = await startCompanionRig();
    await rig.c.api(routes.health); // records the key's use now, so no request below needs to write it
  });
  after(async () => {
    if (savedWait === undefined) delete process.env.IRN_BRIDGE_LEDGER_WAIT_MS; else process.env.IRN_BRIDGE_LEDGER_WAIT_MS = savedWait;
    await rig?.c.close(); // the companion restarted below (rig.close() closes the one it started)
    await rig?.close();
  });
  const generations = () => rig.irp.irp.counters.byPath[GENERATE] ?? 0;

  test('(3) the server is sending a document and `irn-bridge generate` gets the same one: one send, one IRN for both', async () => {
    // Only the registration is slow (as when the IRP sits on it): a lookup by document details answers at once, "not found".
    const slow = await slowRegistrations(rig.irp.baseUrl, 4000);
    const home = makeHome();
    try {
      addIrpProfile(home.home, { ...rig.irp, baseUrl: slow.url } as TestIrp);
      const c = await startTestCompanion({ home: home.home });
      try {
        const invoice = makeInvoice();
        const file = join(home.home, 'one.json');
        writeFileSync(file, JSON.stringify(invoice));
        const sent = generations();
        const server = c.api(routes.einvoices, { body: { invoice } });
        await until('the server\'s pending row', () => readRows(home.home).find((r) => r.doc_no === invoice.DocDtls.No && r.state === 'pending'));
        const out = await run(home.home, ['generate', file, '--json']);
        const res = await server;
        assert.equal(res.status, 200, res.text);
        assert.equal(out.code, 0, out.stderr);
        const printed = JSON.parse(out.stdout);
        assert.equal((printed.result ?? printed).irn, res.body.irn, out.stdout);
        assert.equal(generations() - sent, 1, 'the IRP was sent the document once');
      } finally {
        await c.close();
      }
    } finally {
      await slow.close();
      home.remove();
    }
  });

  test('(3) a 409 row the IRP holds (another invoice took the number) is settled at start-up from the IRP', async () => {
    const held = makeInvoice();
    const registered = (await rig.irp.session().generateIrn(held)).data; // registered elsewhere (another PC, the portal)
    const changed = makeInvoice({ docNo: held.DocDtls.No, docDate: held.DocDtls.Dt, intraState: true });
    assert.notEqual(changed.BuyerDtls.Gstin, held.BuyerDtls.Gstin);
    const refused = await rig.c.api(routes.einvoices, { body: { invoice: changed } });
    assert.equal(refused.status, 409, refused.text);
    assert.equal(readRows(rig.home.home).find((r) => r.doc_no === held.DocDtls.No)?.state, 'failed');

    await rig.c.close();
    rig.c = await startTestCompanion({ home: rig.home.home });
    await rig.c.running.companion.reconciled;
    const row = readRows(rig.home.home).find((r) => r.doc_no === held.DocDtls.No);
    assert.equal(row?.state, 'generated', 'start-up asked the IRP and stored what it holds');
    assert.equal(row?.irn, registered.Irn);
    const again = await rig.c.api(routes.einvoices, { body: { invoice: held } });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.irn, registered.Irn);
    assert.equal(again.body.fromLedger, true);
    assert.equal((await rig.c.api(routes.einvoices, { body: { invoice: changed } })).status, 409);
    void INTRA_BUYER_GSTIN;
  });

  test('(4) the ledger is locked when the IRP answers: 200 with the IRN, and the row is stored once the lock goes', async () => {
    const invoice = makeInvoice();
    rig.irp.irp.faults.delayMs(1200);
    const pending = rig.c.api(routes.einvoices, { body: { invoice } });
    await until('the pending row', () => readRows(rig.home.home).find((r) => r.doc_no === invoice.DocDtls.No && r.state === 'pending'));
    const holder = await holdWriteLock(rig.home.home);
    let res;
    try {
      res = await pending;
      rig.irp.irp.faults.delayMs(0);
      assert.equal(res.status, 200, `answered while another process holds the ledger: ${res.text}`);
      assert.match(res.body.irn, /^[0-9a-f]{64}$/);
      assert.equal(readRows(rig.home.home).find((r) => r.doc_no === invoice.DocDtls.No)?.state, 'pending', 'not written yet: the lock is held' + rig.c.logs.slice(-12).join('\n'));
    } finally {
      await holder.release();
    }
    const row = await until('the row stored after the lock went', () =>
      readRows(rig.home.home).find((r) => r.doc_no === invoice.DocDtls.No && r.state === 'generated'));
    assert.equal(row.irn, res.body.irn);
    const again = await rig.c.api(routes.einvoices, { body: { invoice } });
    assert.equal(again.body.irn, res.body.irn);
    assert.equal(again.body.fromLedger, true);
  });

  test('(5) a generate waiting for a lock another process holds: /v1/health still answers, and the generate succeeds after', async () => {
    const invoice = makeInvoice();
    process.env.IRN_BRIDGE_LEDGER_WAIT_MS = '20000';
    const holder = await holdWriteLock(rig.home.home);
    let settled = false;
    const gen = rig.c.api(routes.einvoices, { body: { invoice } }).finally(() => { settled = true; });
    try {
      await sleep(300); // let the generate reach the lock
      const health = await rig.c.api(routes.health);
      assert.equal(health.status, 200);
      assert.equal(settled, false, 'health answered while the generate was still waiting for the lock');
    } finally {
      await holder.release();
      process.env.IRN_BRIDGE_LEDGER_WAIT_MS = '600';
    }
    const res = await gen;
    assert.equal(res.status, 200, res.text);
  });

  test('(5) start-up on a ledger another program holds locked: a message naming the file, not a bare "database is locked"', async () => {
    const home = makeHome();
    try {
      addIrpProfile(home.home, rig.irp);
      await run(home.home, ['ledger', 'list']); // creates the ledger
      const holder = await holdWriteLock(home.home);
      try {
        const out = await run(home.home, ['start', '--port', '0']);
        assert.notEqual(out.code, 0);
        assert.match(out.stderr, /Another program is holding the IRN Bridge ledger open/);
        assert.ok(out.stderr.includes(join(home.home, 'irn-bridge.db')), out.stderr);
      } finally {
        await holder.release();
      }
    } finally {
      home.remove();
    }
  });
});
