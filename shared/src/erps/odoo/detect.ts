/**
 * Which Odoo pages show an account.move form.
 * - 17.0: `/web#id=<id>&model=account.move&view_type=form` (the web client adds `menu_id`, `action`,
 *   `cids`, and changes the hash without reloading as the clerk moves between records).
 * - 17.2+/18.0: `/odoo/<path>/<id>`, where the segment before the id is the model
 *   (`account.move`), an action (`action-123`, `action-account.action_move_out_invoice_type`) or an
 *   action's path under any app (`customer-invoices`, `accounting/customer-invoices`…). Only the
 *   server knows what an action or path opens, so `read` confirms it (`confirmMoveModel`).
 */
import { ErpError, type ErpDocumentRef, type ErpIo } from '../module';

const MODEL = 'account.move';
/** `/odoo/…/<segment>/<id>` (17.2+/18.0): the last segment-and-id pair is the record on screen. */
const ODOO_PATH = /^\/odoo(?:\/[^/]+)*?\/([^/]+)\/(\d+)\/?$/;

function legacyHashRef(url: URL): ErpDocumentRef | null {
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (params.get('model') !== MODEL) return null;
  const id = Number(params.get('id'));
  return Number.isInteger(id) && id > 0 ? { erp: 'odoo', name: `${MODEL}/${id}`, id } : null;
}

export function detectOdooMove(url: URL): ErpDocumentRef | null {
  if (url.pathname === '/web' || url.pathname === '/web/') return legacyHashRef(url);
  const m = ODOO_PATH.exec(url.pathname);
  if (!m) return null;
  const id = Number(m[2]);
  return id > 0 ? { erp: 'odoo', name: `${decodeURIComponent(m[1])}/${id}`, id } : null;
}

/** The record id of an account.move form in an Odoo URL (the model still to be confirmed for 18.0 paths), or null. */
export function odooMoveIdFromUrl(url: URL): number | null {
  return detectOdooMove(url)?.id ?? null;
}

/** The URL segment that says what the record is: `account.move`, `action-…` or an action's path. */
const segmentOf = (ref: ErpDocumentRef) => ref.name.slice(0, ref.name.lastIndexOf('/'));

/**
 * Throws NOT_AN_INVOICE unless the page's action or path opens account.move. Odoo 18.0 resolves
 * `action-<id|xmlid>` and paths in `/web/action/load` (addons/web/controllers/action.py).
 */
export async function confirmMoveModel(io: ErpIo, ref: ErpDocumentRef): Promise<void> {
  const segment = segmentOf(ref);
  if (segment === MODEL || segment === `m-${MODEL}`) return;
  if (segment.startsWith('m-')) throw new ErpError('NOT_AN_INVOICE', `This page shows a ${segment.slice(2)}, not an invoice.`);
  const actionId = segment.startsWith('action-') ? segment.slice('action-'.length) : segment;
  const res = await io.fetch(`${io.origin}/web/action/load`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { action_id: /^\d+$/.test(actionId) ? Number(actionId) : actionId } }),
  });
  const body = res.ok ? ((await res.json()) as { result?: { res_model?: string } | false }) : null;
  const model = body?.result ? body.result.res_model : undefined;
  if (model !== MODEL) {
    throw new ErpError('NOT_AN_INVOICE', model ? `This page shows a ${model}, not an invoice.` : `Odoo does not say what "${segment}" opens.`);
  }
}
