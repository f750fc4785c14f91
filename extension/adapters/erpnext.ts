/**
 * ERPNext (Frappe desk, v15, optionally with India Compliance).
 *
 * Page: `/app/sales-invoice/<name>`. Reading: `GET /api/resource/Sales Invoice/<name>` and its
 * linked Address docs, same-origin with the desk's session cookie. Writing needs the desk's CSRF
 * token: the desk page carries it in an inline boot script (`frappe.csrf_token = "…"`), which the
 * isolated content script can read from the DOM; when it is not there we ask the background to
 * read `frappe.csrf_token` from the page's main world.
 * Write-back, best first: India Compliance's method, else the doctype's own irn fields, else a Comment.
 */
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { ErpnextAddress, ErpnextSalesInvoice } from '@irn-bridge/shared/erp/types';
import { ErpRequestError, type AdapterEnv, type ErpAdapter, type ErpDocument, type ErpDocumentRef, type WriteBackOutcome } from './types';

const PATH = /^\/app\/sales-invoice\/([^/?#]+)\/?$/;
export const INDIA_COMPLIANCE_METHOD = 'india_compliance.gst_india.utils.e_invoice.mark_e_invoice_as_generated';
const CSRF_IN_HTML = /frappe\.csrf_token\s*=\s*["']([^"']+)["']/;

/** The irn fields India Compliance adds to Sales Invoice, and what we put in them. */
function irnFields(result: EInvoiceResult): Record<string, string> {
  return {
    irn: result.irn,
    ack_no: result.ackNo,
    ack_date: result.ackDt,
    signed_einvoice: result.signedInvoice,
    signed_qr_code: result.signedQrCode,
  };
}

export function createErpnextAdapter(env: AdapterEnv): ErpAdapter {
  const api = (path: string) => `${env.origin}${path}`;

  async function getJson<T>(path: string): Promise<T> {
    const res = await env.fetch(api(path), { credentials: 'include', headers: { Accept: 'application/json' } });
    if (!res.ok) throw new ErpRequestError(`ERPNext refused ${decodeURIComponent(path)} (HTTP ${res.status}). Are you still logged in?`, res.status);
    return ((await res.json()) as { data: T }).data;
  }

  async function csrfToken(): Promise<string | null> {
    for (const s of Array.from(env.document?.querySelectorAll('script:not([src])') ?? [])) {
      const m = CSRF_IN_HTML.exec(s.textContent ?? '');
      if (m) return m[1];
    }
    const globals = await env.pageGlobals(['frappe.csrf_token']).catch(() => ({} as Record<string, unknown>));
    const t = globals['frappe.csrf_token'];
    return typeof t === 'string' && t ? t : null;
  }

  async function send(method: 'POST' | 'PUT', path: string, body: unknown): Promise<Response> {
    const token = await csrfToken();
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (token) headers['X-Frappe-CSRF-Token'] = token;
    return env.fetch(api(path), { method, credentials: 'include', headers, body: JSON.stringify(body) });
  }

  const invoicePath = (name: string) => `/api/resource/${encodeURIComponent('Sales Invoice')}/${encodeURIComponent(name)}`;

  return {
    id: 'erpnext',
    label: 'ERPNext',
    matches: (url) => PATH.test(url.pathname),
    detect(doc) {
      const m = PATH.exec(doc.location.pathname);
      if (!m) return null;
      const name = decodeURIComponent(m[1]);
      // An unsaved form has a temporary name and nothing to register yet.
      if (name.startsWith('new-sales-invoice')) return null;
      return { erp: 'erpnext', name };
    },
    async read(ref): Promise<ErpDocument> {
      const invoice = await getJson<ErpnextSalesInvoice>(invoicePath(ref.name));
      const names = [invoice.company_address, invoice.customer_address, invoice.shipping_address_name, invoice.dispatch_address_name]
        .filter((n): n is string => typeof n === 'string' && n.length > 0);
      const addresses: Record<string, ErpnextAddress> = {};
      for (const name of new Set(names)) {
        addresses[name] = await getJson<ErpnextAddress>(`/api/resource/Address/${encodeURIComponent(name)}`);
      }
      let returnAgainst: { name: string; posting_date: string } | null = null;
      if (invoice.return_against) {
        const orig = await getJson<ErpnextSalesInvoice>(invoicePath(invoice.return_against));
        returnAgainst = { name: orig.name, posting_date: orig.posting_date };
      }
      return { erp: 'erpnext', invoice, addresses, returnAgainst };
    },
    async writeBack(ref, result): Promise<WriteBackOutcome> {
      return writeBackErpnext(ref, result, { getJson, send, invoicePath });
    },
  };
}

interface Io {
  getJson<T>(path: string): Promise<T>;
  send(method: 'POST' | 'PUT', path: string, body: unknown): Promise<Response>;
  invoicePath(name: string): string;
}

async function writeBackErpnext(ref: ErpDocumentRef, result: EInvoiceResult, io: Io): Promise<WriteBackOutcome> {
  const fields = irnFields(result);
  const invoice = await io.getJson<ErpnextSalesInvoice>(io.invoicePath(ref.name));

  // 1. India Compliance installed (its custom field exists): let it record the IRN its own way.
  if ('einvoice_status' in invoice) {
    const values = { irn: result.irn, ack_no: result.ackNo, ack_dt: result.ackDt, signed_invoice: result.signedInvoice, signed_qr_code: result.signedQrCode };
    const res = await io.send('POST', `/api/method/${INDIA_COMPLIANCE_METHOD}`, { doctype: 'Sales Invoice', docname: ref.name, values });
    if (res.ok) return { ok: true, method: 'india-compliance', message: 'Recorded on the invoice by India Compliance.' };
    if (res.status !== 404 && res.status !== 417 && res.status !== 403) {
      return { ok: false, method: 'india-compliance', message: `ERPNext refused to record the IRN (HTTP ${res.status}).` };
    }
  }
  // 2. The doctype has irn fields: set the ones it has.
  const own = Object.fromEntries(Object.entries(fields).filter(([k]) => k in invoice));
  if ('irn' in own) {
    const res = await io.send('PUT', io.invoicePath(ref.name), own);
    if (res.ok) return { ok: true, method: 'irn-fields', message: `Saved in the invoice's fields (${Object.keys(own).join(', ')}).` };
  }
  // 3. Always possible: a Comment on the invoice's timeline.
  const content = `e-Invoice registered. IRN: ${result.irn} | Ack No: ${result.ackNo} | Ack Date: ${result.ackDt}`;
  const res = await io.send('POST', '/api/resource/Comment', {
    comment_type: 'Comment', reference_doctype: 'Sales Invoice', reference_name: ref.name, content,
  });
  if (res.ok) return { ok: true, method: 'comment', message: 'Added as a comment on the invoice.' };
  return { ok: false, method: 'comment', message: `ERPNext refused the comment (HTTP ${res.status}). Note the IRN by hand.` };
}
