import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rsaDecryptPkcs1 } from '../../src/irp/crypto';
import { FileTokenCache, IrpError, IrpTransportError, isIrpError, isTransportError, type IrpLogEvent } from '../../src/irp';
import { makeInvoice } from '../support/invoices';
import { startTestIrp, type TestIrp } from '../support/offline-irp';

let t: TestIrp;
before(async () => {
  t = await startTestIrp();
});
after(async () => {
  await t.close();
});

/** A fetch that records the decrypted auth payloads (the test can read the IRP's private key). */
function spyingFetch(dataDir: string) {
  const key = readFileSync(join(dataDir, 'irp-encryption-key.pem'), 'utf8');
  const logins: Array<Record<string, unknown>> = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    if (String(input).endsWith('/auth') && typeof init?.body === 'string') {
      const data = Buffer.from(JSON.parse(init.body).Data, 'base64');
      logins.push(JSON.parse(Buffer.from(rsaDecryptPkcs1(key, data).toString(), 'base64').toString()));
    }
    return fetch(input, init);
  }) as typeof fetch;
  return { fetchFn, logins };
}

describe('tokens', () => {
  test('20 concurrent callers share exactly one auth', async () => {
    const before = t.irp.counters.authCalls;
    const s = t.session({ gstin: '37AAGCR5310M1Z6' });
    const results = await Promise.all(Array.from({ length: 20 }, () => s.gstinDetails('29AAHCA4821K1ZH')));
    assert.equal(s.stats.authCalls, 1);
    assert.equal(t.irp.counters.authCalls - before, 1);
    assert.equal(s.stats.requests, 20);
    assert.ok(results.every((r) => r.data.LegalName === 'Aruna Spice Works Private Limited'));
  });

  test('a new session with the same FileTokenCache directory authenticates 0 times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irn-tokens-'));
    try {
      const first = t.session({ tokenCache: new FileTokenCache(dir) });
      await first.gstinDetails('37AAGCR5310M1Z6');
      assert.equal(first.stats.authCalls, 1);
      const authBefore = t.irp.counters.authCalls;
      const second = t.session({ tokenCache: new FileTokenCache(dir) }); // as after a companion restart
      assert.equal(second.identity, first.identity);
      await second.gstinDetails('37AAGCR5310M1Z6');
      assert.equal(second.stats.authCalls, 0);
      assert.equal(t.irp.counters.authCalls, authBefore);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('revoked tokens: 1005 → exactly one forced re-auth for 10 concurrent callers, and the calls succeed', async () => {
    const spy = spyingFetch(t.dataDir);
    const s = t.session({ fetch: spy.fetchFn });
    await s.authenticate();
    assert.equal(spy.logins.length, 1);
    assert.equal(spy.logins[0].ForceRefreshAccessToken, false, 'a normal login never forces a refresh');
    t.irp.faults.revokeAllTokens();
    const results = await Promise.all(Array.from({ length: 10 }, () => s.gstinDetails('29AAKCB2045P1Z7')));
    assert.equal(results.length, 10);
    assert.equal(s.stats.authCalls, 2);
    assert.equal(spy.logins.length, 2);
    assert.equal(spy.logins[1].ForceRefreshAccessToken, true, 'the 1005 path forces a refresh');
    assert.equal(spy.logins[1].UserName, t.irp.credentials.username);
    assert.equal(String(spy.logins[1].AppKey).length, 44);
  });

  test('reuses the token until 10 minutes before TokenExpiry (injected clock), then logs in again', async () => {
    const s = t.session({ gstin: '29AAKCB2045P1Z7' });
    const token = await s.authenticate();
    assert.match(token.tokenExpiry, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.ok(Math.abs(token.expiresAt - (t.irp.clock.now().getTime() + 60 * 60_000)) < 2000, 'sandbox validity is 60 minutes');
    try {
      t.irp.clock.advance(45 * 60_000);
      await s.gstinDetails('29AAHCA4821K1ZH');
      assert.equal(s.stats.authCalls, 1, 'still 15 minutes left: reuse');
      t.irp.clock.advance(6 * 60_000);
      await s.gstinDetails('29AAHCA4821K1ZH');
      assert.equal(s.stats.authCalls, 2, '9 minutes left: log in again first');
      assert.equal((await s.authenticate()).authToken, token.authToken, 'without force the IRP returns the same token');
      await s.gstinDetails('29AAHCA4821K1ZH');
      await s.gstinDetails('29AAHCA4821K1ZH');
      assert.equal(s.stats.authCalls, 2, 'the same token is then used until just before it expires, not re-fetched per call');
      t.irp.clock.advance(9 * 60_000 + 45_000);
      await s.gstinDetails('29AAHCA4821K1ZH');
      assert.equal(s.stats.authCalls, 3);
      assert.notEqual((await s.authenticate()).authToken, token.authToken, 'after expiry the IRP issues a new token');
    } finally {
      t.irp.clock.reset();
    }
  });

  test('re-auth inside validity returns the same token, with the SEK re-wrapped under the new AppKey', async () => {
    const a = t.session({ gstin: '27AADCS0472N1Z2' });
    const b = t.session({ gstin: '27AADCS0472N1Z2' });
    const ta = await a.authenticate();
    const tb = await b.authenticate();
    assert.equal(tb.authToken, ta.authToken);
    assert.equal(tb.sek, ta.sek);
    // Both sessions can use it.
    await a.gstinDetails('29AAHCA4821K1ZH');
    await b.gstinDetails('29AAHCA4821K1ZH');
  });
});

describe('wire details', () => {
  test('GSP extra headers arrive on auth and on business calls', async () => {
    const s = t.session({ config: { extraHeaders: { aspid: 'ASP-123', password: 'asp-pass' } } });
    await s.authenticate();
    const authHeaders = t.irp.lastRequestHeaders();
    assert.equal(authHeaders['aspid'], 'ASP-123');
    assert.equal(authHeaders['client_id'], t.irp.credentials.clientId);
    assert.equal(authHeaders['gstin'], '29AAHCA4821K1ZH');
    assert.equal(authHeaders['authtoken'], undefined, 'no token header on auth');
    await s.gstinDetails('37AAGCR5310M1Z6');
    const h = t.irp.lastRequestHeaders();
    assert.equal(h['aspid'], 'ASP-123');
    assert.equal(h['password'], 'asp-pass');
    assert.equal(h['user_name'], t.irp.credentials.username);
    assert.ok(h['authtoken']);
  });

  test('Status "1" (string) is accepted as success', async () => {
    const s = t.session({
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        const res = await fetch(input, init);
        const json = (await res.json()) as { Status: unknown };
        if (json.Status === 1) json.Status = '1';
        return new Response(JSON.stringify(json), { status: res.status });
      }) as typeof fetch,
    });
    const r = await s.gstinDetails('37AAGCR5310M1Z6');
    assert.equal(r.data.Gstin, '37AAGCR5310M1Z6');
  });

  test('generic get/post reach any endpoint with auth and encryption handled', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const gen = await s.post<{ Irn: string }>('/eicore/v1.03/Invoice', inv);
    const got = await s.get<{ Irn: string; Status: string }>(`/eicore/v1.03/Invoice/irn/${gen.data.Irn}`);
    assert.equal(got.data.Irn, gen.data.Irn);
    assert.equal(got.data.Status, 'ACT');
    const byDoc = await s.get<{ Irn: string }>('/eicore/v1.03/Invoice/irnbydocdetails', {
      query: { doctype: 'inv', docnum: inv.DocDtls.No, docdate: inv.DocDtls.Dt },
    });
    assert.equal(byDoc.data.Irn, gen.data.Irn);
    assert.ok(typeof got.raw === 'object' && typeof (got.raw as { Data: unknown }).Data === 'string', 'raw keeps the encrypted envelope');
  });
});

