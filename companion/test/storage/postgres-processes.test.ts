/**
 * Several companion processes (real children of this test) on one real PostgreSQL database behave
 * as one (issue 10, team mode): the same documents sent to all of them at once are registered once
 * each and every caller is told the same IRN (or "in progress elsewhere", never another IRN); the IRP
 * token is fetched by one process and shared; start-up reconciliation of rows a dead process left
 * is done once per row although every process starts at the same moment.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { computeIrn, documentKeyOf } from '@irn-bridge/shared/irn';
import { startTestIrp, type TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { addIrpProfile, makeHome } from '../service/helpers';
import { dropAll, freshPgDatabase, postgresSkipReason } from '../support/storage';
import { openStorageNow } from '../../src/storage/open';

const BIN = fileURLToPath(new URL('../../bin/irn-bridge.mjs', import.meta.url));
const PROCESSES = 3;
const GENERATE = '/eicore/v1.03/Invoice';
const children = new Set<ChildProcess>();

interface Child { child: ChildProcess; url: string; exited: Promise<unknown>; output: () => string }

function startChild(home: string, database: string): Promise<Child> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
    env: { ...process.env, IRN_BRIDGE_HOME: home, IRN_BRIDGE_LOG: 'info', IRN_BRIDGE_DATABASE: database }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1], exited, output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`companion exited early (${code}): ${out}`)));
  });
}

async function stopAll(list: Child[]): Promise<void> {
  for (const c of list) if (c.child.exitCode === null) c.child.kill('SIGTERM');
  await Promise.all(list.map((c) => c.exited));
}

const skip = (await postgresSkipReason()) ?? false;

describe(`${PROCESSES} companion processes on one PostgreSQL database`, { skip }, () => {
  let irp: TestIrp;
  let database: string;
  let apiKey: string;
  let procs: Child[] = [];
  const homes: ReturnType<typeof makeHome>[] = [];

  const post = (base: string, path: string, body: unknown) => fetch(`${base}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify(body),
  });

  const query = async <T>(text: string, args: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: database });
    await c.connect();
    try { return (await c.query(text, args)).rows as T[]; } finally { await c.end(); }
  };

  before(async () => {
    irp = await startTestIrp();
    database = await freshPgDatabase();
    for (let i = 0; i < PROCESSES; i++) {
      const h = makeHome('irnb-team-');
      addIrpProfile(h.home, irp);
      homes.push(h);
    }
    procs = await Promise.all(homes.map((h) => startChild(h.home, database)));
    // One pairing on the shared database gives a key every process accepts.
    const storage = await openStorageNow(homes[0].home, database);
    const { code } = await storage.pairing.create();
    await storage.close();
    const paired = await (await fetch(`${procs[1].url}/v1/pair`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, client: 'team-test' }),
    })).json() as { apiKey: string };
    apiKey = paired.apiKey;
    assert.ok(apiKey, 'paired through the second process');
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await irp?.close();
    for (const h of homes) h.remove();
    await dropAll();
  });

  test('one auth for the GSTIN across every process: the first to ask logs in, the others use the token it stored', async () => {
    const authBefore = irp.irp.counters.authCalls;
    irp.irp.faults.delayMs(300); // a slow login: without the shared lock every process would log in meanwhile
    const answers = await Promise.all(procs.map((p) => post(p.url, '/v1/einvoices', { invoice: makeInvoice() })));
    irp.irp.faults.clear();
    const auths = irp.irp.counters.authCalls - authBefore;
    console.log(`# ${PROCESSES} processes, each generating its first document at once: ${auths} auth call(s) at the IRP`);
    for (const res of answers) assert.equal(res.status, 200, await res.text());
    assert.equal(auths, 1, 'one auth request for the GSTIN, whichever process made it');
    const tokens = await query<{ n: number }>('SELECT COUNT(*)::int AS n FROM irp_tokens');
    assert.equal(tokens[0].n, 1, 'one shared token row');
    // The row is sealed with the profile's credentials: the database holds neither the token nor the session key.
    const [{ token_json: stored }] = await query<{ token_json: string }>('SELECT token_json FROM irp_tokens');
    const issued = new Database(join(irp.dataDir, 'offline-irp.sqlite'), { readonly: true });
    const live = issued.prepare('SELECT token, sek FROM tokens WHERE revoked = 0').all() as { token: string; sek: string }[];
    issued.close();
    assert.ok(live.length > 0, 'the offline IRP issued a token');
    for (const t of live) for (const secret of [t.token, t.sek]) assert.equal(stored.includes(secret), false, 'a token or SEK in clear in PostgreSQL');
    assert.match(JSON.parse(stored).authToken, /^sealed\.v1\./);
  });

  test('the same 40 documents sent to every process at once: one registration each, one IRN per document', async () => {
    const invoices = Array.from({ length: 40 }, () => makeInvoice());
    const registrationsBefore = irp.irp.counters.registrations;
    const authBefore = irp.irp.counters.authCalls;
    const sendsBefore = irp.irp.counters.byPath[GENERATE] ?? 0;
    irp.irp.faults.delayMs(100); // slow enough that the processes overlap on every document
    // Interleaved: each document reaches every process at about the same moment.
    const answers = await Promise.all(invoices.flatMap((invoice) => procs.map(async (p) => {
      const res = await post(p.url, '/v1/einvoices', { invoice });
      return { docNo: invoice.DocDtls.No, status: res.status, body: await res.json() as { irn?: string; error?: { code: string } } };
    })));
    irp.irp.faults.clear();

    const registered = irp.irp.counters.registrations - registrationsBefore;
    const sends = (irp.irp.counters.byPath[GENERATE] ?? 0) - sendsBefore;
    const ok = answers.filter((a) => a.status === 200).length;
    const elsewhere = answers.filter((a) => a.status === 503 && a.body.error?.code === 'OUTCOME_UNKNOWN').length;
    console.log(`# ${answers.length} requests to ${PROCESSES} processes: ${ok} answered with the IRN, ${elsewhere} told "in progress elsewhere"; ` +
      `${sends} sends and ${registered} registrations at the IRP for ${invoices.length} documents`);
    assert.equal(registered, invoices.length, 'every document registered exactly once at the IRP');
    assert.equal(sends, invoices.length, 'each document sent once: no process relied on the IRP\'s duplicate check');
    for (const a of answers) {
      assert.ok(a.status === 200 || (a.status === 503 && a.body.error?.code === 'OUTCOME_UNKNOWN'), `${a.docNo}: ${a.status} ${JSON.stringify(a.body)}`);
    }
    for (const invoice of invoices) {
      const k = documentKeyOf(invoice);
      const expected = await computeIrn({ sellerGstin: k.sellerGstin, docDate: k.docDate, docType: k.docType, docNo: k.docNo });
      for (const a of answers.filter((x) => x.docNo === invoice.DocDtls.No && x.status === 200)) assert.equal(a.body.irn, expected, 'no caller told a wrong IRN');
    }
    const rows = await query<{ state: string; n: number }>('SELECT state, COUNT(*)::int AS n FROM einvoices GROUP BY state');
    assert.deepEqual(rows, [{ state: 'generated', n: invoices.length + PROCESSES }], 'one ledger row per document, each generated');
    assert.equal(irp.irp.counters.authCalls - authBefore, 0, 'the shared token served every process');
    for (const p of procs) assert.doesNotMatch(p.output(), /irnb_test@|:irnb_test/, 'the database password is never logged');
  });

  test('rows left pending by a dead process are reconciled once, though every process starts at the same moment', async () => {
    await stopAll(procs);
    // Rows a companion wrote as pending and then died on (kill -9 before the IRP was called): their owner is gone.
    const storage = await openStorageNow(homes[0].home, database);
    const invoices = Array.from({ length: 30 }, () => makeInvoice());
    try {
      for (const invoice of invoices) {
        const row = await storage.ledger.beginAttempt({ key: documentKeyOf(invoice), docNo: invoice.DocDtls.No, profile: 'irp', request: invoice,
          buyerGstin: invoice.BuyerDtls.Gstin, totalValue: invoice.ValDtls.TotInvVal });
        assert.ok(row);
      }
    } finally {
      await storage.close();
    }
    await query("UPDATE einvoices SET owner_pid = 2147483646, owner_heartbeat = '2000-01-01T00:00:00.000Z' WHERE state = 'pending'");
    const registrationsBefore = irp.irp.counters.registrations;
    procs = await Promise.all(homes.map((h) => startChild(h.home, database)));
    for (let i = 0; i < 1500; i++) {
      const pending = await query<{ n: number }>("SELECT COUNT(*)::int AS n FROM einvoices WHERE state <> 'generated'");
      if (pending[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const reconciles = await query<{ document: string; n: number }>(
      "SELECT document, COUNT(*)::int AS n FROM audit WHERE operation = 'reconcile' GROUP BY document");
    const registered = irp.irp.counters.registrations - registrationsBefore;
    console.log(`# ${invoices.length} orphaned rows, ${PROCESSES} processes reconciling at once: ${registered} registrations, ` +
      `${reconciles.length} documents reconciled, at most ${Math.max(...reconciles.map((r) => r.n))} time(s) each`);
    assert.equal(registered, invoices.length, 'each orphaned document sent once');
    assert.equal(reconciles.length, invoices.length);
    assert.ok(reconciles.every((r) => r.n === 1), 'no row reconciled by two processes');
    const states = await query<{ state: string; n: number }>('SELECT state, COUNT(*)::int AS n FROM einvoices GROUP BY state');
    assert.deepEqual(states, [{ state: 'generated', n: 40 + PROCESSES + invoices.length }]);
  });
});
