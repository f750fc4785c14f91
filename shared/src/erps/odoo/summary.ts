/** Odoo's own totals and what the clerk sees before mapping. */
import type { ErpInvoiceSummary, ErpTotals } from '../module';
import { num, round2, toIrpDate } from '../util';
import type { OdooAccountMove, OdooDocument } from './records';

export function odooMove(doc: OdooDocument): OdooAccountMove {
  const moves = doc.records['account.move'] ?? [];
  const move = doc.moveId !== undefined ? moves.find((m) => m.id === doc.moveId) : moves[0];
  if (!move) throw new Error('The Odoo records hold no account.move.');
  return move;
}

export function odooTotals(doc: OdooDocument): ErpTotals {
  const move = odooMove(doc);
  return {
    grandTotal: round2(num(move.amount_total)),
    taxableTotal: round2(num(move.amount_untaxed)),
    taxTotal: round2(num(move.amount_tax)),
    roundOff: 0,
    currency: Array.isArray(move.currency_id) ? move.currency_id[1] : 'INR',
  };
}

export function summarizeOdoo(doc: OdooDocument): ErpInvoiceSummary {
  const move = odooMove(doc);
  const totals = odooTotals(doc);
  const partner = (doc.records['res.partner'] ?? []).find((p) => Array.isArray(move.partner_id) && p.id === move.partner_id[0]);
  return {
    ref: { erp: 'odoo', name: move.name, id: move.id },
    docType: move.move_type === 'out_refund' ? 'CRN' : Array.isArray(move.debit_origin_id) ? 'DBN' : 'INV',
    docNo: move.name,
    docDate: toIrpDate(move.invoice_date || move.date),
    partyName: partner?.name ?? (Array.isArray(move.partner_id) ? move.partner_id[1] : ''),
    partyGstin: partner?.vat ? String(partner.vat) : null,
    grandTotal: totals.grandTotal,
    currency: totals.currency,
    final: move.state === 'posted',
    // Odoo keeps an IRN in its EDI documents, not on account.move; the companion's ledger is the record.
    irn: null,
  };
}
