/**
 * Invoice lines → INV-01 items, in company currency, as 17.0 l10n_in_edi `_get_l10n_in_edi_line_details`
 * computes them: the taxable value is the line's `balance` (so an invoice in USD is registered in
 * rupees), the unit price is recovered from it (tax-included prices and foreign currency alike),
 * the HSN comes from the product (17.0) or the line (18.0), each tax counts by its kind (taxes.ts).
 */
import type { Inv01Item } from '../../invoice/types';
import { itemTotal } from '../amounts';
import { MappingIssues, hsn, isServiceHsn, num, optionalText, round2, round3, unitCode } from '../util';
import type { OdooAccountMove, OdooInvoiceRecords, OdooMany2one, OdooMoveLine } from './records';
import { leafTaxes, taxKind } from './taxes';

export interface MappedLines {
  items: Inv01Item[];
  /** Lines without tax and with a negative amount: Odoo's "global discount" (`_l10n_in_is_global_discount`), → ValDtls.Discount. */
  globalDiscount: number;
  /** A tax marked `l10n_in_reverse_charge` is on some line. */
  reverseCharge: boolean;
}

const idOf = (m2o: OdooMany2one | undefined): number | null => (Array.isArray(m2o) ? m2o[0] : null);

/** `is_inbound()`: an invoice's income lines are credits (negative balance), a credit note's are debits. */
export const balanceSign = (move: OdooAccountMove) => (move.move_type === 'out_refund' ? 1 : -1);

export function productLines(move: OdooAccountMove, records: OdooInvoiceRecords): OdooMoveLine[] {
  const own = new Set(move.invoice_line_ids ?? []);
  return (records['account.move.line'] ?? [])
    .filter((l) => own.has(l.id) && (l.display_type === 'product' || l.display_type === false))
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id);
}

/** The cash-rounding line lives in `line_ids` only, never in `invoice_line_ids`. */
export function roundingAmount(move: OdooAccountMove, records: OdooInvoiceRecords): number {
  const own = new Set([...(move.line_ids ?? []), ...(move.invoice_line_ids ?? [])]);
  const sign = balanceSign(move);
  return round2((records['account.move.line'] ?? [])
    .filter((l) => own.has(l.id) && l.display_type === 'rounding')
    .reduce((s, l) => s + sign * (l.balance !== undefined ? num(l.balance) : -sign * num(l.price_subtotal)), 0));
}

export function mapLines(move: OdooAccountMove, records: OdooInvoiceRecords, issues: MappingIssues): MappedLines {
  const out: MappedLines = { items: [], globalDiscount: 0, reverseCharge: false };
  const sign = balanceSign(move);
  for (const line of productLines(move, records)) {
    const base = line.balance !== undefined ? sign * num(line.balance) : num(line.price_subtotal);
    if (!(line.tax_ids ?? []).length && base < 0) {
      out.globalDiscount = round2(out.globalDiscount - base);
      continue;
    }
    out.items.push(mapLine(move, line, base, records, issues, out));
  }
  return out;
}

function lineLabel(line: OdooMoveLine, records: OdooInvoiceRecords): string {
  const product = (records['product.product'] ?? []).find((p) => p.id === idOf(line.product_id));
  return String(product?.display_name ?? (Array.isArray(line.product_id) ? line.product_id[1] : '') ?? '') || String(line.name || '').split('\n')[0];
}

