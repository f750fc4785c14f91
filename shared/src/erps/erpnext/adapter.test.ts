import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapErpDocument } from '@irn-bridge/shared/erps';
import { erpnext, INDIA_COMPLIANCE_METHOD } from './index';
import { env, fakeDocument, fakeFetch, fixture, RESULT, type Call } from '../testing/fakes';

const ORIGIN = 'http://erp.example.test:8000';
const invoice = fixture('erpnext/sales-invoice-interstate.json').data;
const addresses: Record<string, unknown> = Object.fromEntries(
  ['address-company-billing', 'address-rangoli-foods', 'address-bhima-stores']
    .map((f) => fixture(`erpnext/${f}.json`).data)
    .map((a: { name: string }) => [a.name, a]),
);

/** The REST API of a desk that knows the fixtures. */
function desk(extra: (c: Call) => { status?: number; json?: unknown } | undefined = () => undefined) {
  return fakeFetch((c) => {
    const path = decodeURIComponent(c.url.pathname);
    if (c.method === 'GET' && path === `/api/resource/Sales Invoice/${invoice.name}`) return { json: { data: invoice } };
    const addr = /^\/api\/resource\/Address\/(.+)$/.exec(path);
    if (c.method === 'GET' && addr && addresses[addr[1]]) return { json: { data: addresses[addr[1]] } };
    return extra(c);
  });
}

describe('erpnextAdapter: recognising the page', () => {
  const a = erpnext;

  test('matches Sales Invoice forms only', () => {
    assert.notEqual(a.detect(new URL(`${ORIGIN}/app/sales-invoice/ASW-26-00042`)), null);
    assert.equal(a.detect(new URL(`${ORIGIN}/app/sales-invoice`)), null, 'the list view');
    assert.equal(a.detect(new URL(`${ORIGIN}/app/sales-order/SO-1`)), null);
  });

  test('detect names the invoice, decoding the URL', () => {
    assert.deepEqual(a.detect(new URL(`${ORIGIN}/app/sales-invoice/ASW%2026-1`)), { erp: 'erpnext', name: 'ASW 26-1' });
  });

  test('an unsaved new invoice is not detected', () => {
    assert.equal(a.detect(new URL(`${ORIGIN}/app/sales-invoice/new-sales-invoice-abc123`)), null);
  });
});

describe('erpnextAdapter.read', () => {
  test('reads the invoice and its linked addresses with the session cookie, and maps to INV-01', async () => {
    const { fetch, calls } = desk();
    const doc = await erpnext.read(env(ORIGIN, fetch), { erp: 'erpnext', name: invoice.name });
    assert.equal(doc.erp, 'erpnext');
    if (doc.erp !== 'erpnext') return;
    assert.equal(doc.invoice.name, 'ASW-26-00042');
    assert.deepEqual(Object.keys(doc.addresses).sort(), [invoice.company_address, invoice.customer_address].sort());
    assert.ok(calls.every((c) => c.credentials === 'include' && c.url.origin === ORIGIN));
    const inv01 = mapErpDocument(doc);
    assert.equal(inv01.DocDtls.No, 'ASW-26-00042');
    assert.equal(inv01.SellerDtls.Gstin, '29AAHCA4821K1ZH');
    assert.equal(inv01.BuyerDtls.Gstin, '37AAGCR5310M1Z6');
  });

  test('a refused read (logged out) explains itself', async () => {
    const { fetch } = fakeFetch(() => ({ status: 403, json: {} }));
    await assert.rejects(erpnext.read(env(ORIGIN, fetch), { erp: 'erpnext', name: 'X' }), /HTTP 403.*logged in/);
  });
});

describe('erpnextAdapter.writeBack', () => {
  const page = fakeDocument(`${ORIGIN}/app/sales-invoice/${invoice.name}`, ['frappe.boot = {};', 'frappe.csrf_token = "tok-from-html";']);

  test('India Compliance present: calls its method with the CSRF token from the desk HTML', async () => {
    const { fetch, calls } = desk((c) => (c.url.pathname === `/api/method/${INDIA_COMPLIANCE_METHOD}` ? { json: { message: 'ok' } } : undefined));
    const out = await erpnext.record(env(ORIGIN, fetch, page), { erp: 'erpnext', name: invoice.name }, { kind: 'generated', result: RESULT });
    assert.deepEqual(out, { ok: true, method: 'india-compliance', message: 'Recorded on the invoice by India Compliance.' });
    const post = calls.find((c) => c.method === 'POST')!;
    assert.equal(post.headers['X-Frappe-CSRF-Token'], 'tok-from-html');
    assert.equal(post.body.values.irn, RESULT.irn);
    assert.equal(post.body.values.ack_no, RESULT.ackNo);
    assert.equal(post.body.docname, invoice.name);
  });

  test('method missing: PUTs the irn fields the doctype has, token read from the main world', async () => {
    const { fetch, calls } = desk((c) => (c.method === 'PUT' ? { json: { data: {} } } : undefined));
    const noScripts = fakeDocument(`${ORIGIN}/app/sales-invoice/${invoice.name}`);
    const out = await erpnext.record(env(ORIGIN, fetch, noScripts, { 'frappe.csrf_token': 'tok-from-page' }), { erp: 'erpnext', name: invoice.name }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, true);
    assert.equal(out.method, 'irn-fields');
    const put = calls.find((c) => c.method === 'PUT')!;
    assert.equal(put.headers['X-Frappe-CSRF-Token'], 'tok-from-page');
    assert.deepEqual(put.body, { irn: RESULT.irn }, 'only fields the doctype has (the fixture has irn only)');
  });

  test('no India Compliance and no irn field: a Comment on the invoice', async () => {
    const plain = { ...invoice };
    delete plain.irn;
    delete plain.einvoice_status;
    const { fetch, calls } = fakeFetch((c) => {
      if (c.method === 'GET') return { json: { data: plain } };
      if (c.method === 'POST' && c.url.pathname === '/api/resource/Comment') return { json: { data: { name: 'c1' } } };
      return undefined;
    });
    const out = await erpnext.record(env(ORIGIN, fetch, page), { erp: 'erpnext', name: invoice.name }, { kind: 'generated', result: RESULT });
    assert.equal(out.method, 'comment');
    assert.equal(out.ok, true);
    const post = calls.find((c) => c.method === 'POST')!;
    assert.equal(post.body.reference_name, invoice.name);
    assert.match(post.body.content, new RegExp(RESULT.irn));
    assert.equal(calls.filter((c) => c.method === 'PUT').length, 0);
  });

  test('a refused comment is reported, not thrown', async () => {
    const { fetch } = fakeFetch((c) => (c.method === 'GET' ? { json: { data: { name: 'X' } } } : { status: 403 }));
    const out = await erpnext.record(env(ORIGIN, fetch, page), { erp: 'erpnext', name: 'X' }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, false);
    assert.match(out.message, /HTTP 403/);
  });
});
