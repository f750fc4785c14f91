/**
 * Odoo 17 (l10n_in) customer invoice / credit note / debit note → INV-01.
 *
 * Odoo stores credit notes with positive amounts, so no sign flipping here. Many2one fields are
 * `[id, display_name]`; the related records come in the same `records` bundle, one list per model.
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { Inv01Buyer, Inv01Invoice, Inv01Item, Inv01Party, Inv01PrecDocDtls, Inv01ShipDtls } from '../../invoice/types';
import { itemTotal, lineAmounts, valueTotals } from '../amounts';
import type {
  OdooAccountMove, OdooCountryState, OdooInvoiceRecords, OdooMany2one, OdooMoveLine, OdooPartner, OdooTax,
} from './records';
import {
  MappingIssues, email, hsn, isServiceHsn, leadingStateCode, num, optionalText, phone, pin, round2, round3, text,
  toIrpDate, unitCode,
} from '../util';

export interface OdooMapOptions {
  /** Which `account.move` to map; defaults to the first in the bundle. */
  moveId?: number;
  issues?: ValidationIssue[];
}

/** `l10n_in_gst_treatment` → supply type (SEZ and exports get WP/WOP from the taxes charged). */
const SUPPLY_BY_TREATMENT: Record<string, string> = {
  regular: 'B2B',
  composition: 'B2B',
  uin_holders: 'B2B',
  special_economic_zone: 'SEZ',
  overseas: 'EXP',
  deemed_export: 'DEXP',
};

const idOf = (m2o: OdooMany2one | undefined): number | null => (Array.isArray(m2o) ? m2o[0] : null);
const find = <T extends { id: number }>(list: T[] | undefined, id: number | null): T | undefined =>
  id === null ? undefined : (list ?? []).find((r) => r.id === id);

export function mapOdooInvoice(records: OdooInvoiceRecords, options: OdooMapOptions = {}): Inv01Invoice {
  const issues = new MappingIssues(options.issues);
  const moves = records['account.move'] ?? [];
  const move = options.moveId !== undefined ? find(moves, options.moveId) : moves[0];
  if (!move) throw new Error('The Odoo records hold no account.move to map.');

  const Typ = docType(move, issues);
  const currency = Array.isArray(move.currency_id) ? move.currency_id[1] : 'INR';
  if (currency !== 'INR') {
    issues.warning('ValDtls.TotInvVal', `This invoice is in ${currency}; the amounts are sent as Odoo shows them.`, 'Check the INR values before registering.');
  }

  const treatment = String(move.l10n_in_gst_treatment || '');
  const kind = SUPPLY_BY_TREATMENT[treatment];
  if (!kind) {
    issues.error(
      'TranDtls.SupTyp',
      `The GST treatment is "${treatment || 'not set'}"; e-invoices are only for registered buyers, SEZs and exports.`,
      'Set the GST treatment on the customer and the invoice.',
    );
  }
  const isExport = kind === 'EXP';

  const states = records['res.country.state'] ?? [];
  const lineIds = new Set(move.invoice_line_ids ?? []);
  const lines = (records['account.move.line'] ?? [])
    .filter((l) => lineIds.has(l.id) || idOf(l.move_id) === move.id)
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id);

  const ItemList: Inv01Item[] = [];
  let rndOff = 0;
  for (const line of lines) {
    if (line.display_type === 'rounding') rndOff += num(line.price_subtotal);
    if (line.display_type !== 'product' && line.display_type !== false) continue;
    ItemList.push(mapLine(line, ItemList.length, records, issues));
  }

  const igstCharged = ItemList.some((i) => (i.IgstAmt ?? 0) > 0);
  const SupTyp = kind === 'SEZ' || kind === 'EXP' ? `${kind}${igstCharged ? 'WP' : 'WOP'}` : (kind ?? 'B2B');

  const seller = sellerDetails(records, move, states, issues);
  const buyer = buyerDetails(records, move, states, isExport, issues);

  const out: Inv01Invoice = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp, RegRev: 'N' },
    DocDtls: { Typ, No: move.name, Dt: toIrpDate(move.invoice_date || move.date) },
    SellerDtls: seller,
    BuyerDtls: buyer,
    ItemList,
    ValDtls: valueTotals(ItemList, { othChrg: 0, rndOffAmt: rndOff, totInvVal: num(move.amount_total) }),
  };
  if (SupTyp === 'B2B' && buyer.Pos === seller.Stcd && igstCharged) out.TranDtls.IgstOnIntra = 'Y';

  const shipId = idOf(move.partner_shipping_id);
  if (shipId !== null && shipId !== idOf(move.partner_id)) {
    const p = find(records['res.partner'], shipId);
    if (p) out.ShipDtls = shipDetails(p, states, isExport);
  }
  if (Typ !== 'INV') out.RefDtls = { PrecDocDtls: [precedingDocument(move, moves, issues)] };
  return out;
}