function mapLine(move: OdooAccountMove, line: OdooMoveLine, base: number, records: OdooInvoiceRecords, issues: MappingIssues, out: MappedLines): Inv01Item {
  const path = `ItemList[${out.items.length}]`;
  const label = lineLabel(line, records);
  const product = (records['product.product'] ?? []).find((p) => p.id === idOf(line.product_id));
  const code = hsn(line.l10n_in_hsn_code || product?.l10n_in_hsn_code || '').replace(/\D/g, '');
  if (!line.product_id) issues.error(`${path}.HsnCd`, `Line "${label}" has no product, so it has no HSN/SAC code.`, 'Pick a product on the line.');
  else if (!code) issues.error(`${path}.HsnCd`, `The product "${label}" has no HSN/SAC code.`, 'Set the HSN/SAC Code on the product (General Information tab, below Product Category).');

  const qty = num(line.quantity);
  const discount = num(line.discount);
  // Company currency per unit of the invoice currency (1 for rupee invoices).
  const rate = num(line.price_subtotal) ? base / num(line.price_subtotal) : 1;
  let unit = discount === 100 || qty === 0 ? num(line.price_unit) * Math.abs(rate) : base / (1 - discount / 100) / qty;
  let quantity = qty;
  const foreign = Math.abs(rate - 1) > 1e-9;
  if (unit < 0 && quantity < 0) [unit, quantity] = [-unit, -quantity];

  const t = { igst: 0, cgst: 0, sgst: 0, gstRate: 0, cess: 0, cessRate: 0, cessFixed: 0, stateCess: 0, stateCessRate: 0, stateCessFixed: 0, other: 0 };
  const taxes = records['account.tax'] ?? [];
  for (const id of line.tax_ids ?? []) if (taxes.find((x) => x.id === id)?.l10n_in_reverse_charge) out.reverseCharge = true;
  const leaves = leafTaxes(line.tax_ids ?? [], taxes);
  const formula: typeof leaves = [];
  if (!leaves.length) issues.error(`${path}.GstRt`, `Line "${label}" has no GST tax.`, 'Set its tax (use "0% Exempt" or "0%" nil-rated when no GST applies).');
  for (const tax of leaves) {
    if (tax.l10n_in_reverse_charge) out.reverseCharge = true;
    const kind = taxKind(tax, records);
    const pct = num(tax.amount);
    let amount = 0;
    if (tax.amount_type === 'percent' && foreign) {
      // Odoo computes the tax in the invoice currency, rounds it there, then converts it.
      amount = round2((num(line.price_subtotal) * pct) / 100) * rate;
    } else if (tax.amount_type === 'percent') amount = (base * pct) / 100;
    else if (tax.amount_type === 'fixed') amount = pct * qty * Math.abs(rate);
    else if (tax.amount_type === 'division') amount = (base * pct) / (100 - pct);
    else {
      // A Python formula ("21% or 4.170 CESS S"): its amount is what Odoo's line total holds beyond the other taxes.
      formula.push(tax);
      continue;
    }
    amount = round2(amount);
    if (kind === 'igst' || kind === 'cgst' || kind === 'sgst') {
      t[kind] += amount;
      t.gstRate += pct;
    } else if (kind === 'cess' || kind === 'state_cess') {
      const fixed = tax.amount_type === 'fixed';
      if (kind === 'cess') fixed ? (t.cessFixed += amount) : ((t.cess += amount), (t.cessRate += pct));
      else fixed ? (t.stateCessFixed += amount) : ((t.stateCess += amount), (t.stateCessRate += pct));
    } else if (kind === 'rc') {
      // the recipient pays it: Odoo counts it in no amount (line code "igst_rc"…)
    } else if (kind === 'other' || amount !== 0) {
      t.other += amount;
      issues.warning(`${path}.OthChrg`, `The tax "${tax.name}" on line "${label}" is not GST; it is sent as the line's other charges, as Odoo does.`);
    } else if (kind === 'non_gst') {
      issues.warning(`${path}.GstRt`, `Line "${label}" is a non-GST supply ("${tax.name}"); it is sent at 0 %, as Odoo does.`, 'Leave non-GST supplies off e-invoices where you can.');
    }
  }
  const counted = () => t.igst + t.cgst + t.sgst + t.cess + t.cessFixed + t.stateCess + t.stateCessFixed + t.other;
  if (formula.length === 1) {
    const [tax] = formula;
    const amount = round2((num(line.price_total) - num(line.price_subtotal)) * rate - counted());
    const kind = taxKind(tax, records);
    // Odoo: a cess that is not a percentage is a non ad valorem cess (`cess_non_advol`).
    if (kind === 'cess') t.cessFixed += amount;
    else if (kind === 'state_cess') t.stateCessFixed += amount;
    else if (kind === 'igst' || kind === 'cgst' || kind === 'sgst') t[kind] += amount;
    else if (kind !== 'rc') t.other += amount;
  } else if (formula.length > 1) {
    issues.error(`${path}.GstRt`, `Line "${label}" has ${formula.length} taxes computed by formulas (${formula.map((x) => `"${x.name}"`).join(', ')}); IRN Bridge can tell only one apart.`, 'Keep one formula tax per line.');
  }
  // Odoo rounds each line's taxes; trust its line total when it differs by a paisa or two (rupee invoices only).
  if (!foreign && t.other === 0 && !formula.length) {
    const gap = round2(num(line.price_total) - num(line.price_subtotal) - counted());
    if (gap !== 0 && Math.abs(gap) <= 0.05) {
      if (t.igst) t.igst += gap;
      else if (t.sgst) t.sgst += gap;
    }
  }

  const uom = (records['uom.uom'] ?? []).find((u) => u.id === idOf(line.product_uom_id));
  let Unit = unitCode(uom?.l10n_in_code || '') ?? unitCode(uom?.name ?? '');
  if (!Unit) {
    Unit = 'OTH';
    if (uom) issues.warning(`${path}.Unit`, `The unit "${uom.name}" of line "${label}" has no GST unit code; it is sent as OTH (others).`, 'Set the Indian GST code on the unit of measure.');
  }

  // As Odoo: gross and discount from the unrounded unit price (the IRP allows ±1 on TotAmt = Qty × UnitPrice).
  const amounts = {
    Qty: round3(quantity), UnitPrice: round3(unit), TotAmt: round2(unit * quantity), Discount: round2(unit * quantity * (discount / 100)), AssAmt: round2(base),
  };
  const desc = optionalText(String(line.name || label).replace(/\n/g, ''), 3, 300);
  const item: Omit<Inv01Item, 'TotItemVal'> = {
    SlNo: String(out.items.length + 1),
    ...(desc ? { PrdDesc: desc } : {}),
    IsServc: isServiceHsn(code) ? 'Y' : 'N',
    HsnCd: code,
    ...amounts,
    Unit,
    GstRt: round3(t.gstRate),
    IgstAmt: round2(t.igst),
    CgstAmt: round2(t.cgst),
    SgstAmt: round2(t.sgst),
    CesRt: round3(t.cessRate),
    CesAmt: round2(t.cess),
    CesNonAdvlAmt: round2(t.cessFixed),
    StateCesRt: round3(t.stateCessRate),
    StateCesAmt: round2(t.stateCess),
    StateCesNonAdvlAmt: round2(t.stateCessFixed),
    OthChrg: round2(t.other),
  };
  return { ...item, TotItemVal: itemTotal(item) };
}
