import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mapErpDocument } from '@irn-bridge/shared/erps';
import { createFakeErpnext, FAKE_ERPNEXT_LOGIN, MARK_E_INVOICE_METHOD, type ErpnextVariant } from './erpnext';

const SI = '/api/resource/Sales%20Invoice';

async function login(variant: ErpnextVariant = 'india-compliance') {
  const fake = createFakeErpnext({ variant });
  const res = await fake.app.request('/api/method/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usr: FAKE_ERPNEXT_LOGIN.usr, pwd: FAKE_ERPNEXT_LOGIN.pwd }),
  });
  assert.equal(res.status, 200);
  const sid = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  assert.ok(sid);
  const cookie = `sid=${sid}`;
  const page = await (await fake.app.request('/app/sales-invoice/ASW-26-00042', { headers: { cookie } })).text();
  const csrf = /frappe\.csrf_token = "([0-9a-f]+)"/.exec(page)?.[1];
  assert.ok(csrf, 'desk page carries frappe.csrf_token');
  const req = (path: string, init: RequestInit = {}) => fake.app.request(path, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });
  const write = (path: string, method: string, body: unknown, token: string | null = csrf) =>
    req(path, { method, headers: { 'content-type': 'application/json', ...(token ? { 'X-Frappe-CSRF-Token': token } : {}) }, body: JSON.stringify(body) });
  return { fake, cookie, csrf, page, req, write };
}

describe('session rules', () => {
  test('wrong password → 401 AuthenticationError, no cookie', async () => {
    const fake = createFakeErpnext();
    const res = await fake.app.request('/api/method/login', { method: 'POST', body: new URLSearchParams({ usr: 'Administrator', pwd: 'nope' }) });
    assert.equal(res.status, 401);
    assert.equal((await res.json()).exc_type, 'AuthenticationError');
    assert.equal(res.headers.get('set-cookie'), null);
  });
  test('form-encoded login works too', async () => {
    const fake = createFakeErpnext();
    const res = await fake.app.request('/api/method/login', { method: 'POST', body: new URLSearchParams({ usr: 'Administrator', pwd: 'admin' }) });
    assert.deepEqual(await res.json(), { message: 'Logged In', home_page: '/app', full_name: 'Administrator' });
  });
  test('desk without a session redirects to /login with redirect-to', async () => {
    const fake = createFakeErpnext();
    const res = await fake.app.request('/app/sales-invoice/ASW-26-00042');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/login?redirect-to=%2Fapp%2Fsales-invoice%2FASW-26-00042');
  });
  test('API without a session → 403 PermissionError; with a forged sid too', async () => {
    const fake = createFakeErpnext();
    for (const headers of [{}, { cookie: 'sid=forged' }] as Record<string, string>[]) {
      const res = await fake.app.request(`${SI}/ASW-26-00042`, { headers });
      assert.equal(res.status, 403);
      assert.equal((await res.json()).exc_type, 'PermissionError');
    }
  });
  test('GET /login?usr&pwd convenience logs in and redirects (only to a local path)', async () => {
    const fake = createFakeErpnext();
    const ok = await fake.app.request('/login?usr=Administrator&pwd=admin&redirect-to=/app/sales-invoice/ASW-26-00043');
    assert.equal(ok.status, 302);
    assert.equal(ok.headers.get('location'), '/app/sales-invoice/ASW-26-00043');
    assert.match(ok.headers.get('set-cookie') ?? '', /sid=/);
    const evil = await fake.app.request('/login?usr=Administrator&pwd=admin&redirect-to=//evil.example/');
    assert.equal(evil.headers.get('location'), '/app');
    assert.equal((await fake.app.request('/login?usr=Administrator&pwd=x')).status, 401);
  });
  test('logout ends the session', async () => {
    const { req } = await login();
    assert.equal((await req('/api/method/frappe.auth.get_logged_user')).status, 200);
    await req('/api/method/logout', { method: 'POST' });
    assert.equal((await req('/api/method/frappe.auth.get_logged_user')).status, 401);
  });
});

