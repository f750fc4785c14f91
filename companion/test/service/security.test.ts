/** The security model over real HTTP: Host and Origin checks, keys, pairing, body limits, and no secret anywhere. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import type { TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { openDatabase } from '../../src/ledger/db';
import { SqliteApiKeys } from '../../src/security/keys';
import { PairingCodes } from '../../src/security/pairing';
import { seenResponses, startCompanionRig, type CompanionRig, type makeHome, type TestCompanion } from './helpers';

/** A raw request with an arbitrary Host header (fetch would not let us lie about it). */
function rawGet(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A one-off connection: the server answers 413 without reading the body, so the socket must not be reused. */
function rawPost(port: number, path: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('security', () => {
  let rig: CompanionRig;
  let irp: TestIrp;
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  const secrets = { password: `pw-${Math.random().toString(36).slice(2)}-Zq9`, clientSecret: `cs-${Math.random().toString(36).slice(2)}-Xy7` };

  before(async () => {
    // Distinctive credentials, so a leak anywhere is findable.
    rig = await startCompanionRig((t) => {
      t.irp.credentials.password = secrets.password;
      t.irp.credentials.clientSecret = secrets.clientSecret;
    });
    ({ irp, c } = rig);
    home = rig.home;
  });
  after(() => rig.close());

  test('a Host other than 127.0.0.1:PORT or localhost:PORT is refused (DNS rebinding)', async () => {
    const evil = await rawGet(c.port, '/v1/health', `evil.example:${c.port}`);
    assert.equal(evil.status, 421);
    assert.equal(JSON.parse(evil.body).error.code, 'FORBIDDEN');
    assert.equal((await rawGet(c.port, '/v1/health', `127.0.0.1:${c.port + 1}`)).status, 421);
    assert.equal((await rawGet(c.port, '/v1/health', `localhost:${c.port}`)).status, 200);
  });

  test("a web page's Origin is refused even with a valid key, and gets no CORS header", async () => {
    const res = await c.api('/v1/profiles', { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'FORBIDDEN');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const preflight = await c.api('/v1/einvoices', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' }, key: null });
    assert.equal(preflight.status, 403);
  });

  test('an extension that pairs from its origin gets CORS for that origin only', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const { code } = await c.running.companion.ctx.pairing.create();
    const paired = await c.api('/v1/pair', { body: { code, client: 'Chrome on clerk-pc' }, headers: { origin }, key: null });
    assert.equal(paired.status, 200, paired.text);
    assert.match(paired.body.apiKey, /^irnb_[A-Za-z0-9_-]{43}$/);
    const preflight = await c.api('/v1/einvoices', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' }, key: null });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const call = await c.api('/v1/profiles', { headers: { origin }, key: paired.body.apiKey });
    assert.equal(call.status, 200);
    assert.equal(call.headers.get('access-control-allow-origin'), origin);
    const stranger = await c.api('/v1/profiles', { headers: { origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, key: paired.body.apiKey });
    assert.equal(stranger.status, 403);
  });

  test('no key, a wrong key and a revoked key are refused with 401; health stays open', async () => {
    assert.equal((await c.api('/v1/profiles', { key: null })).status, 401);
    assert.equal((await c.api('/v1/profiles', { key: 'irnb_' + 'A'.repeat(43) })).status, 401);
    assert.equal((await c.api('/v1/einvoices', { body: { invoice: makeInvoice() }, key: null })).status, 401);
    const health = await c.api('/v1/health', { key: null });
    assert.equal(health.status, 200);
    assert.equal(health.body.paired, false);
    assert.equal((await c.api('/v1/health')).body.paired, true);

    const { code } = await c.running.companion.ctx.pairing.create();
    const extra = await c.api('/v1/pair', { body: { code, client: 'to revoke' }, key: null });
    assert.equal((await c.api('/v1/profiles', { key: extra.body.apiKey })).status, 200);
    // Revoke the way `irn-bridge keys revoke` does: another connection to the same database file.
    const db = openDatabase(home.home);
    assert.equal(new SqliteApiKeys(db).revoke(extra.body.keyId), true);
    db.close();
    const after = await c.api('/v1/profiles', { key: extra.body.apiKey });
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'UNAUTHORIZED');
  });

  test('pairing: wrong code 401, expired code 401, the right code after 5 wrong ones 429', async () => {
    const db = openDatabase(home.home);
    try {
      const wrong = await c.api('/v1/pair', { body: { code: 'ZZZZ-ZZZZ', client: 'x' }, key: null });
      assert.equal(wrong.status, 401);
      // A code made (by the CLI's code path) 6 minutes in the past has expired.
      const stale = new PairingCodes(db, () => new Date(Date.now() - 6 * 60_000)).create();
      const expired = await c.api('/v1/pair', { body: { code: stale.code, client: 'x' }, key: null });
      assert.equal(expired.status, 401);
      assert.match(expired.body.error.message, /expired/);

      const good = new PairingCodes(db).create();
      for (let i = 0; i < 5; i++) {
        const r = await c.api('/v1/pair', { body: { code: `WRNG-00${i}X`, client: 'x' }, key: null });
        assert.equal(r.status, 401);
      }
      const sixth = await c.api('/v1/pair', { body: { code: good.code, client: 'x' }, key: null });
      assert.equal(sixth.status, 429);
      assert.equal(sixth.body.error.code, 'RATE_LIMITED');
      assert.equal(sixth.body.apiKey, undefined);
    } finally {
      db.close();
    }
  });

  test('bodies: not JSON 415, broken JSON 400 naming the problem, too large 413, unknown route 404 in the error shape', async () => {
    const notJson = await c.api('/v1/einvoices', { body: 'invoice=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(notJson.status, 415);
    assert.equal(notJson.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
    const broken = await c.api('/v1/einvoices', { body: '{"invoice": ' });
    assert.equal(broken.status, 400);
    assert.match(broken.body.error.message, /not valid JSON/);
    const big = await rawPost(c.port, '/v1/einvoices', c.apiKey, JSON.stringify({ invoice: { pad: 'x'.repeat(2 * 1024 * 1024 + 10) } }));
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.body).error.code, 'PAYLOAD_TOO_LARGE');
    const missing = await c.api('/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
  });

  test('no secret appears in any log line, response body, or the SQLite files', async () => {
    // Exercise the IRP paths so that tokens exist and every kind of response has been produced.
    const gen = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    assert.equal(gen.status, 200, gen.text);
    assert.equal((await c.api('/v1/gstin/37AAGCR5310M1Z6')).status, 200);
    assert.equal((await c.api('/v1/irp/raw', { body: { method: 'GET', path: '/eivital/v1.04/Master/gstin/29AAKCB2045P1Z7' } })).status, 200);
    irp.irp.faults.serverError(1, 500);
    await c.api('/v1/gstin/29AAKCB2045P1Z7');
    await c.api('/v1/profiles');
    await c.api('/v1/health');

    const tokenDir = join(home.home, 'tokens');
    const tokens = readdirSync(tokenDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(tokenDir, f), 'utf8')));
    assert.ok(tokens.length > 0, 'the token cache holds a token');
    const forbidden = [secrets.password, secrets.clientSecret, ...tokens.flatMap((t) => [t.authToken, t.sek]), c.apiKey];
    const { code } = await c.running.companion.ctx.pairing.create();
    forbidden.push(code, code.replace('-', ''));

    const dbBytes = ['irn-bridge.db', 'irn-bridge.db-wal'].map((f) => join(home.home, f)).filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1')).join('\n');
    // The pairing answer is the one place a key is meant to appear.
    const responses = seenResponses(c).filter((r) => !r.includes('"apiKey"'));
    const haystacks = { logs: c.logs.join('\n'), responses: responses.join('\n'), sqlite: dbBytes };
    assert.ok(haystacks.logs.includes('/v1/einvoices'), 'logging was on');
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of forbidden) {
        assert.ok(secret && secret.length >= 8);
        assert.equal(text.includes(secret), false, `a secret leaked into ${where}`);
      }
    }
  });
});
