/**
 * Which desk pages are a Sales Invoice form: `/app/sales-invoice/<name>` on Frappe v15 and
 * `/desk/sales-invoice/<name>` on v16, which moved the desk (frappe/frappe PR #35330).
 */
import type { ErpDocumentRef } from '../module';

const PATH = /^\/(?:app|desk)\/sales-invoice\/([^/?#]+)\/?$/;

export function detectSalesInvoice(url: URL): ErpDocumentRef | null {
  const m = PATH.exec(url.pathname);
  if (!m) return null;
  const name = decodeURIComponent(m[1]);
  // An unsaved form has a temporary name and nothing to register yet.
  if (name.startsWith('new-sales-invoice')) return null;
  return { erp: 'erpnext', name };
}