describe('desk page and REST reads', () => {
  test('the form page has the frappe globals, cur_frm and the rendered invoice', async () => {
    const { page } = await login();
    assert.match(page, /<div id="body">/);
    assert.match(page, /class="title-text"[^>]*>ASW-26-00042</);
    assert.match(page, /data-fieldname="customer"[\s\S]*?Rangoli Foods Private Limited/);
    assert.match(page, /₹ 46,063\.92/);
    assert.match(page, /frappe\.boot = \{[^\n]*"india_compliance"/);
    assert.match(page, /frappe\.session = \{ user: frappe\.boot\.user\.name/);
    assert.match(page, /window\.cur_frm = \{ doctype: 'Sales Invoice', docname: "ASW-26-00042"/);
  });
  test('the page runs: cur_frm.doc is the whole invoice', async () => {
    const { page } = await login();
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const window: Record<string, any> = {};
    new Function('window', 'locals', `var frappe; with (window) { ${script} }; return window;`)(window, undefined);
    assert.equal(window.cur_frm.doc.name, 'ASW-26-00042');
    assert.equal(window.cur_frm.doc.items.length, 2);
    assert.equal(window.frappe.session.user, 'Administrator');
  });
  test('GET Sales Invoice and Address → { data }, URL-encoded space or not', async () => {
    const { req } = await login();
    const a = await (await req(`${SI}/ASW-26-00042`)).json();
    assert.equal(a.data.name, 'ASW-26-00042');
    assert.equal(a.data.grand_total, 46063.92);
    const b = await (await req('/api/resource/Sales Invoice/ASW-26-00043')).json();
    assert.equal(b.data.customer, 'Bhima Stores LLP');
    const addr = await (await req(`/api/resource/Address/${encodeURIComponent(a.data.customer_address)}`)).json();
    assert.equal(addr.data.gstin, '37AAGCR5310M1Z6');
  });
  test('an unknown invoice → 404 DoesNotExistError; unknown desk page → 404', async () => {
    const { req } = await login();
    const res = await req(`${SI}/ASW-26-99999`);
    assert.equal(res.status, 404);
    assert.equal((await res.json()).exc_type, 'DoesNotExistError');
    assert.equal((await req('/app/sales-invoice/ASW-26-99999')).status, 404);
  });
  test('list API returns names; the demo invoices are all there with the right docstatus', async () => {
    const { req } = await login();
    const { data } = await (await req(`${SI}?fields=${encodeURIComponent('["name","docstatus","is_return"]')}`)).json();
    assert.deepEqual(
      data.map((d: any) => [d.name, d.docstatus]),
      [['ASW-26-00042', 1], ['ASW-26-00043', 1], ['ASW-26-00051', 1], ['ASW-26-00052', 1], ['ASW-26-00099', 1], ['ASW-26-00044', 0], ['ASW-26-00045', 1]],
    );
  });
  test('what the API returns maps to INV-01 (the adapter path)', async () => {
    const { req } = await login();
    const inv = (await (await req(`${SI}/ASW-26-00051`)).json()).data;
    const original = (await (await req(`${SI}/${inv.return_against}`)).json()).data;
    const addresses: Record<string, any> = {};
    for (const n of [inv.company_address, inv.customer_address]) addresses[n] = (await (await req(`/api/resource/Address/${encodeURIComponent(n)}`)).json()).data;
    const mapped = mapErpDocument({ erp: 'erpnext', invoice: inv, addresses, returnAgainst: original });
    assert.equal(mapped.DocDtls.Typ, 'CRN');
    assert.equal(mapped.RefDtls?.PrecDocDtls?.[0].InvDt, '20/11/2026');
  });
});

describe('write-backs', () => {
  const irn = 'a'.repeat(64);
  const markArgs = { doctype: 'Sales Invoice', docname: 'ASW-26-00042', values: JSON.stringify({ irn, ack_no: '112610000012345', ack_dt: '2026-11-25 10:15:00' }) };
  const mark = `/api/method/${MARK_E_INVOICE_METHOD}`;

  test('every write is refused without (or with a wrong) CSRF token: 400 CSRFTokenError, nothing recorded', async () => {
    const { fake, write } = await login();
    for (const token of [null, 'deadbeef']) {
      for (const [path, method, body] of [
        [mark, 'POST', markArgs],
        [`${SI}/ASW-26-00042`, 'PUT', { irn }],
        ['/api/resource/Comment', 'POST', { reference_doctype: 'Sales Invoice', reference_name: 'ASW-26-00042', content: 'IRN' }],
      ] as const) {
        const res = await write(path, method, body, token);
        assert.equal(res.status, 400, `${method} ${path}`);
        const err = await res.json();
        assert.equal(err.exc_type, 'CSRFTokenError');
        assert.match(err.exception, /^frappe\.exceptions\.CSRFTokenError/);
      }
    }
    assert.equal(fake.writes.length, 0);
    assert.equal(fake.invoices.get('ASW-26-00042')?.irn, null);
  });
  test('writes without a session → 403', async () => {
    const fake = createFakeErpnext();
    const res = await fake.app.request('/api/resource/Comment', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 403);
  });
  test('india-compliance: mark_e_invoice_as_generated sets irn and is recorded; GET shows it', async () => {
    const { fake, write, req } = await login('india-compliance');
    const res = await write(mark, 'POST', markArgs);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).docs[0].einvoice_status, 'Manually Generated');
    assert.equal(fake.writes.length, 1);
    assert.deepEqual(
      { ...fake.writes[0], at: undefined },
      { erp: 'erpnext', kind: 'mark_e_invoice_as_generated', doctype: 'Sales Invoice', name: 'ASW-26-00042', values: { irn, ack_no: '112610000012345', ack_dt: '2026-11-25 10:15:00' }, user: 'Administrator', at: undefined },
    );
    assert.equal((await (await req(`${SI}/ASW-26-00042`)).json()).data.irn, irn);
    fake.reset();
    assert.equal(fake.writes.length, 0);
    assert.equal(fake.invoices.get('ASW-26-00042')?.irn, null);
  });
  test('form-encoded method call (how frappe.call sends it) works too', async () => {
    const { fake, req, csrf } = await login('india-compliance');
    const res = await req(mark, { method: 'POST', headers: { 'X-Frappe-CSRF-Token': csrf }, body: new URLSearchParams(markArgs) });
    assert.equal(res.status, 200);
    assert.equal(fake.writes[0].values.irn, irn);
  });
  test('other variants have no India Compliance method: 404, nothing recorded', async () => {
    for (const variant of ['irn-fields', 'comment-only'] as const) {
      const { fake, write, page } = await login(variant);
      assert.doesNotMatch(page, /india_compliance/);
      const res = await write(mark, 'POST', markArgs);
      assert.equal(res.status, 404);
      assert.equal(fake.writes.length, 0);
    }
  });
  test('irn-fields: PUT sets irn, ack_no, ack_date, signed_qr_code on the submitted invoice', async () => {
    const { fake, write } = await login('irn-fields');
    const values = { irn, ack_no: '112610000012345', ack_date: '2026-11-25 10:15:00', signed_qr_code: 'eyJ...' };
    const res = await write(`${SI}/ASW-26-00042`, 'PUT', values);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).data.ack_no, '112610000012345');
    assert.deepEqual(fake.writes.map((w) => [w.kind, w.values]), [['update', values]]);
  });
  test('comment-only: PUT of unknown fields is silently ignored (as Frappe) and not recorded', async () => {
    const { fake, write } = await login('comment-only');
    const res = await write(`${SI}/ASW-26-00042`, 'PUT', { irn });
    assert.equal(res.status, 200);
    assert.equal('irn' in (await res.json()).data, false);
    assert.equal(fake.writes.length, 0);
  });
  test('changing a non-editable field of a submitted invoice → 417 UpdateAfterSubmitError', async () => {
    const { fake, write } = await login('irn-fields');
    const res = await write(`${SI}/ASW-26-00042`, 'PUT', { irn, customer: 'Someone Else' });
    assert.equal(res.status, 417);
    assert.equal((await res.json()).exc_type, 'UpdateAfterSubmitError');
    assert.equal(fake.writes.length, 0);
    assert.equal(fake.invoices.get('ASW-26-00042')?.irn, null);
  });
  test('POST Comment is recorded with its content; a comment on an unknown invoice is refused', async () => {
    const { fake, write } = await login('comment-only');
    const res = await write('/api/resource/Comment', 'POST', { comment_type: 'Comment', reference_doctype: 'Sales Invoice', reference_name: 'ASW-26-00043', content: `IRN: ${irn}` });
    assert.equal(res.status, 200);
    const { data } = await res.json();
    assert.equal(data.doctype, 'Comment');
    assert.equal(data.reference_name, 'ASW-26-00043');
    assert.deepEqual(fake.writes.map((w) => [w.kind, w.name, w.values.content]), [['comment', 'ASW-26-00043', `IRN: ${irn}`]]);
    const bad = await write('/api/resource/Comment', 'POST', { reference_doctype: 'Sales Invoice', reference_name: 'NOPE', content: 'x' });
    assert.equal(bad.status, 404);
    assert.equal(fake.writes.length, 1);
  });
});

