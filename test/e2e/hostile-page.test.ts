/**
 * A hostile web page in real Chromium (no extension) attacks the companion: fetch with a guessed key,
 * with no key and even with the real key, no-cors and beacon POSTs, an auto-submitting form whose
 * text/plain body is a valid invoice, <img> and <script> GETs, and a DNS-rebinding page. The
 * companion must refuse every one, the page must read nothing, and the ledger and the IRP's
 * registration counter must not move.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { chromium, type Browser } from 'playwright-core';
import { routes } from '@irn-bridge/shared/api/contract';
import { formatIstDocDate } from '@irn-bridge/shared/dates';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanion, type RunningCompanion } from '@irn-bridge/companion/server';
import { PairingCodes } from '@irn-bridge/companion/security/pairing';
import { createLogger } from '@irn-bridge/companion/logger';
import { serveSite, type ServedSite } from './support/erp-sites';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REBIND_HOST = 'rebind.evil.example';

/** A valid invoice of the demo seller: if any attack got through, the offline IRP would register it. */
function validInvoice(docNo: string) {
  const item = (SlNo: string, PrdDesc: string, HsnCd: string, Qty: number, UnitPrice: number) => {
    const AssAmt = Qty * UnitPrice;
    const IgstAmt = Math.round(AssAmt * 5) / 100;
    return { SlNo, PrdDesc, IsServc: 'N', HsnCd, Qty, Unit: 'KGS', UnitPrice, TotAmt: AssAmt, Discount: 0, AssAmt, GstRt: 5, IgstAmt, CgstAmt: 0, SgstAmt: 0, TotItemVal: AssAmt + IgstAmt };
  };
  const items = [item('1', 'Turmeric Powder 1 kg', '09103020', 100, 248)];
  return {
    Version: '1.1', TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
    DocDtls: { Typ: 'INV', No: docNo, Dt: formatIstDocDate(new Date()) },
    SellerDtls: { Gstin: '29AAHCA4821K1ZH', LglNm: 'Aruna Spice Works Private Limited', Addr1: 'Peenya Industrial Area', Loc: 'Bengaluru', Pin: 560058, Stcd: '29' },
    BuyerDtls: { Gstin: '37AAGCR5310M1Z6', LglNm: 'Rangoli Foods Private Limited', Pos: '37', Addr1: 'Benz Circle Road', Loc: 'Vijayawada', Pin: 520010, Stcd: '37' },
    ItemList: items,
    ValDtls: { AssVal: items[0].AssAmt, CgstVal: 0, SgstVal: 0, IgstVal: items[0].IgstAmt, TotInvVal: items[0].TotItemVal },
  };
}

