/**
 * The requests a hostile web page (or a rebinding DNS name, or a thief with an old key) can make,
 * sent by hand over real HTTP to every route: refused with the right status, never with a CORS
 * header for the page's origin, and the ledger and the IRP untouched.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice } from '../support/invoices';
import { openDatabase } from '../../src/ledger/db';
import { SqliteApiKeys } from '../../src/security/keys';
import { makeHome, startTestCompanion, type TestCompanion } from '../service/helpers';
import { assertRefused, rawRequest, snapshotLedger, unexpectedErrors, type LedgerSnapshot, type RawResponse } from './support';

const EVIL = 'https://evil.example';

function assertNoCors(res: RawResponse, what: string): void {
  assert.equal(res.headers['access-control-allow-origin'], undefined, `${what}: CORS allow header sent`);
  assert.equal(res.headers['access-control-allow-credentials'], undefined, `${what}: CORS credentials header sent`);
}

describe('requests a hostile page, a rebinding name or a stolen key can make', () => {
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  let irn: string;
  let ledgerBefore: LedgerSnapshot;
  let registrationsBefore: number;
  const registrations = async () => (await c.running.companion.ctx.sessions.offlineIrp()).counters.registrations;
  const invoiceText = () => JSON.stringify({ invoice: makeInvoice() });

  /** Every route with a body that would succeed if the caller were allowed (the worst case to let through). */
  const everyRoute = (): { method: string; path: string; body?: string }[] => [
    { method: 'GET', path: routes.health }, { method: 'GET', path: routes.openapi }, { method: 'GET', path: routes.profiles },
    { method: 'GET', path: routes.gstin('37AAGCR5310M1Z6') }, { method: 'GET', path: routes.einvoices }, { method: 'GET', path: routes.einvoice(irn) },
    { method: 'POST', path: routes.validate, body: invoiceText() }, { method: 'POST', path: routes.einvoices, body: invoiceText() },
    { method: 'POST', path: routes.cancel(irn), body: JSON.stringify({ reason: '1', remark: 'evil' }) },
    { method: 'POST', path: routes.ewaybill(irn), body: JSON.stringify({ distance: 10, transId: '29AAKCB2045P1Z7' }) },
    { method: 'POST', path: routes.batch, body: JSON.stringify({ invoices: [makeInvoice()], wait: true }) },
    { method: 'POST', path: routes.raw, body: JSON.stringify({ method: 'POST', path: '/eicore/v1.03/Invoice', body: makeInvoice() }) },
    { method: 'POST', path: routes.pair, body: JSON.stringify({ code: 'ABCD-EFGH', client: 'evil' }) },
  ];
  const isProtected = (path: string) => ![routes.health, routes.openapi, routes.pair].includes(path as never);

  before(async () => {
    home = makeHome('irnb-hostile-');
    c = await startTestCompanion({ home: home.home });
    const gen = await c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    assert.equal(gen.status, 200, gen.text);
    irn = gen.body.irn;
    ledgerBefore = await snapshotLedger(c);
    registrationsBefore = await registrations();
  });
  after(async () => {
    await c?.close();
    home?.remove();
  });

  test('a web page origin is refused with 403 on every route, even carrying a valid key, and gets no CORS header', async () => {
    for (const origin of [EVIL, 'null', 'http://localhost:3000', `http://127.0.0.1:${c.port + 1}`, 'chrome-extension://notpairedatallnotpairedatallnotp', 'file://']) {
      for (const r of everyRoute()) {
        for (const key of [c.apiKey, undefined]) {
          const res = await rawRequest(c.port, { ...r, key, headers: { origin, 'content-type': 'application/json' } });
          const what = `${r.method} ${r.path} from ${origin}${key ? ' with key' : ''}`;
          // A pairing request from an unpaired extension is the one legitimate browser call: it just has a wrong code here.
          if (r.path === routes.pair && origin.startsWith('chrome-extension://')) assertRefused(res, what, { status: [401, 429] });
          else assertRefused(res, what, { status: 403, code: 'FORBIDDEN' });
          if (!(r.path === routes.pair && origin.startsWith('chrome-extension://'))) assertNoCors(res, what);
        }
      }
      const preflight = await rawRequest(c.port, { method: 'OPTIONS', path: routes.einvoices,
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
      assertRefused(preflight, `preflight from ${origin}`, { status: 403 });
      assertNoCors(preflight, `preflight from ${origin}`);
    }
  });

  test('simple form POSTs (urlencoded, text/plain, multipart) without a key: refused before any work', async () => {
    const forms: [string, string][] = [
      ['application/x-www-form-urlencoded', 'invoice=%7B%7D'], ['text/plain', invoiceText()], ['multipart/form-data; boundary=b', `--b\r\nContent-Disposition: form-data; name="invoice"\r\n\r\n${invoiceText()}\r\n--b--`],
    ];
    for (const [type, body] of forms) {
      for (const path of [routes.einvoices, routes.batch, routes.cancel(irn), routes.raw, routes.pair]) {
        const fromPage = await rawRequest(c.port, { path, body, headers: { 'content-type': type, origin: EVIL } });
        assertRefused(fromPage, `${type} to ${path} from a page`, { status: 403, code: 'FORBIDDEN' });
        assertNoCors(fromPage, `${type} to ${path}`);
        // Without an Origin (an old browser, a form in a non-CORS context): no key → 401; /v1/pair → 415 (JSON only).
        const bare = await rawRequest(c.port, { path, body, headers: { 'content-type': type } });
        assertRefused(bare, `${type} to ${path} without origin`, path === routes.pair ? { status: 415 } : { status: 401, code: 'UNAUTHORIZED' });
        // Even with a key, a form body is not JSON.
        if (path !== routes.pair) assertRefused(await rawRequest(c.port, { path, body, key: c.apiKey, headers: { 'content-type': type } }), `${type} with key`, { status: 415 });
      }
    }
  });

  test('DNS rebinding: any Host but 127.0.0.1:PORT or localhost:PORT gets 421, on every route, key or not', async () => {
    const hosts = [`evil.example:${c.port}`, 'evil.example', `127.0.0.1.evil.example:${c.port}`, `localhost.:${c.port}`, `[::1]:${c.port}`,
      '127.0.0.1', `127.0.0.1:${c.port + 1}`, `0.0.0.0:${c.port}`, `2130706433:${c.port}`, ''];
    for (const host of hosts) {
      for (const r of everyRoute()) {
        const res = await rawRequest(c.port, { ...r, key: c.apiKey, headers: { host, 'content-type': 'application/json' } });
        assertRefused(res, `${r.path} Host "${host}"`, { status: 421, code: 'FORBIDDEN' });
        assertNoCors(res, `${r.path} Host "${host}"`);
      }
    }
    // A Host that is not even a URL authority never reaches the app: the HTTP layer answers a bare 400.
    for (const host of [`127.0.0.1:${c.port}.evil.example`, `127.0.0.1:${c.port}@evil.example`]) {
      const res = await rawRequest(c.port, { path: routes.profiles, key: c.apiKey, headers: { host } });
      assert.ok(res.status === 400 || res.status === 421, `Host "${host}" → ${res.status}`);
      assertNoCors(res, host);
    }
    const noHost = await rawRequest(c.port, { path: routes.profiles, key: c.apiKey, omitHost: true });
    assert.ok(noHost.status === 400 || noHost.status === 421, `no Host header → ${noHost.status}`); // Node refuses HTTP/1.1 without Host
    assert.equal((await rawRequest(c.port, { path: routes.profiles, key: c.apiKey, headers: { host: `LOCALHOST:${c.port}` } })).status, 200,
      'host names are case-insensitive');
  });

  test('no Authorization header, or a malformed one, on every protected route: 401', async () => {
    const variants: (Record<string, string>)[] = [
      {}, { authorization: '' }, { authorization: 'Bearer' }, { authorization: 'Bearer ' }, { authorization: `Basic ${Buffer.from('x:y').toString('base64')}` },
      { authorization: `Token ${c.apiKey}` }, { authorization: `Bearer ${c.apiKey.slice(0, -1)}` }, { authorization: `Bearer ${c.apiKey}x` },
      { authorization: `Bearer ${c.apiKey.toUpperCase()}` }, { authorization: `Bearer irnb_${'A'.repeat(43)}` }, { cookie: `apiKey=${c.apiKey}` },
      { 'x-api-key': c.apiKey }, { authorization: `Bearer ${c.apiKey} ${c.apiKey}` },
    ];
    for (const r of everyRoute().filter((x) => isProtected(x.path))) {
      for (const headers of variants) {
        const res = await rawRequest(c.port, { ...r, headers: { ...headers, 'content-type': 'application/json' } });
        assertRefused(res, `${r.path} with ${JSON.stringify(headers).slice(0, 40)}`, { status: 401, code: 'UNAUTHORIZED' });
      }
      // A key in the query string is not a key.
      const inQuery = await rawRequest(c.port, { ...r, path: `${r.path}?key=${c.apiKey}&apiKey=${c.apiKey}`, headers: { 'content-type': 'application/json' } });
      assertRefused(inQuery, `${r.path} key in query`, { status: 401 });
    }
    // Encoded variants of a protected path must not slip past the public-path check.
    for (const path of ['/v1/%70rofiles', '/v1/profiles/', '//v1/profiles', '/v1/health/../profiles', '/V1/PROFILES']) {
      const res = await rawRequest(c.port, { path });
      assert.notEqual(res.status, 200, `${path} answered without a key: ${res.text.slice(0, 100)}`);
      assertRefused(res, path);
    }
  });

  test('a stolen key that was revoked is refused on every route; health says unpaired', async () => {
    const { code } = await c.running.companion.ctx.pairing.create();
    const paired = await c.api(routes.pair, { body: { code, client: 'laptop that was stolen' }, key: null });
    assert.equal(paired.status, 200, paired.text);
    const stolen = paired.body.apiKey as string;
    assert.equal((await c.api(routes.profiles, { key: stolen })).status, 200, 'the key worked before');
    // Revoke the way `irn-bridge keys revoke` does: another process, same database file.
    const db = openDatabase(home.home);
    try { assert.equal(new SqliteApiKeys(db).revoke(paired.body.keyId), true); } finally { db.close(); }
    for (const r of everyRoute().filter((x) => isProtected(x.path))) {
      const res = await rawRequest(c.port, { ...r, key: stolen, headers: { 'content-type': 'application/json' } });
      const err = assertRefused(res, `${r.path} with the revoked key`, { status: 401, code: 'UNAUTHORIZED' });
      assert.match(err.message, /revoked|not valid/);
      assert.ok(!res.text.includes(stolen), 'the key is not echoed');
    }
    const health = await rawRequest(c.port, { path: routes.health, key: stolen });
    assert.equal(health.status, 200);
    assert.equal(health.json.paired, false);
  });

  test('guessing pairing codes: rate-limited after 10 attempts a minute, and no key is ever issued', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await rawRequest(c.port, { path: routes.pair, body: JSON.stringify({ code: `GUES-S${String(i).padStart(3, '0')}`, client: 'guesser' }),
        headers: { 'content-type': 'application/json' } });
      assertRefused(res, `guess ${i}`, { status: [401, 429] });
      assert.equal(res.json.apiKey, undefined);
      answers.push(res.status);
    }
    assert.ok(answers.slice(-3).every((s) => s === 429), `the last guesses are rate-limited: ${answers}`);
  });

  test('afterwards: nothing registered or cancelled, no 5xx logged, the ledger unchanged and intact', async () => {
    assert.deepEqual(unexpectedErrors(c), []);
    assert.equal(await registrations(), registrationsBefore);
    assert.deepEqual(await snapshotLedger(c), ledgerBefore);
    const still = await c.api(routes.einvoice(irn));
    assert.equal(still.body.status, 'ACT');
  });
});
