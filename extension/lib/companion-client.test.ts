import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompanionClient } from './companion-client';
import { UiFailure } from './ui-error';

function client(answer: (url: URL, init: RequestInit) => Response | Promise<Response>, apiKey: string | null = 'k-123') {
  const seen: { url: URL; init: RequestInit }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    seen.push({ url, init });
    return answer(url, init);
  }) as typeof fetch;
  return { c: new CompanionClient({ port: 47321, apiKey, fetch: fetchImpl }), seen };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function failure(p: Promise<unknown>): Promise<UiFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UiFailure) return e;
    throw e;
  }
  assert.fail('expected a failure');
}

test('nothing listening: a clear message with how to start the companion', async () => {
  const { c } = client(() => { throw new TypeError('Failed to fetch'); });
  const e = await failure(c.health());
  assert.equal(e.error.code, 'COMPANION_DOWN');
  assert.match(e.error.message, /not running.*127\.0\.0\.1:47321/);
  assert.match(e.error.hint!, /IT person.*irn-bridge doctor/);
});

test('an unpaired extension origin (403 FORBIDDEN) reads as "not paired"', async () => {
  const { c } = client(() => json(403, { error: { code: 'FORBIDDEN', message: 'no' } }));
  assert.equal((await failure(c.health())).error.code, 'NOT_PAIRED');
});

test('calls carry the key as a Bearer token and go to 127.0.0.1 only', async () => {
  const { c, seen } = client(() => json(200, { profiles: [] }));
  await c.profiles();
  assert.equal(seen[0].url.origin, 'http://127.0.0.1:47321');
  assert.equal((seen[0].init.headers as Record<string, string>).Authorization, 'Bearer k-123');
});

test('without a key, no call is made and the user is told to pair', async () => {
  const { c, seen } = client(() => json(200, {}), null);
  assert.equal((await failure(c.profiles())).error.code, 'NOT_PAIRED');
  assert.equal(seen.length, 0);
});

test('lookup by document: 404 means "not registered yet"', async () => {
  const { c, seen } = client(() => json(404, { error: { code: 'NOT_FOUND', message: 'none' } }));
  assert.equal(await c.lookup({ docType: 'INV', docNo: 'A/1', docDate: '20/11/2026' }), null);
  assert.equal(seen[0].url.searchParams.get('docNo'), 'A/1');
});

test('an IRP refusal keeps its codes, message and hint, and says from the catalogue whether trying again may pass', async () => {
  const body = { error: { code: 'IRP_REJECTED', message: 'Duplicate IRN', hint: 'Check the number', irp: { codes: ['2150'], messages: ['Duplicate IRN'] } } };
  const { c } = client(() => json(422, body));
  const e = await failure(c.generate({ invoice: {} }));
  assert.deepEqual(e.error, { code: 'IRP_REJECTED', message: 'Duplicate IRN', hint: 'Check the number', issues: undefined, irp: body.error.irp, retryable: false });
  // 3043 is the IRP's "try again after sometime" (shared/src/irp/error-catalogue.ts).
  const busy = { error: { code: 'IRP_UNAVAILABLE', message: 'The IRP had a temporary problem.', irp: { codes: ['3043'], messages: [] } } };
  const again = await failure(client(() => json(503, busy)).c.generate({ invoice: {} }));
  assert.equal(again.error.retryable, true);
});

test('an e-way bill is asked for at POST /v1/einvoices/:irn/ewaybill with the form fields as the body', async () => {
  const irn = 'ab'.repeat(32);
  const { c, seen } = client(() => json(200, { irn, ewbNo: '391009149369', ewbDt: '2026-11-25 10:05:00', ewbValidTill: '2026-11-27 23:59:00' }));
  const res = await c.ewaybill(irn, { distance: 350, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' });
  assert.equal(res.ewbNo, '391009149369');
  assert.equal(seen[0].init.method, 'POST');
  assert.equal(seen[0].url.pathname, `/v1/einvoices/${irn}/ewaybill`);
  assert.deepEqual(JSON.parse(String(seen[0].init.body)), { distance: 350, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' });
});

test('a shared companion: every call goes to its https:// address, failures name it and the administrator', async () => {
  const seen: URL[] = [];
  let answer: () => Response = () => json(200, { profiles: [] });
  const c = new CompanionClient({
    port: 47321, baseUrl: 'https://irn.office.lan:9443', apiKey: 'irnb_asha',
    fetch: (async (input: RequestInfo | URL) => { seen.push(new URL(String(input))); return answer(); }) as typeof fetch,
  });
  await c.profiles();
  assert.equal(seen[0].origin, 'https://irn.office.lan:9443');
  answer = () => { throw new TypeError('net::ERR_CERT_AUTHORITY_INVALID'); };
  const down = await failure(c.health());
  assert.equal(down.error.code, 'COMPANION_DOWN');
  assert.match(down.error.message, /shared IRN Bridge companion at https:\/\/irn\.office\.lan:9443 .*does not trust its certificate/);
  assert.equal(/127\.0\.0\.1/.test(down.error.message + down.error.hint), false, 'not the local companion\'s advice');
  answer = () => json(401, { error: { code: 'UNAUTHORIZED', message: 'Invalid API key.' } });
  const refused = await failure(c.profiles());
  assert.equal(refused.error.code, 'NOT_PAIRED');
  assert.match(refused.error.hint!, /administrator.*keys create.*No pairing code/);
});