function docType(move: OdooAccountMove, issues: MappingIssues): 'INV' | 'CRN' | 'DBN' {
  if (move.move_type === 'out_refund') return 'CRN';
  if (move.move_type !== 'out_invoice') {
    issues.error('DocDtls.Typ', `This is not a customer invoice (${move.move_type}); only customer invoices and credit notes get an IRN.`);
  }
  return idOf(move.debit_origin_id) !== null ? 'DBN' : 'INV';
}

/** Expands group taxes into their children ("GST 18%" → CGST 9% + SGST 9%). */
function leafTaxes(ids: number[], taxes: OdooTax[]): OdooTax[] {
  return ids.flatMap((id) => {
    const t = taxes.find((x) => x.id === id);
    if (!t) return [];
    return t.amount_type === 'group' && t.children_tax_ids?.length ? leafTaxes(t.children_tax_ids, taxes) : [t];
  });
}

/** igst / cgst / sgst / cess / other, from the localisation's field, the tax group, or the name. */
function taxKind(t: OdooTax): string {
  const declared = typeof t.l10n_in_tax_type === 'string' ? t.l10n_in_tax_type.toLowerCase() : '';
  if (declared) return declared;
  const label = `${Array.isArray(t.tax_group_id) ? t.tax_group_id[1] : ''} ${t.name}`.toUpperCase();
  for (const k of ['IGST', 'CGST', 'SGST', 'CESS']) if (label.includes(k)) return k.toLowerCase();
  if (label.includes('UTGST')) return 'sgst';
  return 'other';
}

function mapLine(line: OdooMoveLine, index: number, records: OdooInvoiceRecords, issues: MappingIssues): Inv01Item {
  const path = `ItemList[${index}]`;
  const code = hsn(line.l10n_in_hsn_code || '');
  if (!code) issues.error(`${path}.HsnCd`, `Line "${line.name || index + 1}" has no HSN/SAC code.`, 'Set the HSN/SAC code on the product.');

  const base = num(line.price_subtotal);
  const qty = num(line.quantity);
  const taxes = leafTaxes(line.tax_ids ?? [], records['account.tax'] ?? []);
  const included = taxes.some((t) => t.price_include);
  // With tax-inclusive prices the list price is recovered from the tax-exclusive subtotal.
  const discountFactor = 1 - num(line.discount) / 100;
  const listPrice = included && qty && discountFactor > 0 ? base / (qty * discountFactor) : num(line.price_unit);
  const amounts = lineAmounts({ qty, listPrice, taxable: base });

  const t = { igst: 0, cgst: 0, sgst: 0, cess: 0, cessFixed: 0, rate: 0, cessRate: 0 };
  for (const tax of taxes) {
    const kind = taxKind(tax);
    const amount = tax.amount_type === 'fixed' ? round2(num(tax.amount) * qty) : round2((base * num(tax.amount)) / 100);
    if (kind === 'igst' || kind === 'cgst' || kind === 'sgst') {
      t[kind] += amount;
      t.rate += num(tax.amount);
    } else if (kind === 'cess') {
      if (tax.amount_type === 'fixed') t.cessFixed += amount;
      else {
        t.cess += amount;
        t.cessRate += num(tax.amount);
      }
    } else {
      issues.warning(`${path}.GstRt`, `The tax "${tax.name}" on line "${line.name || index + 1}" is not a GST tax and is left out.`);
    }
  }
  // Odoo rounds each line's tax; trust its line total when the difference is a paisa or two.
  const odooTax = round2(num(line.price_total) - base);
  const ours = round2(t.igst + t.cgst + t.sgst + t.cess + t.cessFixed);
  const gap = round2(odooTax - ours);
  if (gap !== 0 && Math.abs(gap) <= 0.05) {
    if (t.igst) t.igst += gap;
    else if (t.sgst) t.sgst += gap;
  }

  const uom = find(records['uom.uom'], idOf(line.product_uom_id));
  let Unit = unitCode(uom?.l10n_in_code || '') ?? unitCode(uom?.name ?? '');
  if (!Unit) {
    Unit = 'OTH';
    issues.warning(`${path}.Unit`, `The unit of line "${line.name || index + 1}" has no GST unit code; it is sent as OTH (others).`);
  }
  const desc = String(line.name || (Array.isArray(line.product_id) ? line.product_id[1] : '')).replace(/^\[[^\]]*\]\s*/, '');

  const item: Omit<Inv01Item, 'TotItemVal'> = {
    SlNo: String(index + 1),
    ...(optionalText(desc, 3, 300) ? { PrdDesc: optionalText(desc, 3, 300) } : {}),
    IsServc: isServiceHsn(code) ? 'Y' : 'N',
    HsnCd: code,
    Qty: amounts.Qty,
    Unit,
    UnitPrice: amounts.UnitPrice,
    TotAmt: amounts.TotAmt,
    Discount: amounts.Discount,
    AssAmt: amounts.AssAmt,
    GstRt: round3(t.rate),
    IgstAmt: round2(t.igst),
    CgstAmt: round2(t.cgst),
    SgstAmt: round2(t.sgst),
    CesRt: round3(t.cessRate),
    CesAmt: round2(t.cess),
    CesNonAdvlAmt: round2(t.cessFixed),
  };
  return { ...item, TotItemVal: itemTotal(item) };
}