describe('errors', () => {
  test('IrpError carries codes, messages, details, InfoDtls, the raw response and the HTTP status', async () => {
    const s = t.session();
    const inv = makeInvoice();
    await s.generateIrn(inv);
    const e = await s.generateIrn(inv).catch((x) => x);
    assert.ok(e instanceof IrpError && isIrpError(e) && !isTransportError(e));
    assert.deepEqual(e.codes, ['2150']);
    assert.deepEqual(e.details, [{ code: '2150', message: 'Duplicate IRN' }]);
    assert.equal(e.httpStatus, 200);
    assert.equal(e.retryable, false);
    assert.equal((e.raw as { Status: number }).Status, 0);
    assert.equal((e.infoFor('DUPIRN') as { Irn: string }).Irn.length, 64);
    assert.match(e.message, /2150/);
  });

  test('login failures are IrpErrors with NIC codes', async () => {
    const cases: Array<[Parameters<TestIrp['session']>[0], string]> = [
      [{ config: { password: 'wrong-password-123' } }, '1019'],
      [{ config: { username: 'nobody' } }, '1008'],
      [{ config: { clientSecret: 'not-the-secret' } }, '1010'],
      [{ gstin: '24AAFCG5678K1Z6' }, '1014'],
      [{ gstin: '27AAAAA0000A1Z5' }, '1015'],
    ];
    for (const [opts, code] of cases) {
      const e = await t.session(opts).authenticate().catch((x) => x);
      assert.ok(isIrpError(e), `expected an IrpError for ${code}`);
      assert.deepEqual(e.codes, [code]);
    }
  });

  test('a wrong public key gives 1013 (the IRP cannot decrypt the login)', async () => {
    const other = readFileSync(new URL('../../../shared/fixtures/irp/nic-sandbox-encryption-public-key.pem', import.meta.url), 'utf8');
    const e = await t.session({ config: { publicKeyPem: other } }).authenticate().catch((x) => x);
    assert.ok(isIrpError(e));
    assert.ok(['1013', '1007'].includes(e.codes[0]));
  });

  test('5xx is a transport error, not an IrpError', async () => {
    const s = t.session();
    await s.authenticate();
    t.irp.faults.serverError(1, 503);
    const e = await s.gstinDetails('37AAGCR5310M1Z6').catch((x) => x);
    assert.ok(e instanceof IrpTransportError && isTransportError(e) && !isIrpError(e));
    assert.equal(e.reason, 'http');
    assert.equal(e.httpStatus, 503);
    assert.equal(e.retryable, true);
    assert.equal((await s.gstinDetails('37AAGCR5310M1Z6')).data.Gstin, '37AAGCR5310M1Z6', 'the fault was one-shot');
  });

  test('a reply slower than the timeout is a timeout transport error', async () => {
    const s = t.session({ config: { timeoutMs: 150 } });
    await s.authenticate();
    t.irp.faults.delayMs(2_000);
    try {
      const e = await s.gstinDetails('37AAGCR5310M1Z6').catch((x) => x);
      assert.ok(isTransportError(e));
      assert.equal(e.reason, 'timeout');
    } finally {
      t.irp.faults.clear();
    }
  });

  test('connection refused is a network transport error', async () => {
    const s = t.session({ config: { baseUrl: 'http://127.0.0.1:9' } });
    const e = await s.authenticate().catch((x) => x);
    assert.ok(isTransportError(e));
    assert.equal(e.reason, 'network');
  });

  test('a 200 with a non-JSON body is a bad-response transport error', async () => {
    const s = t.session({ fetch: (async () => new Response('<html>gateway</html>', { status: 200 })) as typeof fetch });
    const e = await s.authenticate().catch((x) => x);
    assert.ok(isTransportError(e));
    assert.equal(e.reason, 'bad-response');
  });

  test('no secret appears in any error or log event', async () => {
    const events: IrpLogEvent[] = [];
    const secrets = { password: 'Sup3r-Secret-Pass', clientSecret: 'Client-Secret-XYZ' };
    const bad = t.session({ config: { ...secrets }, log: (e) => events.push(e) });
    const errors: unknown[] = [await bad.authenticate().catch((x) => x)];

    const good = t.session({ log: (e) => events.push(e), config: { timeoutMs: 150 } });
    const token = await good.authenticate();
    errors.push(await good.generateIrn({ Version: '1.1' }).catch((x) => x));
    t.irp.faults.serverError(1, 500);
    errors.push(await good.gstinDetails('37AAGCR5310M1Z6').catch((x) => x));
    t.irp.faults.delayMs(1_000);
    errors.push(await good.gstinDetails('37AAGCR5310M1Z6').catch((x) => x));
    t.irp.faults.clear();

    const forbidden = [secrets.password, secrets.clientSecret, t.irp.credentials.password, t.irp.credentials.clientSecret, token.authToken, token.sek];
    assert.equal(errors.length, 4);
    for (const e of errors) {
      assert.ok(e instanceof Error);
      const text = `${e.message}\n${e.stack}\n${JSON.stringify(e)}`;
      for (const s of forbidden) assert.ok(!text.includes(s), `an error leaks a secret: ${e.message}`);
    }
    assert.ok(events.length >= 5);
    const logged = JSON.stringify(events);
    for (const s of forbidden) assert.ok(!logged.includes(s), 'a log event leaks a secret');
    assert.ok(events.some((e) => e.codes?.includes('1010')), 'log events name the IRP codes');
  });
});
