/** Which Odoo pages are an account.move form: 17.0 `/web#id=…&model=account.move…`, 17.2+/18 `/odoo/…/<id>`. */
import type { ErpDocumentRef } from '../module';

const NEW_URL = /^\/odoo\/(?:[^/]+\/)*(\d+)\/?$/;

/** Finds the record id of an account.move form in an Odoo URL, or null. */
export function odooMoveIdFromUrl(url: URL): number | null {
  if (url.pathname === '/web' || url.pathname === '/web/') {
    const params = new URLSearchParams(url.hash.replace(/^#/, ''));
    if (params.get('model') !== 'account.move') return null;
    const id = Number(params.get('id'));
    return Number.isInteger(id) && id > 0 ? id : null;
  }
  const m = NEW_URL.exec(url.pathname);
  if (!m) return null;
  // `/odoo/sales/12` is a sale order: accept only accounting paths, actions and the model itself.
  const path = url.pathname.toLowerCase();
  if (!/\/odoo\/(action-|account\.move\/|accounting\/|invoicing\/|customer-invoices\/|customer-credit-notes\/|[^/]*invoice)/.test(path)) return null;
  return Number(m[1]);
}

export function detectOdooMove(url: URL): ErpDocumentRef | null {
  const id = odooMoveIdFromUrl(url);
  return id === null ? null : { erp: 'odoo', name: `account.move/${id}`, id };
}
