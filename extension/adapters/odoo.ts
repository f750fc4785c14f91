/**
 * Odoo 17/18 with the Indian localisation (l10n_in).
 *
 * Pages: `/odoo/action-…/<id>`, `/odoo/<menu>/<id>`, `/odoo/account.move/<id>` (17.2+ URLs) and
 * `/web#id=<id>&model=account.move&view_type=form` (older). Reading is JSON-RPC `call_kw` with the
 * session cookie: the move, its lines, their taxes, the partners, states, units and company.
 * Write-back is a chatter note (`message_post`), which every Odoo has.
 */
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type {
  OdooAccountMove, OdooCompany, OdooCountryState, OdooInvoiceRecords, OdooMany2one, OdooMoveLine, OdooPartner, OdooTax, OdooUom,
} from '@irn-bridge/shared/erp/types';
import { ErpRequestError, type AdapterEnv, type ErpAdapter, type ErpDocument, type WriteBackOutcome } from './types';

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

const m2oId = (v: OdooMany2one | undefined): number | null => (Array.isArray(v) ? v[0] : null);
const uniq = (ids: (number | null | undefined)[]): number[] => [...new Set(ids.filter((i): i is number => typeof i === 'number'))];

export function createOdooAdapter(env: AdapterEnv): ErpAdapter {
  let rpcId = 0;

  async function callKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
    const res = await env.fetch(`${env.origin}/web/dataset/call_kw/${model}/${method}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++rpcId, params: { model, method, args, kwargs } }),
    });
    if (!res.ok) throw new ErpRequestError(`Odoo refused ${model}.${method} (HTTP ${res.status}). Are you still logged in?`, res.status);
    const body = (await res.json()) as { result?: T; error?: { message?: string; data?: { message?: string } } };
    if (body.error) throw new ErpRequestError(`Odoo: ${body.error.data?.message ?? body.error.message ?? 'error'}`, 200);
    return body.result as T;
  }

  const read = <T>(model: string, ids: number[]): Promise<T[]> =>
    ids.length ? callKw<T[]>(model, 'read', [ids], {}) : Promise.resolve([]);

  return {
    id: 'odoo',
    label: 'Odoo',
    matches: (url) => odooMoveIdFromUrl(url) !== null,
    detect(doc) {
      const id = odooMoveIdFromUrl(new URL(doc.location.href));
      return id === null ? null : { erp: 'odoo', name: `account.move/${id}`, id };
    },
    async read(ref): Promise<ErpDocument> {
      const [move] = await read<OdooAccountMove>('account.move', [ref.id!]);
      if (!move) throw new ErpRequestError(`Odoo has no invoice with id ${ref.id}.`, 404);
      const origin = uniq([m2oId(move.reversed_entry_id), m2oId(move.debit_origin_id)]);
      const moves = [move, ...(await read<OdooAccountMove>('account.move', origin))];
      const lines = await read<OdooMoveLine>('account.move.line', move.invoice_line_ids);
      const taxes = await read<OdooTax>('account.tax', uniq(lines.flatMap((l) => l.tax_ids)));
      const childTaxes = await read<OdooTax>('account.tax', uniq(taxes.flatMap((t) => t.children_tax_ids ?? [])).filter((id) => !taxes.some((t) => t.id === id)));
      const [company] = await read<OdooCompany>('res.company', uniq([m2oId(move.company_id)]));
      const partners = await read<OdooPartner>('res.partner', uniq([m2oId(move.partner_id), m2oId(move.partner_shipping_id), m2oId(company?.partner_id)]));
      const states = await read<OdooCountryState>('res.country.state', uniq([...partners.map((p) => m2oId(p.state_id)), m2oId(move.l10n_in_state_id), m2oId(company?.state_id)]));
      const uoms = await read<OdooUom>('uom.uom', uniq(lines.map((l) => m2oId(l.product_uom_id))));
      const records: OdooInvoiceRecords = {
        'account.move': moves,
        'account.move.line': lines,
        'account.tax': [...taxes, ...childTaxes],
        'res.partner': partners,
        'res.country.state': states,
        'uom.uom': uoms,
        'res.company': company ? [company] : [],
      };
      return { erp: 'odoo', records, moveId: move.id };
    },
    async writeBack(ref, result: EInvoiceResult): Promise<WriteBackOutcome> {
      const body = `e-Invoice registered. IRN: ${result.irn} · Ack No: ${result.ackNo} · Ack Date: ${result.ackDt}`;
      try {
        await callKw('account.move', 'message_post', [[ref.id]], { body, message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
        return { ok: true, method: 'chatter-note', message: 'Logged as a note in the invoice chatter.' };
      } catch (err) {
        return { ok: false, method: 'chatter-note', message: `${(err as Error).message} Note the IRN by hand.` };
      }
    },
  };
}
