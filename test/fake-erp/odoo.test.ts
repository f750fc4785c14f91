import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { odoo } from '@irn-bridge/shared/erps/odoo/index';
import { forgetServerFields } from '@irn-bridge/shared/erps/odoo/fields';
import { qrPngBase64 } from '@irn-bridge/shared/erps/odoo/qr-png';
import { RESULT } from '@irn-bridge/shared/erps/testing/fakes';
import { createFakeOdoo, FAKE_ODOO_LOGIN, ODOO_MOVES, odooInvoicePath, odooLegacyInvoicePath, type FakeOdoo } from './odoo';

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

/** What the extension's content script gives the module: the fake's origin and a fetch with the session cookie. */
function ioFor(fake: FakeOdoo, cookie: string): ErpIo {
  return {
    origin: 'http://odoo.test',
    fetch: ((input: RequestInfo | URL, init: RequestInit = {}) =>
      fake.app.request(new URL(String(input)).pathname, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } })) as typeof fetch,
    pageGlobals: async () => ({}),
    qrPngBase64, // the extension's background makes it (`qr.png`)
  };
}

async function login(options: Parameters<typeof createFakeOdoo>[0] = {}) {
  const fake = createFakeOdoo(options);
  const res = await fake.app.request('/web/session/authenticate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: FAKE_ODOO_LOGIN.db, login: 'admin', password: 'admin' } }),
  });
  const body = await res.json();
  assert.equal(body.result.uid, 2);
  const cookie = cookieOf(res);
  assert.match(cookie, /^session_id=/);
  let n = 0;
  const call = async (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, headers: Record<string, string> = { cookie }) => {
    const r = await fake.app.request(`/web/dataset/call_kw/${model}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++n, params: { model, method, args, kwargs } }),
    });
    assert.equal(r.status, 200); // JSON-RPC errors travel with HTTP 200, as in Odoo
    return r.json();
  };
  return { fake, cookie, call };
}

describe('session rules', () => {
  test('JSON-RPC without a session → code 100 SessionExpiredException', async () => {
    const { call } = await login();
    const body = await call('account.move', 'read', [[17]], {}, {});
    assert.equal(body.jsonrpc, '2.0');
    assert.equal(body.error.code, 100);
    assert.equal(body.error.message, 'Odoo Session Expired');
    assert.equal(body.error.data.name, 'odoo.http.SessionExpiredException');
    assert.equal(body.result, undefined);
  });
  test('wrong password → AccessDenied', async () => {
    const fake = createFakeOdoo();
    const res = await fake.app.request('/web/session/authenticate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, params: { login: 'admin', password: 'x' } }) });
    assert.equal((await res.json()).error.data.name, 'odoo.exceptions.AccessDenied');
  });
  test('web client without a session redirects to /web/login?redirect=…', async () => {
    const fake = createFakeOdoo();
    const res = await fake.app.request('/web');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/web/login?redirect=${encodeURIComponent('/web')}`);
  });
  test('login form: needs the csrf_token of its own session; then the client loads', async () => {
    const fake = createFakeOdoo();
    const form = await fake.app.request('/web/login');
    const cookie = cookieOf(form);
    const csrf = /name="csrf_token" value="([0-9a-f]+)"/.exec(await form.text())?.[1];
    assert.ok(csrf);
    const post = (token: string) =>
      fake.app.request('/web/login', { method: 'POST', headers: { cookie }, body: new URLSearchParams({ login: 'admin', password: 'admin', csrf_token: token, redirect: '/web' }) });
    assert.equal((await post('bad')).status, 400);
    const ok = await post(csrf);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/web');
    assert.equal((await fake.app.request('/web', { headers: { cookie } })).status, 200);
  });
  test('GET /web/login?login&password convenience', async () => {
    const fake = createFakeOdoo();
    const res = await fake.app.request(`/web/login?login=admin&password=admin&redirect=${encodeURIComponent(odooInvoicePath(17))}`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), odooInvoicePath(17));
    const page = await fake.app.request(odooInvoicePath(17), { headers: { cookie: cookieOf(res) } });
    assert.equal(page.status, 200);
  });
});

