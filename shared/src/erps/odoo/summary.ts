/** Odoo's own totals (company currency, as the IRP wants them) and what the clerk sees before mapping. */
import type { ErpInvoiceSummary, ErpTotals } from '../module';
import { num, round2, toIrpDate } from '../util';
import { roundingAmount } from './lines';
import { legalName, partner } from './parties';
import type { OdooAccountMove, OdooDocument } from './records';
import { odooRecorded } from './written-back';

export function odooMove(doc: OdooDocument): OdooAccountMove {
  const moves = doc.records['account.move'] ?? [];
  const move = doc.moveId !== undefined ? moves.find((m) => m.id === doc.moveId) : moves[0];
  if (!move) throw new Error('The Odoo records hold no account.move.');
  return move;
}

/** A company-currency amount: the `_signed` field when the server sent it (negative on credit notes), else the invoice-currency one. */
const company = (move: OdooAccountMove, field: 'amount_total' | 'amount_untaxed' | 'amount_tax') =>
  Math.abs(num(move[`${field}_signed`] ?? move[field]));

export function odooTotals(doc: OdooDocument): ErpTotals {
  const move = odooMove(doc);
  const roundOff = roundingAmount(move, doc.records);
  return {
    grandTotal: round2(company(move, 'amount_total')),
    // Odoo counts the cash-rounding line in amount_untaxed; the IRP keeps it apart (RndOffAmt).
    taxableTotal: round2(company(move, 'amount_untaxed') - roundOff),
    taxTotal: round2(company(move, 'amount_tax')),
    roundOff,
    currency: Array.isArray(move.company_currency_id) ? move.company_currency_id[1] : 'INR',
  };
}

export function summarizeOdoo(doc: OdooDocument): ErpInvoiceSummary {
  const move = odooMove(doc);
  const buyer = partner(doc.records, move.partner_id);
  return {
    ref: { erp: 'odoo', name: move.name, id: move.id },
    docType: move.move_type === 'out_refund' ? 'CRN' : Array.isArray(move.debit_origin_id) ? 'DBN' : 'INV',
    docNo: move.name,
    docDate: toIrpDate(move.invoice_date || move.date),
    partyName: legalName(doc.records, buyer) || (Array.isArray(move.partner_id) ? move.partner_id[1] : ''),
    partyGstin: buyer?.vat ? String(buyer.vat) : null,
    // What the customer pays, in the invoice's currency.
    grandTotal: round2(num(move.amount_total)),
    currency: Array.isArray(move.currency_id) ? move.currency_id[1] : 'INR',
    final: move.state === 'posted',
    // Registered by Odoo's own l10n_in_edi (or recorded there by IRN Bridge).
    irn: doc.edi?.irn ?? null,
    recorded: odooRecorded(doc.edi, doc.writtenBack),
  };
}