test('over real HTTP: cookie session, encoded doctype, CSRF (server on 127.0.0.1:0)', async () => {
  const fake = createFakeErpnext();
  const server = serve({ fetch: fake.app.fetch, hostname: '127.0.0.1', port: 0 });
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/method/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usr: 'Administrator', pwd: 'admin' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await fetch(`${base}/api/resource/Sales%20Invoice/ASW-26-00099`, { headers: { cookie } });
    assert.equal((await res.json()).data.items[0].gst_hsn_code, '09103920');
    const refused = await fetch(`${base}/api/resource/Comment`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(refused.status, 400);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('as the real ERPNext 15 + India Compliance 15.25.6 answers (checked in test/real/erpnext)', () => {
  const IC_M = 'india_compliance.gst_india.utils';
  test('the REST document leaves empty fields out; get_value names every field asked for', async () => {
    const { req } = await login('india-compliance');
    const doc = (await (await req(`${SI}/ASW-26-00042`)).json()).data;
    assert.equal('irn' in doc, false, 'irn is null, so Frappe leaves it out');
    const q = new URLSearchParams({ doctype: 'Sales Invoice', filters: JSON.stringify({ name: 'ASW-26-00042' }), fieldname: JSON.stringify(['name', 'docstatus', 'irn', 'einvoice_status']) });
    const row = (await (await req(`/api/method/frappe.client.get_value?${q}`)).json()).message;
    assert.deepEqual(Object.keys(row), ['name', 'docstatus', 'irn', 'einvoice_status']);
  });
  test('without India Compliance, get_value for its fields fails (417)', async () => {
    const { req } = await login('comment-only');
    const q = new URLSearchParams({ doctype: 'Sales Invoice', filters: JSON.stringify({ name: 'ASW-26-00042' }), fieldname: JSON.stringify(['name', 'einvoice_status']) });
    assert.equal((await req(`/api/method/frappe.client.get_value?${q}`)).status, 417);
  });
  test('upload_file attaches a file (multipart, CSRF); add_comment needs its five arguments', async () => {
    const { fake, req, csrf, write } = await login('india-compliance');
    const form = new FormData();
    form.append('file', new Blob(['{"Irn":"x"}'], { type: 'application/json' }), 'e-invoice-x.json');
    form.append('doctype', 'Sales Invoice');
    form.append('docname', 'ASW-26-00042');
    form.append('is_private', '1');
    assert.equal((await req('/api/method/upload_file', { method: 'POST', body: form })).status, 400, 'no CSRF token');
    const up = await req('/api/method/upload_file', { method: 'POST', headers: { 'X-Frappe-CSRF-Token': csrf }, body: form });
    assert.equal(up.status, 200);
    assert.deepEqual(fake.attachments.map((a) => [a.file_name, a.content, a.is_private]), [['e-invoice-x.json', '{"Irn":"x"}', 1]]);
    const args = { reference_doctype: 'Sales Invoice', reference_name: 'ASW-26-00042', content: 'hello', comment_email: 'a@example.com' };
    assert.equal((await write('/api/method/frappe.desk.form.utils.add_comment', 'POST', args)).status, 417, 'comment_by missing');
    assert.equal((await write('/api/method/frappe.desk.form.utils.add_comment', 'POST', { ...args, comment_by: 'A' })).status, 200);
    assert.equal(fake.comments.at(-1)?.content, 'hello');
  });
  test('mark_e_invoice_as_cancelled does nothing until the invoice is cancelled; then clears the IRN', async () => {
    const { fake, write } = await login('india-compliance');
    const irn = 'b'.repeat(64);
    await write(`/api/method/${MARK_E_INVOICE_METHOD}`, 'POST', { doctype: 'Sales Invoice', docname: 'ASW-26-00042', values: JSON.stringify({ irn, ack_no: '1', ack_dt: '2026-11-25 10:15:00' }) });
    const cancelArgs = { doctype: 'Sales Invoice', docname: 'ASW-26-00042', values: JSON.stringify({ reason: 'Data Entry Mistake', remark: 'x', cancelled_on: '2026-11-25 11:00:00' }) };
    await write(`/api/method/${IC_M}.e_invoice.mark_e_invoice_as_cancelled`, 'POST', cancelArgs);
    assert.equal(fake.invoices.get('ASW-26-00042')?.irn, irn, 'still submitted: nothing changed');
    assert.equal((await write('/api/method/frappe.client.cancel', 'POST', { doctype: 'Sales Invoice', name: 'ASW-26-00042' })).status, 200);
    await write(`/api/method/${IC_M}.e_invoice.mark_e_invoice_as_cancelled`, 'POST', cancelArgs);
    const inv = fake.invoices.get('ASW-26-00042');
    assert.deepEqual([inv?.docstatus, inv?.irn, inv?.einvoice_status], [2, '', 'Manually Cancelled']);
  });
  test("v16: the desk is under /desk and /app links redirect there", async () => {
    const fake = createFakeErpnext({ desk: '/desk' });
    const res = await fake.app.request('/app/sales-invoice/ASW-26-00042');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/desk/sales-invoice/ASW-26-00042');
  });
});
