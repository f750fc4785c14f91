/**
 * Per-user keys and roles over real HTTP (issue 10, team mode): a clerk may generate, read and
 * validate but not make raw IRP calls, however the path is spelled; an admin may; a revoked key
 * stops at once; a paired (desk) key keeps working as before.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '@irn-bridge/shared/api/contract';
import { requiredRole } from '../../src/security/roles';
import { startCompanionRig, type CompanionRig } from '../service/helpers';
import { makeInvoice } from '../support/invoices';
import { run } from '../cli/run';
import { readRows } from '../service/ledger-procs';
import Database from 'better-sqlite3';
import { databasePath } from '../../src/ledger/db';

/** The users the SQLite audit log names for an operation on an IRN (read-only, as another process would). */
function auditUsers(home: string, operation: string, irn: string): (string | null)[] {
  const db = new Database(databasePath(home), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT user_name FROM audit WHERE operation = ? AND irn = ? ORDER BY id').all(operation, irn) as { user_name: string | null }[]).map((r) => r.user_name);
  } finally {
    db.close();
  }
}

describe('roles: one route → role map', () => {
  test('every spelling of the raw route needs an admin; everything else a clerk', () => {
    for (const p of ['/v1/irp/raw', '/v1/irp/raw/', '/V1/IRP/RAW', '/v1/irp/raw//']) assert.equal(requiredRole('POST', p), 'admin', p);
    assert.equal(requiredRole('POST', '/v1/einvoices'), 'clerk');
    assert.equal(requiredRole('POST', '/v1/einvoices/ABC/cancel'), 'clerk');
    assert.equal(requiredRole('GET', '/v1/profiles'), 'clerk');
    assert.equal(requiredRole('GET', '/v1/nothing-here'), null);
  });
});

