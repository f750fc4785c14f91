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

  test("Frappe v16's /desk/ route is a Sales Invoice form too", () => {
    assert.deepEqual(a.detect(new URL(`${ORIGIN}/desk/sales-invoice/ASW-26-00042`)), { erp: 'erpnext', name: 'ASW-26-00042' });
    assert.equal(a.detect(new URL(`${ORIGIN}/desk/sales-order/SO-1`)), null);
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

describe('erpnextAdapter.record (write-back)', () => {
  const page = fakeDocument(`${ORIGIN}/app/sales-invoice/${invoice.name}`, ['frappe.boot = {};', 'frappe.csrf_token = "tok-from-html";']);
  const ref = { erp: 'erpnext', name: invoice.name };
  const GET_VALUE = '/api/method/frappe.client.get_value';
  /** frappe.client.get_value as the real one answers: every asked field named, or an error for a field the doctype lacks. */
  const getValue = (c: Call, row: Record<string, unknown> | null) => {
    if (c.url.pathname !== GET_VALUE) return undefined;
    const fields = JSON.parse(c.url.searchParams.get('fieldname') ?? '[]') as string[];
    if (!row || fields.some((f) => !(f in row))) return { status: 417, json: { exc_type: 'DataError' } };
    return { json: { message: Object.fromEntries(fields.map((f) => [f, row[f]])) } };
  };
  const IC_ROW = { name: invoice.name, docstatus: 1, irn: null, einvoice_status: 'Pending', ewaybill: null };
  const ok = { json: { message: {} } };

  test('India Compliance present (found by asking for its fields, not by a null field in the doc): marks the IRN and attaches the signed QR', async () => {
    const { fetch, calls } = desk((c) => getValue(c, IC_ROW) ?? (c.method === 'POST' ? ok : undefined));
    const out = await erpnext.record(env(ORIGIN, fetch, page), ref, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, true, out.message);
    assert.equal(out.method, 'india-compliance');
    const posts = calls.filter((c) => c.method === 'POST');
    assert.deepEqual(posts.map((c) => c.url.pathname), ['/api/method/upload_file', `/api/method/${INDIA_COMPLIANCE_METHOD}`]);
    assert.ok(posts.every((c) => c.headers['X-Frappe-CSRF-Token'] === 'tok-from-html'));
    assert.deepEqual(posts[1].body, { doctype: 'Sales Invoice', docname: invoice.name, values: { irn: RESULT.irn, ack_no: RESULT.ackNo, ack_dt: RESULT.ackDt } });
  });

  test('a stale CSRF token is refreshed once from the desk page, then the write is sent again', async () => {
    let desks = 0;
    const { fetch, calls } = desk((c) => {
      if (c.url.pathname === '/app') return (desks++, { json: {} });
      const g = getValue(c, IC_ROW);
      if (g) return g;
      if (c.method !== 'POST') return undefined;
      return c.headers['X-Frappe-CSRF-Token'] === 'fresh' ? ok : { status: 400, json: { exc_type: 'CSRFTokenError' } };
    });
    // The fake answers JSON; the real desk page is HTML with the token inline, which is what is parsed.
    const html = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input)).pathname === '/app') {
        await fetch(input, init);
        return new Response('<script>frappe.csrf_token = "fresh";</script>', { status: 200 });
      }
      return fetch(input, init);
    }) as typeof globalThis.fetch;
    const out = await erpnext.record(env(ORIGIN, html, page), ref, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, true, out.message);
    assert.equal(desks, 1, 'the desk page is fetched once');
    assert.deepEqual(calls.filter((c) => c.method === 'POST').map((c) => c.headers['X-Frappe-CSRF-Token']), ['tok-from-html', 'fresh', 'fresh']);
  });

  test('no India Compliance: the outcome goes on the timeline through frappe.desk.form.utils.add_comment', async () => {
    const { fetch, calls } = desk((c) => {
      if (c.url.pathname === GET_VALUE) return getValue(c, { name: invoice.name, docstatus: 1 });
      if (c.url.pathname === '/api/method/frappe.auth.get_logged_user') return { json: { message: 'accounts@example.com' } };
      return c.method === 'POST' ? ok : undefined;
    });
    const out = await erpnext.record(env(ORIGIN, fetch, page), ref, { kind: 'generated', result: RESULT });
    assert.equal(out.method, 'comment');
    assert.equal(out.ok, true, out.message);
    const comment = calls.find((c) => c.url.pathname === '/api/method/frappe.desk.form.utils.add_comment')!;
    assert.equal(comment.body.reference_doctype, 'Sales Invoice');
    assert.equal(comment.body.reference_name, invoice.name);
    assert.equal(comment.body.comment_email, 'accounts@example.com');
    assert.match(comment.body.content, new RegExp(RESULT.irn));
    assert.equal(calls.filter((c) => c.url.pathname === '/api/resource/Comment').length, 0, 'not the REST Comment resource (System Manager only)');
  });

  test('cancelled: the Sales Invoice is cancelled, then marked as cancelled with India Compliance\'s reason text', async () => {
    const { fetch, calls } = desk((c) => getValue(c, { ...IC_ROW, irn: RESULT.irn, einvoice_status: 'Manually Generated' }) ?? (c.method === 'POST' ? ok : undefined));
    const out = await erpnext.record(env(ORIGIN, fetch, page), ref, {
      kind: 'cancelled', result: { ...RESULT, status: 'CNL' }, cancelDate: '2026-11-20 13:00:00', reason: '2', remark: 'Wrong rate',
    });
    assert.equal(out.ok, true, out.message);
    const posts = calls.filter((c) => c.method === 'POST');
    assert.deepEqual(posts.map((c) => c.url.pathname), [
      '/api/method/upload_file', '/api/method/frappe.client.cancel', '/api/method/india_compliance.gst_india.utils.e_invoice.mark_e_invoice_as_cancelled',
    ]);
    assert.deepEqual(posts[2].body.values, { reason: 'Data Entry Mistake', remark: 'Wrong rate', cancelled_on: '2026-11-20 13:00:00' });
  });

  test('cancelled, but ERPNext refuses to cancel the invoice: the clerk is told what to do', async () => {
    const { fetch } = desk((c) => {
      const g = getValue(c, { ...IC_ROW, irn: RESULT.irn });
      if (g) return g;
      if (c.url.pathname === '/api/method/frappe.client.cancel') {
        return { status: 417, json: { _server_messages: JSON.stringify([JSON.stringify({ message: 'Cannot cancel because submitted Payment Entry PE-1 is linked' })]) } };
      }
      return c.method === 'POST' ? ok : undefined;
    });
    const out = await erpnext.record(env(ORIGIN, fetch, page), ref, { kind: 'cancelled', result: RESULT, cancelDate: '2026-11-20 13:00:00', reason: '1', remark: '' });
    assert.equal(out.ok, false);
    assert.match(out.message, /Payment Entry PE-1/);
    assert.match(out.message, /Mark as Cancelled/);
  });

  test('e-way bill: India Compliance\'s mark_e_waybill_as_generated with its field names', async () => {
    const { fetch, calls } = desk((c) => getValue(c, { ...IC_ROW, irn: RESULT.irn }) ?? (c.method === 'POST' ? ok : undefined));
    const out = await erpnext.record(env(ORIGIN, fetch, page), ref, { kind: 'ewaybill', result: RESULT, ewbNo: '391009149369', ewbDt: '2026-11-20 12:05:00', ewbValidTill: '2026-11-21 23:59:00' });
    assert.equal(out.ok, true, out.message);
    const mark = calls.find((c) => c.url.pathname.endsWith('.mark_e_waybill_as_generated'))!;
    assert.deepEqual(mark.body.values, { ewaybill: '391009149369', e_waybill_date: '2026-11-20 12:05:00', valid_upto: '2026-11-21 23:59:00' });
  });

  test('a refused write is reported, not thrown', async () => {
    const { fetch } = fakeFetch((c) => (c.method === 'GET' ? { status: 417, json: {} } : { status: 403, json: { exc_type: 'PermissionError' } }));
    const out = await erpnext.record(env(ORIGIN, fetch, page), { erp: 'erpnext', name: 'X' }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, false);
    assert.match(out.message, /HTTP 403/);
  });
});