describe('web client page', () => {
  test('has odoo.csrf_token and odoo.__session_info__, and renders the form from the URL', async () => {
    const { fake, cookie } = await login();
    const html = await (await fake.app.request('/web', { headers: { cookie } })).text();
    assert.match(html, /var odoo = \{ csrf_token: "[0-9a-f]+"/);
    assert.match(html, /odoo\.__session_info__ = \{"uid":2,/);
    // Run the page's script against a minimal DOM, for both URL shapes.
    const scripts = [...html.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    const render = (pathname: string, hash: string) => {
      const root = { innerHTML: '' };
      const win = { addEventListener() {} };
      new Function('window', 'document', 'location', `${scripts}; return odoo;`)(win, { querySelector: () => root }, { pathname, hash });
      return root.innerHTML;
    };
    const legacy = render('/web', '#id=17&model=account.move&view_type=form');
    assert.match(legacy, /class="o_action o_view_controller o_form_view" data-model="account.move" data-res-id="17"/);
    assert.match(legacy, /name="name"><span>INV\/2026\/00017</);
    assert.match(legacy, /o_arrow_button_current" data-value="posted"/);
    const fromMenu = render('/web', new URL(`http://x${odooInvoicePath(ODOO_MOVES.draft)}`).hash);
    assert.match(fromMenu, /data-res-id="18"/);
    assert.match(fromMenu, /o_arrow_button_current" data-value="draft"/);
    assert.match(render('/web', new URL(`http://x${odooLegacyInvoicePath(ODOO_MOVES.creditNote)}`).hash), /Credit Note[\s\S]*RINV\/2026\/00003/);
    assert.match(render('/web', '#menu_id=101&action=244&model=account.move&view_type=list'), /o_list_view/);
  });
});

describe('JSON-RPC reads', () => {
  test('read account.move with fields; Many2one as [id, name]; unknown id → MissingError', async () => {
    const { call } = await login();
    const { result } = await call('account.move', 'read', [[17], ['name', 'state', 'partner_id', 'invoice_line_ids']]);
    assert.deepEqual(result, [{ id: 17, name: 'INV/2026/00017', state: 'posted', partner_id: [9, 'Deccan Provisions Private Limited'], invoice_line_ids: [101, 102] }]);
    const missing = await call('account.move', 'read', [[99]]);
    assert.equal(missing.error.data.name, 'odoo.exceptions.MissingError');
  });
  test('search_read with a domain; search; search_count', async () => {
    const { call } = await login();
    const lines = await call('account.move.line', 'search_read', [[['move_id', '=', 17]]], { fields: ['quantity'] });
    assert.deepEqual(lines.result, [{ id: 101, quantity: 200 }, { id: 102, quantity: 15 }]);
    const posted = await call('account.move', 'search', [[['state', '=', 'posted'], ['move_type', 'in', ['out_invoice', 'out_refund']]]]);
    assert.deepEqual(posted.result, [17, 21]);
    assert.equal((await call('account.move', 'search_count', [[['state', '=', 'draft']]])).result, 1);
    assert.equal((await call('res.country.state', 'search_read', [[['id', 'in', [593, 608]]]], { fields: ['l10n_in_tin'], limit: 1 })).result.length, 1);
  });
  test('unknown model and unknown method answer in Odoo error shape', async () => {
    const { call } = await login();
    const a = await call('hr.employee', 'read', [[1]]);
    assert.equal(a.error.code, 200);
    assert.equal(a.error.message, 'Odoo Server Error');
    assert.equal(a.error.data.name, 'builtins.KeyError');
    const b = await call('account.move', 'action_post', [[18]]);
    assert.equal(b.error.data.name, 'builtins.AttributeError');
  });
  test('model/method in params on /web/dataset/call_kw works too', async () => {
    const { fake, cookie } = await login();
    const res = await fake.app.request('/web/dataset/call_kw', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 7, params: { model: 'res.company', method: 'read', args: [[1], ['vat']], kwargs: {} } }) });
    assert.deepEqual(await res.json(), { jsonrpc: '2.0', id: 7, result: [{ id: 1, vat: '29AAHCA4821K1ZH' }] });
  });
  test('answers as 17.0 does: an unknown field, a line read without fields, two partners at once are errors', async () => {
    const { call } = await login();
    // l10n_in_hsn_code is on the line in 18.0 only; 17.0 keeps it on the product.
    assert.deepEqual((await call('account.move.line', 'read', [[101], ['l10n_in_hsn_code']])).error.data.message, "Invalid field 'l10n_in_hsn_code' on model 'account.move.line'");
    assert.match((await call('account.move.line', 'read', [[101]])).error.data.message, /not frozendict/);
    assert.match((await call('res.partner', 'read', [[9, 1]])).error.data.message, /Expected singleton: res\.partner\(9, 1\)/);
    assert.deepEqual((await call('product.product', 'read', [[5], ['l10n_in_hsn_code']])).result, [{ id: 5, l10n_in_hsn_code: '09103020' }]);
    assert.ok('l10n_in_reverse_charge' in (await call('account.tax', 'fields_get', [], { attributes: ['type'] })).result);
  });
  test('the Odoo module reads and maps a credit note through it, the origin invoice named', async () => {
    const { fake, cookie } = await login();
    forgetServerFields();
    const doc = await odoo.read(ioFor(fake, cookie), odoo.detect(new URL(`http://odoo.test${odooLegacyInvoicePath(ODOO_MOVES.creditNote)}`))!);
    const { invoice, issues } = odoo.map(doc);
    assert.deepEqual(issues, []);
    assert.equal(invoice.DocDtls.Typ, 'CRN');
    assert.deepEqual(invoice.RefDtls?.PrecDocDtls, [{ InvNo: 'INV/2026/00017', InvDt: '21/11/2026' }]);
    assert.equal(invoice.ValDtls.TotInvVal, 5208);
    assert.equal(invoice.ItemList[0].HsnCd, '09103020');
  });
});

describe('write-back without l10n_in_edi', () => {
  test("the module attaches the IRP's response and the QR, and posts the note with them", async () => {
    const { fake, cookie } = await login();
    forgetServerFields();
    const out = await odoo.record(ioFor(fake, cookie), { erp: 'odoo', name: 'account.move/17', id: 17 }, { kind: 'generated', result: RESULT });
    assert.deepEqual([out.ok, out.method], [true, 'attachments']);
    assert.deepEqual(fake.db['ir.attachment'].map((a) => [a.name, a.mimetype, a.res_id]), [
      ['INV_2026_00017_einvoice.json', 'application/json', 17], ['INV_2026_00017_einvoice_qr.png', 'image/png', 17],
    ]);
    const note = fake.db['mail.message'][0];
    assert.deepEqual(note.attachment_ids, fake.db['ir.attachment'].map((a) => a.id));
    assert.match(String(note.body), new RegExp(RESULT.irn));
  });
  test('fault injection: a server that refuses writes gives a failed outcome telling the clerk what to do', async () => {
    const { fake, cookie } = await login({ refuseWrites: true });
    forgetServerFields();
    const out = await odoo.record(ioFor(fake, cookie), { erp: 'odoo', name: 'account.move/17', id: 17 }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, false);
    assert.match(out.message, /not allowed to modify 'ir\.attachment'.*Note the IRN on the invoice by hand\./);
    assert.equal(fake.writes.length, 0);
  });
});

describe('message_post', () => {
  test('posts a note, returns the message id, and is recorded; reset clears it', async () => {
    const { fake, call } = await login();
    const kwargs = { body: 'IRN: abc', message_type: 'comment', subtype_xmlid: 'mail.mt_note' };
    const res = await call('account.move', 'message_post', [[17]], kwargs);
    assert.equal(typeof res.result, 'number');
    assert.equal(fake.writes.length, 1);
    assert.deepEqual({ ...fake.writes[0], at: undefined }, { erp: 'odoo', kind: 'message_post', doctype: 'account.move', name: '17', values: kwargs, user: 'admin', at: undefined });
    fake.reset();
    assert.equal(fake.writes.length, 0);
  });
  test('refused without a session, on an unknown record, or on another model; nothing recorded', async () => {
    const { fake, call } = await login();
    assert.equal((await call('account.move', 'message_post', [[17]], { body: 'x' }, {})).error.code, 100);
    assert.equal((await call('account.move', 'message_post', [[999]], { body: 'x' })).error.data.name, 'odoo.exceptions.MissingError');
    assert.equal((await call('res.partner', 'message_post', [[9]], { body: 'x' })).error.data.name, 'builtins.AttributeError');
    assert.equal(fake.writes.length, 0);
  });
});
