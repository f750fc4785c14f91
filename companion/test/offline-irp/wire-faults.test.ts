import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { aesDecrypt, decryptJson, newAppKey, rsaEncryptPkcs1 } from '../../src/irp/crypto';
import { IrpSession, isIrpError, isTransportError, type IrpError } from '../../src/irp';
import { createOfflineIrp, OFFLINE_CREDENTIALS } from '../../src/offline-irp';
import { makeInvoice, SELLER_GSTIN } from '../support/invoices';
import { startTestIrp, type TestIrp } from '../support/offline-irp';

let t: TestIrp;
before(async () => {
  t = await startTestIrp();
});
after(async () => {
  await t.close();
});

const rejection = (p: Promise<unknown>) => p.then(() => assert.fail('expected an IrpError'), (e) => {
  assert.ok(isIrpError(e), `expected an IrpError, got ${e}`);
  return e as IrpError;
});

/** A hand-made login, as another developer's client might send it. */
async function rawLogin(headers: Record<string, string>, path = '/eivital/v1.04/auth') {
  const appKey = newAppKey();
  const payload = JSON.stringify({ UserName: OFFLINE_CREDENTIALS.username, Password: OFFLINE_CREDENTIALS.password, AppKey: appKey, ForceRefreshAccessToken: false });
  const data = rsaEncryptPkcs1(t.irp.publicKeyPem, Buffer.from(Buffer.from(payload).toString('base64'))).toString('base64');
  const res = await fetch(t.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ Data: data }) });
  return { status: res.status, json: (await res.json()) as any, appKey };
}

describe('wire protocol', () => {
  test('hyphenated, lower-case header names (client-id, client-secret, gstin) are accepted', async () => {
    const { status, json, appKey } = await rawLogin({ 'client-id': OFFLINE_CREDENTIALS.clientId, 'client-secret': OFFLINE_CREDENTIALS.clientSecret, gstin: SELLER_GSTIN });
    assert.equal(status, 200);
    assert.equal(json.Status, 1);
    assert.deepEqual(Object.keys(json.Data), ['ClientId', 'UserName', 'AuthToken', 'Sek', 'TokenExpiry']);
    const sek = aesDecrypt(Buffer.from(appKey, 'base64'), Buffer.from(json.Data.Sek, 'base64'));
    assert.equal(sek.length, 32);

    const res = await fetch(`${t.baseUrl}/EIVITAL/v1.04/master/GSTIN/37aagcr5310m1z6`, {
      headers: { 'client-id': OFFLINE_CREDENTIALS.clientId, 'client-secret': OFFLINE_CREDENTIALS.clientSecret, gstin: SELLER_GSTIN, 'user-name': OFFLINE_CREDENTIALS.username, authtoken: json.Data.AuthToken },
    });
    const env = (await res.json()) as { Status: number; Data: string };
    assert.equal(env.Status, 1, 'paths are matched case-insensitively too');
    assert.equal((decryptJson(sek, env.Data) as { Gstin: string }).Gstin, '37AAGCR5310M1Z6');
  });

  test('missing or wrong headers give NIC codes in the plain error envelope with HTTP 200', async () => {
    const noId = await rawLogin({ client_secret: 'x', Gstin: SELLER_GSTIN });
    assert.equal(noId.status, 200);
    assert.deepEqual(noId.json, { Status: 0, Data: null, ErrorDetails: [{ ErrorCode: '1011', ErrorMessage: 'Client Id is required' }], InfoDtls: null });
    assert.equal((await rawLogin({ client_id: 'x', Gstin: SELLER_GSTIN })).json.ErrorDetails[0].ErrorCode, '1012');
    assert.equal((await rawLogin({ client_id: OFFLINE_CREDENTIALS.clientId, client_secret: OFFLINE_CREDENTIALS.clientSecret })).json.ErrorDetails[0].ErrorCode, '1004');
    const garbage = await fetch(`${t.baseUrl}/eivital/v1.04/auth`, {
      method: 'POST', headers: { client_id: OFFLINE_CREDENTIALS.clientId, client_secret: OFFLINE_CREDENTIALS.clientSecret, Gstin: SELLER_GSTIN },
      body: JSON.stringify({ Data: Buffer.alloc(256, 9).toString('base64') }),
    });
    assert.equal(((await garbage.json()) as any).ErrorDetails[0].ErrorCode, '1013');
  });

  test('a token is bound to its GSTIN and user: other headers give 1005', async () => {
    const s = t.session();
    const token = await s.authenticate();
    const base = { client_id: OFFLINE_CREDENTIALS.clientId, client_secret: OFFLINE_CREDENTIALS.clientSecret, user_name: OFFLINE_CREDENTIALS.username, AuthToken: token.authToken };
    const call = async (h: Record<string, string>) =>
      ((await (await fetch(`${t.baseUrl}/eivital/v1.04/Master/gstin/37AAGCR5310M1Z6`, { headers: h })).json()) as any);
    assert.equal((await call({ ...base, Gstin: SELLER_GSTIN })).Status, 1);
    assert.equal((await call({ ...base, Gstin: '37AAGCR5310M1Z6' })).ErrorDetails[0].ErrorCode, '1005');
    assert.equal((await call({ ...base, Gstin: SELLER_GSTIN, user_name: 'someone' })).ErrorDetails[0].ErrorCode, '1005');
    assert.equal((await call({ ...base, Gstin: SELLER_GSTIN, AuthToken: 'forged' })).ErrorDetails[0].ErrorCode, '1005');
  });

  test('GSTIN details (§7 shape), sync GSTIN, 3001 for an unknown GSTIN, 3028 for an invalid one', async () => {
    const s = t.session();
    const { data } = await s.gstinDetails('29aaacp7879d1z0');
    assert.equal(data.Gstin, '29AAACP7879D1Z0');
    assert.equal(data.TradeName, 'TALLY SOLUTIONS PVT LTD');
    assert.equal(data.StateCode, 29);
    assert.equal(typeof data.AddrPncd, 'number');
    assert.equal(data.Status, 'ACT');
    assert.equal(data.DtReg, '2017-07-01');
    for (const k of ['Gstin', 'TradeName', 'LegalName', 'AddrBnm', 'AddrBno', 'AddrFlno', 'AddrSt', 'AddrLoc', 'StateCode', 'AddrPncd', 'TxpType', 'Status', 'BlkStatus', 'DtReg', 'DtDReg']) {
      assert.ok(k in data, `missing ${k}`);
    }
    assert.equal((await s.syncGstin('33AAECV1234R1Z3')).data.Status, 'CNL');
    assert.equal((await s.gstinDetails('07AAGCB9012L1ZK')).data.BlkStatus, 'B');
    assert.deepEqual((await rejection(s.gstinDetails('27AAAAA0000A1Z2'))).codes, ['3001']);
    assert.deepEqual((await rejection(s.gstinDetails('27AAAAA0000A1Z9'))).codes, ['3028']);
  });

  test('the master holds NIC sandbox GSTINs, the fixture companies, and CNL / INA / blocked taxpayers', () => {
    for (const g of ['29AWGPV7107B1Z1', '37ARZPT4384Q1MT', '29AAACP7879D1Z0', SELLER_GSTIN, '37AAGCR5310M1Z6', '29AAKCB2045P1Z7', '36AAKCP1187N1ZT']) {
      assert.ok(t.irp.gstins.includes(g), g);
    }
    assert.ok(t.irp.gstins.length >= 12);
  });

  test('heartbeat answers without authentication', async () => {
    const res = await fetch(`${t.baseUrl}/eivital/v1.04/heartbeat/ping`);
    assert.equal(((await res.json()) as any).Status, 1);
  });

  test('keys are private files; the public key is published at publicKeyPath', () => {
    for (const f of ['irp-encryption-key.pem', 'irp-signing-key.pem', 'offline-irp.sqlite']) {
      assert.equal(statSync(join(t.dataDir, f)).mode & 0o077, 0, `${f} must be owner-only`);
    }
    assert.equal(t.irp.publicKeyPath, join(t.dataDir, 'irp-public-key.pem'));
    assert.equal(readFileSync(t.irp.publicKeyPath, 'utf8'), t.irp.publicKeyPem);
  });

  test('counters count requests per route', async () => {
    const before = t.irp.counters.byPath['/eicore/v1.03/Invoice'] ?? 0;
    await t.session().generateIrn(makeInvoice());
    assert.equal(t.irp.counters.byPath['/eicore/v1.03/Invoice'], before + 1);
  });
});

