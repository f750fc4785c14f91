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

  test('a clerk generates and reads', async () => {
    const invoice = makeInvoice();
    const res = await rig.c.api(routes.einvoices, { body: { invoice }, key: clerk });
    assert.equal(res.status, 200, res.text);
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
