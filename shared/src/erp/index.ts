/** One entry point for any ERP document: map it to INV-01, read its own totals, summarise it. */
import type { ValidationIssue } from '../invoice/issue';
import type { Inv01Invoice } from '../invoice/types';
import { IRN_PATTERN } from '../irn';
import { mapErpnextInvoice } from './erpnext';
import { mapOdooInvoice } from './odoo';
import { mapRecipeDocument } from './recipe-map';
import type { ErpDocument, ErpDocumentRef, ErpInvoiceSummary, ErpTotals, OdooAccountMove } from './types';
import { num, round2, toIrpDate } from './util';

export * from './types';
export { mapErpnextInvoice } from './erpnext';
export type { ErpnextMapOptions } from './erpnext';
export { mapOdooInvoice } from './odoo';
export type { OdooMapOptions } from './odoo';
export * from './recipe';

export interface ErpMapping {
  invoice: Inv01Invoice;
  /** What the ERP did not say (missing address, unknown unit, original invoice date…), in the validator's shape. */
  issues: ValidationIssue[];
}

/** ERP document → INV-01. Run `validateInvoice` on the result before sending it. */
export function mapErpDocument(doc: ErpDocument): Inv01Invoice {
  return mapErpDocumentWithIssues(doc).invoice;
}

/** Like mapErpDocument, plus the mapping's own issues (code "ERP_MAPPING") to show beside the validator's. */
export function mapErpDocumentWithIssues(doc: ErpDocument): ErpMapping {
  const issues: ValidationIssue[] = [];
  const invoice =
    doc.erp === 'erpnext'
      ? mapErpnextInvoice(doc.invoice, doc.addresses, { returnAgainst: doc.returnAgainst, issues })
      : doc.erp === 'odoo'
        ? mapOdooInvoice(doc.records, { moveId: doc.moveId, issues })
        : mapRecipeDocument(doc.recipe, doc.values, { issues });
  return { invoice, issues };
}

function odooMove(doc: Extract<ErpDocument, { erp: 'odoo' }>): OdooAccountMove {
  const moves = doc.records['account.move'] ?? [];
  const move = doc.moveId !== undefined ? moves.find((m) => m.id === doc.moveId) : moves[0];
  if (!move) throw new Error('The Odoo records hold no account.move.');
  return move;
}

/** The ERP's own totals (positive, company currency), to compare with the mapped ValDtls. */
export function erpTotals(doc: ErpDocument): ErpTotals {
  if (doc.erp === 'erpnext') {
    const inv = doc.invoice;
    const pick = (b: unknown, v: unknown) => (b !== undefined && b !== null ? num(b) : num(v));
    const rounded = pick(inv.base_rounded_total, inv.rounded_total);
    const useRounded = !inv.disable_rounded_total && rounded !== 0;
    return {
      grandTotal: round2(Math.abs(useRounded ? rounded : pick(inv.base_grand_total, inv.grand_total))),
      taxableTotal: round2(Math.abs(pick(inv.base_net_total, inv.net_total))),
      taxTotal: round2(Math.abs(pick(inv.base_total_taxes_and_charges, inv.total_taxes_and_charges))),
      roundOff: useRounded ? round2(pick(inv.base_rounding_adjustment, inv.rounding_adjustment) * (inv.is_return ? -1 : 1)) : 0,
      currency: 'INR',
    };
  }
  if (doc.erp === 'recipe') {
    // A page has no totals model of its own: read them off the mapped invoice (the page's total is kept there).
    const v = mapRecipeDocument(doc.recipe, doc.values).ValDtls;
    return {
      grandTotal: v.TotInvVal,
      taxableTotal: v.AssVal,
      taxTotal: round2((v.IgstVal ?? 0) + (v.CgstVal ?? 0) + (v.SgstVal ?? 0) + (v.CesVal ?? 0) + (v.StCesVal ?? 0)),
      roundOff: v.RndOffAmt ?? 0,
      currency: 'INR',
    };
  }
  const move = odooMove(doc);
  return {
    grandTotal: round2(num(move.amount_total)),
    taxableTotal: round2(num(move.amount_untaxed)),
    taxTotal: round2(num(move.amount_tax)),
    roundOff: 0,
    currency: Array.isArray(move.currency_id) ? move.currency_id[1] : 'INR',
  };
}

export function erpDocumentRef(doc: ErpDocument): ErpDocumentRef {
  if (doc.erp === 'erpnext') return { erp: 'erpnext', name: doc.invoice.name };
  if (doc.erp === 'recipe') return { erp: 'recipe', name: doc.values.id };
  const move = odooMove(doc);
  return { erp: 'odoo', name: move.name, id: move.id };
}

/** What the confirm panel shows before mapping: number, date, party, total, whether it can be registered. */
export function summarizeErpDocument(doc: ErpDocument): ErpInvoiceSummary {
  const totals = erpTotals(doc);
  if (doc.erp === 'erpnext') {
    const inv = doc.invoice;
    return {
      ref: erpDocumentRef(doc),
      docType: inv.is_debit_note ? 'DBN' : inv.is_return ? 'CRN' : 'INV',
      docNo: inv.name,
      docDate: toIrpDate(inv.posting_date),
      partyName: inv.customer_name ?? inv.customer ?? '',
      partyGstin: inv.billing_address_gstin ?? null,
      grandTotal: totals.grandTotal,
      currency: inv.currency ?? 'INR',
      final: inv.docstatus === 1,
      irn: inv.irn ? String(inv.irn) : null,
    };
  }
  if (doc.erp === 'recipe') return summarizeRecipe(doc, totals);
  const move = odooMove(doc);
  const partner = (doc.records['res.partner'] ?? []).find((p) => Array.isArray(move.partner_id) && p.id === move.partner_id[0]);
  return {
    ref: erpDocumentRef(doc),
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

function summarizeRecipe(doc: Extract<ErpDocument, { erp: 'recipe' }>, totals: ErpTotals): ErpInvoiceSummary {
  const inv = mapRecipeDocument(doc.recipe, doc.values);
  const status = doc.recipe.finalWhen ? String(doc.values.fields[doc.recipe.finalWhen.field] ?? doc.recipe.defaults?.[doc.recipe.finalWhen.field] ?? '') : '';
  let final = true;
  if (doc.recipe.finalWhen) {
    try {
      final = new RegExp(doc.recipe.finalWhen.pattern, 'i').test(status.trim());
    } catch {
      final = false;
    }
  }
  const irn = doc.values.fields.Irn;
  return {
    ref: erpDocumentRef(doc),
    docType: inv.DocDtls.Typ as ErpInvoiceSummary['docType'],
    docNo: inv.DocDtls.No,
    docDate: inv.DocDtls.Dt,
    partyName: inv.BuyerDtls.LglNm,
    partyGstin: inv.BuyerDtls.Gstin || null,
    grandTotal: totals.grandTotal,
    currency: totals.currency,
    // Without finalWhen the recipe's pages are taken to show final invoices only.
    final,
    irn: typeof irn === 'string' && IRN_PATTERN.test(irn.trim()) ? irn.trim() : null,
  };
}