describe('faults', () => {
  test('dropReplyAfterRegister over HTTP: the client sees a network error, the IRP has the IRN', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const before = t.irp.counters.registrations;
    t.irp.faults.dropReplyAfterRegister();
    const e = await s.generateIrn(inv).catch((x) => x);
    assert.ok(isTransportError(e), `expected a transport error, got ${e}`);
    assert.equal(e.reason, 'network');
    assert.equal(t.irp.counters.registrations - before, 1);
    const found = await s.getByDocDetails({ docType: 'INV', docNo: inv.DocDtls.No, docDate: inv.DocDtls.Dt });
    assert.equal(found.data.Status, 'ACT');
    assert.deepEqual((await rejection(s.generateIrn(inv))).codes, ['2150'], 'a blind resend is a duplicate');
  });

  test('serverError defaults to 502 and is counted down', async () => {
    const s = t.session();
    await s.authenticate();
    t.irp.faults.serverError(2);
    for (let i = 0; i < 2; i++) {
      const e = await s.gstinDetails(SELLER_GSTIN).catch((x) => x);
      assert.ok(isTransportError(e));
      assert.equal(e.httpStatus, 502);
    }
    assert.equal((await s.gstinDetails(SELLER_GSTIN)).data.Gstin, SELLER_GSTIN);
  });

  test('in-process (app.fetch, as the companion uses it): round trip and a lost reply', async () => {
    const irp = await createOfflineIrp({ dataDir: join(t.dataDir, 'in-process') });
    try {
      const fetchFn = ((input: string | URL | Request, init?: RequestInit) => irp.fetch(new Request(input, init))) as typeof fetch;
      const s = new IrpSession(
        { baseUrl: 'http://offline-irp.invalid', gstin: SELLER_GSTIN, ...irp.credentials, publicKeyPem: irp.publicKeyPem },
        { fetch: fetchFn, now: () => irp.clock.now() },
      );
      const gen = await s.generateIrn(makeInvoice());
      assert.equal((await s.getByIrn(gen.data.Irn)).data.AckNo, gen.data.AckNo);
      irp.faults.dropReplyAfterRegister(1);
      const e = await s.generateIrn(makeInvoice()).catch((x) => x);
      assert.ok(isTransportError(e), `expected a transport error, got ${e}`);
      assert.equal(irp.counters.registrations, 2);
    } finally {
      await irp.close();
    }
  });
});
