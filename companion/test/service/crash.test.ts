/**
 * Crash safety: the companion (a real child process) is SIGKILLed after it wrote `pending` and while
 * the IRP still holds the request. After a restart, start-up reconciliation settles the row:
 * nothing lost, nothing registered twice. On both storages (the child gets IRN_BRIDGE_DATABASE for PostgreSQL).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { computeIrn } from '@irn-bridge/shared/irn';
import { startTestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import pg from 'pg';
import { databasePath } from '../../src/ledger/db';
import { openStorageNow } from '../../src/storage/open';
import { addIrpProfile, makeHome } from './helpers';
import { dropAll, STORAGES } from '../support/storage';

const BIN = fileURLToPath(new URL('../../bin/irn-bridge.mjs', import.meta.url));
const children = new Set<ChildProcess>();

after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function startChild(home: string, database?: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
    env: { ...process.env, IRN_BRIDGE_HOME: home, IRN_BRIDGE_LOG: 'silent', IRN_BRIDGE_DATABASE: database ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1], exited });
    });
    child.once('exit', (code) => reject(new Error(`companion exited early (${code}): ${out}`)));
  });
}

/** Polls a condition without asserting anything about time; gives up (and fails) after a generous bound. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for: ${what}`);
}

/** The document's rows as another reader sees them: a read-only look at the SQLite file, or a query on the PostgreSQL database. */
async function rowState(home: string, database: string | undefined, docNo: string): Promise<{ state: string; irn: string | null; n: number } | undefined> {
  let rows: { state: string; irn: string | null }[];
  if (database) {
    const c = new pg.Client({ connectionString: database });
    await c.connect();
    try { rows = (await c.query('SELECT state, irn FROM einvoices WHERE doc_no_key = $1', [docNo.toUpperCase()])).rows; } finally { await c.end(); }
  } else {
    const db = new Database(databasePath(home), { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare('SELECT state, irn FROM einvoices WHERE doc_no_key = ?').all(docNo.toUpperCase()) as { state: string; irn: string | null }[];
    } finally {
      db.close();
    }
  }
  return rows.length ? { ...rows[0], n: rows.length } : undefined;
}

for (const storage of STORAGES) describe(`crash safety, ${storage.name}`, { skip: await storage.skip() }, () => {
after(dropAll);
test('SIGKILL between pending and the reply: the restart reconciles to exactly one IRN', async () => {
  const irp = await startTestIrp();
  const home = makeHome();
  addIrpProfile(home.home, irp);
  const database = await storage.database();
  const rowOf = (docNo: string) => rowState(home.home, database, docNo);
  try {
    let { child, url, exited } = await startChild(home.home, database);
    const store = await openStorageNow(home.home, database);
    const { code } = await store.pairing.create();
    await store.close();
    const pair = await (await fetch(`${url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, client: 'crash-test' }) })).json() as { apiKey: string };
    const post = (base: string, invoice: unknown) => fetch(`${base}/v1/einvoices`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${pair.apiKey}` }, body: JSON.stringify({ invoice }),
    });
    assert.equal((await post(url, makeInvoice())).status, 200, 'warm-up generation (authenticates)');

    const invoice = makeInvoice();
    const registrationsBefore = irp.irp.counters.registrations;
    const requestsBefore = irp.irp.counters.requests;
    irp.irp.faults.delayMs(10 * 60_000); // the IRP sits on the request: the companion is waiting for the reply
    const inflight = post(url, invoice).catch(() => null);
    await until('the companion wrote pending and its request reached the IRP',
      async () => (await rowOf(invoice.DocDtls.No))?.state === 'pending' && irp.irp.counters.requests > requestsBefore);
    child.kill('SIGKILL');
    await exited;
    assert.equal(await inflight, null, 'the caller never got an answer');
    irp.irp.faults.clear(); // the IRP now processes (or drops) the orphaned request

    ({ child, url, exited } = await startChild(home.home, database));
    await until('start-up reconciliation settled the row', async () => (await rowOf(invoice.DocDtls.No))?.state === 'generated');
    const row = (await rowOf(invoice.DocDtls.No))!;
    assert.equal(row.n, 1);
    const expected = await computeIrn({ sellerGstin: invoice.SellerDtls.Gstin, docDate: invoice.DocDtls.Dt, docType: 'INV', docNo: invoice.DocDtls.No });
    assert.equal(row.irn, expected);
    assert.equal(irp.irp.counters.registrations - registrationsBefore, 1, 'registered exactly once at the IRP');

    // The caller's retry is answered from the ledger.
    const retry = await post(url, invoice);
    assert.equal(retry.status, 200);
    assert.equal(((await retry.json()) as { irn: string }).irn, expected);
    assert.equal(irp.irp.counters.registrations - registrationsBefore, 1);
    child.kill('SIGTERM');
    await exited;
  } finally {
    await irp.close();
    home.remove();
  }
});
});