/** The attacker's page: every trick a page can play, results left in window.__results. */
function attackPage(companion: string, invoice: object, realKey: string): string {
  const body = JSON.stringify({ invoice });
  // text/plain form bodies are `name=value`: split a JSON document so the `=` lands inside a string.
  const withTail = JSON.stringify({ invoice: { ...invoice, Z: '' } });
  const cut = withTail.lastIndexOf('"Z":"') + 5;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><title>Win a prize</title></head><body>
<iframe name="sinkText"></iframe><iframe name="sinkUrl"></iframe>
<form id="formText" method="POST" action="${companion}${routes.einvoices}" enctype="text/plain" target="sinkText">
  <input type="hidden" name="${esc(withTail.slice(0, cut))}" value="${esc(withTail.slice(cut))}"></form>
<form id="formUrl" method="POST" action="${companion}${routes.einvoices}" target="sinkUrl">
  <input type="hidden" name="invoice" value="${esc(JSON.stringify(invoice))}"></form>
<script>
(async () => {
  const C = ${JSON.stringify(companion)}, KEY = ${JSON.stringify(realKey)}, BODY = ${JSON.stringify(body)};
  const results = {};
  const attempt = async (name, run) => {
    try {
      const r = await run();
      results[name] = { read: r.type !== 'opaque', type: r.type, status: r.status, text: r.type === 'opaque' ? '' : await r.text() };
    } catch (e) { results[name] = { read: false, error: String(e) }; }
  };
  const json = (key) => ({ method: 'POST', body: BODY, headers: Object.assign({ 'content-type': 'application/json' }, key ? { authorization: 'Bearer ' + key } : {}) });
  await attempt('json, guessed key', () => fetch(C + '/v1/einvoices', json('irnb_' + 'A'.repeat(43))));
  await attempt('json, no key', () => fetch(C + '/v1/einvoices', json(null)));
  await attempt('json, the real key', () => fetch(C + '/v1/einvoices', json(KEY)));
  await attempt('no-cors text/plain', () => fetch(C + '/v1/einvoices', { method: 'POST', mode: 'no-cors', body: BODY, headers: { 'content-type': 'text/plain' } }));
  await attempt('no-cors batch', () => fetch(C + '/v1/einvoices/batch', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ invoices: [JSON.parse(BODY).invoice], wait: true }) }));
  await attempt('read the ledger, real key', () => fetch(C + '/v1/einvoices', { headers: { authorization: 'Bearer ' + KEY } }));
  await attempt('read health', () => fetch(C + '/v1/health'));
  await attempt('read openapi', () => fetch(C + '/v1/openapi.json'));
  await attempt('own origin (control)', () => fetch('/control'));
  results.beaconQueued = navigator.sendBeacon(C + '/v1/einvoices', new Blob([BODY], { type: 'text/plain' }));
  const load = (tag, url) => new Promise((done) => {
    const el = document.createElement(tag);
    el.onload = () => done('load'); el.onerror = () => done('error');
    el.src = url; document.body.appendChild(el);
  });
  results.img = await load('img', C + '/v1/einvoices?limit=1000');
  results.script = await load('script', C + '/v1/einvoices');
  results.scriptLeak = typeof window.entries !== 'undefined' || typeof window.irn !== 'undefined';
  const landed = (name) => new Promise((done) => { document.querySelector('iframe[name=' + name + ']').onload = () => done(true); });
  const text = landed('sinkText'), url = landed('sinkUrl');
  document.getElementById('formText').submit();
  document.getElementById('formUrl').submit();
  await Promise.all([text, url]);
  try { results.iframeRead = document.querySelector('iframe[name=sinkText]').contentDocument.body.innerText; }
  catch (e) { results.iframeRead = null; }
  window.__results = results;
})();
</script></body></html>`;
}

/** A page that rebinding made same-origin with the companion: it may read answers, so they must be refusals. */
const rebindPage = (invoice: object) => `<!doctype html><html><body><script>
(async () => {
  const body = ${JSON.stringify(JSON.stringify({ invoice }))};
  const read = async (path, init) => { const r = await fetch(path, init); return { status: r.status, text: await r.text() }; };
  window.__results = {
    generate: await read('/v1/einvoices', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
    guessed: await read('/v1/einvoices', { headers: { authorization: 'Bearer irnb_${'B'.repeat(43)}' } }),
    health: await read('/v1/health'),
    ledger: await read('/v1/einvoices?limit=1000'),
  };
})();
</script></body></html>`;

/**
 * Chromium's Private/Local Network Access would stop some of these requests before they reach the
 * companion; other browsers have no such guard, so it is switched off to test the companion's own defences.
 */
const NO_PRIVATE_NETWORK_GUARD = '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,' +
  'PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks';

/** The companion on a random port with the demo profile, its request log captured (method, path, status). */
async function startLoggedCompanion() {
  const home = mkdtempSync(join(tmpdir(), 'irn-hostile-home-'));
  const lines: string[] = [];
  const running: RunningCompanion = await startCompanion({ home, port: 0, reconcileOnStart: false, log: createLogger('info', (l) => lines.push(l)) });
  return {
    running, port: running.port, url: running.url, home,
    /** `[method, path, status]` of every request the companion answered. */
    answered: () => lines.map((l) => / info (GET|POST|OPTIONS|PUT|DELETE) (\S+) (\d{3}) /.exec(l)).filter((m) => m !== null)
      .map((m) => ({ method: m[1], path: m[2], status: Number(m[3]) })),
    pairingCode: () => new PairingCodes(running.companion.ctx.db!).create().code,
    irpRegistrations: async () => (await running.companion.ctx.sessions.offlineIrp()).counters.registrations,
    async close() {
      await running.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

describe('a hostile web page in Chromium', () => {
  let companion: Awaited<ReturnType<typeof startLoggedCompanion>>;
  let site: ServedSite;
  let browser: Browser;
  let apiKey: string;
  let ledgerBefore: unknown;
  let registrationsBefore: number;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(companion.url + path, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const ledger = async () => (await (await api(`${routes.einvoices}?limit=1000`)).json());

  before(async () => {
    companion = await startLoggedCompanion();
    const paired = await fetch(companion.url + routes.pair, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: companion.pairingCode(), client: 'hostile-page test' }),
    });
    assert.equal(paired.status, 200);
    apiKey = ((await paired.json()) as { apiKey: string }).apiKey;
    const first = await api(routes.einvoices, { method: 'POST', body: JSON.stringify({ invoice: validInvoice(`HP/${Date.now()}`) }) });
    assert.equal(first.status, 200, await first.clone().text());
    ledgerBefore = await ledger();
    registrationsBefore = await companion.irpRegistrations();

    const page = new Hono();
    const invoice = validInvoice(`HP/ATTACK/${Date.now()}`);
    page.get('/attack', (c) => c.html(attackPage(companion.url, invoice, apiKey)));
    page.get('/attack-localhost', (c) => c.html(attackPage(`http://localhost:${companion.port}`, invoice, apiKey)));
    page.get('/control', (c) => c.text('the page can read its own origin'));
    site = await serveSite(page);
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', NO_PRIVATE_NETWORK_GUARD, `--host-resolver-rules=MAP ${REBIND_HOST} 127.0.0.1`],
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await site?.close();
    await companion?.close();
  });

  for (const path of ['/attack', '/attack-localhost']) {
    test(`cross-origin attacks from ${path === '/attack' ? 'http://localhost:<port> on 127.0.0.1' : 'a page to localhost:<companion port>'}: all refused, nothing read`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const logged = companion.answered().length;
        await page.goto(site.origin + path);
        await page.waitForFunction(() => (window as unknown as { __results?: unknown }).__results, undefined, { timeout: 30_000 });
        const results = await page.evaluate(() => (window as unknown as { __results: Record<string, any> }).__results);

        assert.equal(results['own origin (control)'].read, true, 'fetch works on the page itself');
        for (const name of ['json, guessed key', 'json, no key', 'json, the real key', 'read the ledger, real key', 'read health', 'read openapi']) {
          assert.equal(results[name].read, false, `${name}: the page read ${JSON.stringify(results[name]).slice(0, 200)}`);
          assert.match(results[name].error, /TypeError|Failed to fetch/, name);
        }
        for (const name of ['no-cors text/plain', 'no-cors batch']) {
          assert.equal(results[name].type, 'opaque', name);
          assert.equal(results[name].text, '', `${name}: opaque, nothing readable`);
        }
        assert.equal(results.img, 'error', 'the <img> got no image');
        assert.equal(results.scriptLeak, false, 'the <script> defined nothing');
        assert.equal(results.iframeRead, null, 'the form answer in the iframe is unreadable');

        // What the companion answered (its own request log; the page saw none of it): refusals only.
        const seen = companion.answered().slice(logged);
        const ok = seen.filter((s) => s.status < 400);
        assert.deepEqual(ok, [], `the companion accepted: ${JSON.stringify(ok)}`);
        const posts403 = seen.filter((s) => s.method === 'POST' && s.path === routes.einvoices && s.status === 403).length;
        assert.ok(posts403 >= 4, `both forms, the no-cors POST and the beacon reached the companion and got 403: ${JSON.stringify(seen)}`);
        assert.ok(seen.some((s) => s.method === 'OPTIONS' && s.status === 403), `the JSON fetches' preflights got 403: ${JSON.stringify(seen)}`);
        assert.ok(seen.some((s) => s.method === 'GET' && s.status === 401), `the <img>/<script> GETs (no Origin, no key) got 401: ${JSON.stringify(seen)}`);
        // The form's answer, read with the browser's privileges: the Origin guard's refusal.
        const frame = page.frames().find((f) => f.name() === 'sinkText');
        assert.ok(frame, 'the form was submitted into its iframe');
        assert.match(await frame.content(), /FORBIDDEN/);
      } finally {
        await context.close();
      }
    });
  }

  test('DNS rebinding: a page that became same-origin with the companion reads only 421 refusals', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const origin = `http://${REBIND_HOST}:${companion.port}`;
      // The attacker's server hands out the page; then the name points at 127.0.0.1 (the resolver rule).
      await page.route(`${origin}/prize.html`, (route) => route.fulfill({ contentType: 'text/html', body: rebindPage(validInvoice(`HP/REBIND/${Date.now()}`)) }));
      await page.goto(`${origin}/prize.html`);
      await page.waitForFunction(() => (window as unknown as { __results?: unknown }).__results, undefined, { timeout: 30_000 });
      const results = await page.evaluate(() => (window as unknown as { __results: Record<string, { status: number; text: string }> }).__results);
      assert.equal(Object.keys(results).length, 4);
      for (const [name, r] of Object.entries(results)) {
        assert.equal(r.status, 421, `${name}: ${r.status} ${r.text.slice(0, 200)}`);
        assert.equal(JSON.parse(r.text).error.code, 'FORBIDDEN', name);
        assert.doesNotMatch(r.text, /"irn"|"entries"|"profiles"/, `${name} leaked data`);
      }
    } finally {
      await context.close();
    }
  });

  test('afterwards: the ledger and the IRP registration counter are unchanged, the SQLite file intact', async () => {
    await companion.running.companion.ctx.batches.settle();
    assert.equal(await companion.irpRegistrations(), registrationsBefore);
    assert.deepEqual(await ledger(), ledgerBefore);
    // The companion's own connection (the test package does not depend on better-sqlite3 itself).
    const db = companion.running.companion.ctx.db!;
    assert.ok(companion.answered().some((a) => a.status === 421), 'the rebinding requests were answered 421');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM einvoices').get() as { n: number }).n, 1);
  });
});