function stateCode(states: OdooCountryState[], m2o: OdooMany2one | undefined): string {
  const s = find(states, idOf(m2o));
  return s && s.l10n_in_tin ? leadingStateCode(String(s.l10n_in_tin)) : '';
}

function address(p: OdooPartner | undefined) {
  return {
    Addr1: text(p?.street) ?? '',
    ...(optionalText(p?.street2, 3) ? { Addr2: optionalText(p?.street2, 3) } : {}),
    Loc: text(p?.city, 50) ?? '',
  };
}

function sellerDetails(records: OdooInvoiceRecords, move: OdooAccountMove, states: OdooCountryState[], issues: MappingIssues): Inv01Party {
  const companies = records['res.company'] ?? [];
  const company = find(companies, idOf(move.company_id)) ?? companies[0];
  const partner = find(records['res.partner'], idOf(company?.partner_id));
  if (!company || !partner) issues.error('SellerDtls', "The company's address could not be read.");
  const Gstin = String(company?.vat || partner?.vat || '').toUpperCase();
  return {
    Gstin,
    LglNm: text(company?.name ?? partner?.name) ?? '',
    ...address(partner),
    Pin: pin(partner?.zip),
    Stcd: stateCode(states, company?.state_id) || stateCode(states, partner?.state_id) || leadingStateCode(Gstin),
    ...(phone(partner?.phone) ? { Ph: phone(partner?.phone) } : {}),
    ...(email(partner?.email) ? { Em: email(partner?.email) } : {}),
  };
}

function buyerDetails(
  records: OdooInvoiceRecords,
  move: OdooAccountMove,
  states: OdooCountryState[],
  isExport: boolean,
  issues: MappingIssues,
): Inv01Buyer {
  const partner = find(records['res.partner'], idOf(move.partner_id));
  if (!partner) issues.error('BuyerDtls', "The customer's address could not be read.");
  const common = {
    LglNm: text(partner?.name ?? (Array.isArray(move.partner_id) ? move.partner_id[1] : '')) ?? '',
    ...address(partner),
    ...(phone(partner?.phone) ? { Ph: phone(partner?.phone) } : {}),
    ...(email(partner?.email) ? { Em: email(partner?.email) } : {}),
  };
  if (isExport) return { Gstin: 'URP', ...common, Pos: '96', Pin: 999999, Stcd: '96' };
  const Gstin = String(partner?.vat || '').toUpperCase();
  const Stcd = stateCode(states, partner?.state_id) || leadingStateCode(Gstin);
  const Pos = stateCode(states, move.l10n_in_state_id) || Stcd;
  if (!Pos) issues.error('BuyerDtls.Pos', 'The invoice has no place of supply.', 'Set the place of supply on the invoice.');
  return { Gstin, ...common, Pos, Pin: pin(partner?.zip), Stcd };
}

function shipDetails(p: OdooPartner, states: OdooCountryState[], isExport: boolean): Inv01ShipDtls {
  const gstin = p.vat ? String(p.vat).toUpperCase() : isExport ? 'URP' : undefined;
  return {
    ...(gstin ? { Gstin: gstin } : {}),
    LglNm: text(p.name) ?? '',
    ...address(p),
    Pin: isExport ? 999999 : pin(p.zip),
    Stcd: isExport ? '96' : stateCode(states, p.state_id) || leadingStateCode(gstin ?? ''),
  };
}

function precedingDocument(move: OdooAccountMove, moves: OdooAccountMove[], issues: MappingIssues): Inv01PrecDocDtls {
  const ref = move.move_type === 'out_refund' ? move.reversed_entry_id : move.debit_origin_id;
  const path = 'RefDtls.PrecDocDtls[0]';
  if (!Array.isArray(ref)) {
    issues.error(`${path}.InvNo`, 'This credit/debit note does not say which invoice it adjusts.', 'Create it from the original invoice ("Credit Note" / "Debit Note" button) so Odoo links them.');
    return { InvNo: '', InvDt: '' };
  }
  const original = find(moves, ref[0]);
  // display_name may carry the reference in brackets: "INV/2026/00017 (PO 12)".
  const InvNo = original?.name ?? ref[1].replace(/\s*\(.*\)\s*$/, '');
  const InvDt = toIrpDate(original?.invoice_date || original?.date);
  if (!InvDt) issues.error(`${path}.InvDt`, `The date of the original invoice ${InvNo} could not be read.`, `Read ${InvNo} (account.move ${ref[0]}) together with this note.`);
  return { InvNo, InvDt };
}