describe('roles over HTTP', () => {
  let rig: CompanionRig;
  let clerk = '';
  let admin = '';
  before(async () => {
    rig = await startCompanionRig();
    const c = await run(rig.c.home, ['keys', 'create', '--user', 'Ravi', '--role', 'clerk', '--json']);
    assert.equal(c.code, 0, c.stderr);
    clerk = JSON.parse(c.stdout).apiKey;
    const a = await run(rig.c.home, ['keys', 'create', '--user', 'Meera', '--role', 'admin', '--json']);
    assert.equal(a.code, 0, a.stderr);
    admin = JSON.parse(a.stdout).apiKey;
  });
  after(async () => rig?.close());

  const rawBody = { method: 'GET', path: '/eivital/v1.04/Master/GSTIN/29AAHCA4821K1ZH' };

  test('a clerk generates and reads; the ledger row and the audit entry name the clerk', async () => {
    const invoice = makeInvoice();
    const res = await rig.c.api(routes.einvoices, { body: { invoice }, key: clerk });
    assert.equal(res.status, 200, res.text);
    const row = readRows(rig.c.home).find((r) => r.doc_no === invoice.DocDtls.No) as { created_by?: string | null } | undefined;
    assert.equal(row?.created_by, 'Ravi', 'the ledger row names who generated it');
    assert.deepEqual(auditUsers(rig.c.home, 'generate', res.body.irn), ['Ravi'], 'the audit entry names who generated it');
    const listed = await rig.c.api(`${routes.einvoices}?q=${encodeURIComponent(invoice.DocDtls.No)}`, { key: clerk });
    assert.equal(listed.status, 200, listed.text);
    assert.equal(listed.body.entries[0]?.createdBy, 'Ravi', 'the ledger API names who generated it');
    const read = await rig.c.api(`${routes.einvoices}/${res.body.irn}`, { key: clerk });
    assert.equal(read.status, 200, read.text);
    assert.equal((await rig.c.api(routes.profiles, { key: clerk })).status, 200);
  });

  test('a clerk is refused raw IRP calls with 403 naming the role, on every spelling of the path', async () => {
    const res = await rig.c.api('/v1/irp/raw', { body: rawBody, key: clerk });
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.error.code, 'FORBIDDEN');
    assert.match(res.body.error.message, /Ravi's key is a clerk's key; this needs an admin's key/);
    for (const p of ['/v1/irp/raw/', '/V1/IRP/raw', '/v1/irp/%72aw', '/v1//irp/raw', '/v1/irp/./raw']) {
      const r = await rig.c.api(p, { body: rawBody, key: clerk });
      assert.ok(r.status === 403 || r.status === 404, `${p} answered ${r.status}: ${r.text}`);
    }
  });

  test('an admin and a paired desk key may make raw IRP calls', async () => {
    const byAdmin = await rig.c.api('/v1/irp/raw', { body: rawBody, key: admin });
    assert.equal(byAdmin.status, 200, byAdmin.text);
    const byDesk = await rig.c.api('/v1/irp/raw', { body: rawBody });
    assert.equal(byDesk.status, 200, byDesk.text);
  });

  test('an admin manages keys over the API; a clerk may not', async () => {
    const byClerk = await rig.c.api(routes.keys, { key: clerk });
    assert.equal(byClerk.status, 403, byClerk.text);
    assert.match(byClerk.body.error.message, /this needs an admin's key/);
    assert.equal((await rig.c.api(routes.keys, { body: { user: 'Sneha', role: 'admin' }, key: clerk })).status, 403, 'a clerk cannot make an admin key');

    const made = await rig.c.api(routes.keys, { body: { user: '  Sneha ', role: 'clerk' }, key: admin });
    assert.equal(made.status, 200, made.text);
    assert.equal(made.body.user, 'Sneha');
    const sneha = made.body.apiKey as string;
    assert.equal((await rig.c.api(routes.profiles, { key: sneha })).status, 200, 'the new key works at once');
    assert.equal((await rig.c.api('/v1/irp/raw', { body: rawBody, key: sneha })).status, 403, 'with the role it was made with');

    const listed = await rig.c.api(routes.keys, { key: admin });
    assert.equal(listed.status, 200, listed.text);
    const entry = listed.body.keys.find((k: { userName: string | null }) => k.userName === 'Sneha');
    assert.equal(entry.role, 'clerk');
    assert.equal(listed.text.includes(sneha), false, 'a key is never listed in plain');

    const bad = await rig.c.api(routes.keys, { body: { user: 'a\u202eb', role: 'clerk' }, key: admin });
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.body.error.message, /"user"/);

    const revoked = await rig.c.api(routes.keyRevoke(made.body.keyId), { body: {}, key: admin });
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal((await rig.c.api(routes.profiles, { key: sneha })).status, 401, 'revoked over the API: refused on the next request');
    assert.equal((await rig.c.api(routes.keyRevoke(made.body.keyId), { body: {}, key: admin })).status, 404);
  });

  test('a person\'s key works from any extension it is typed into, never from a web page', async () => {
    const fromExtension = await rig.c.api(routes.profiles, { key: clerk, headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    assert.equal(fromExtension.status, 200, fromExtension.text);
    assert.equal(fromExtension.headers.get('access-control-allow-origin'), 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const fromPage = await rig.c.api(routes.profiles, { key: clerk, headers: { origin: 'https://attacker.example' } });
    assert.equal(fromPage.status, 403, fromPage.text);
    const deskKeyElsewhere = await rig.c.api(routes.profiles, { headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    assert.equal(deskKeyElsewhere.status, 403, 'a paired key is still tied to the extension that paired');
  });

  test('a revoked clerk key stops on the next request', async () => {
    const list = JSON.parse((await run(rig.c.home, ['keys', 'list', '--json'])).stdout) as { id: string; userName: string | null }[];
    const id = list.find((k) => k.userName === 'Ravi')!.id;
    assert.equal((await run(rig.c.home, ['keys', 'revoke', id])).code, 0);
    const res = await rig.c.api(routes.profiles, { key: clerk });
    assert.equal(res.status, 401, res.text);
  });

  test('keys create refuses a missing user or an unknown role, naming the flag', async () => {
    const noUser = await run(rig.c.home, ['keys', 'create', '--role', 'clerk']);
    assert.equal(noUser.code, 2);
    assert.match(noUser.stderr, /--user NAME/);
    const badRole = await run(rig.c.home, ['keys', 'create', '--user', 'X', '--role', 'owner']);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role must be one of clerk, admin, not "owner"/);
  });
});
