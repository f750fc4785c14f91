/**
 * Odoo (l10n_in) customer invoice / credit note → INV-01, field for field as Odoo's own
 * l10n_in_edi builds it (17.0 addons/l10n_in_edi/models/account_edi_format.py
 * `_l10n_in_edi_generate_invoice_json`), in company currency, with these deliberate differences:
 * - a credit note made from an invoice names it in `RefDtls.PrecDocDtls` (Odoo sends no RefDtls);
 * - a debit note (account_debit_note) is `DBN` (Odoo sends `INV`);
 * - `IgstOnIntra` and `ExpDtls.RefClm` are "Y" when IGST is charged (Odoo's lookup of the key
 *   "igst" never matches, so it always sends "N");
 * - `IsServc` follows the HSN/SAC (99… is a service), as the IRP checks it, not the product type.
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { Inv01ExpDtls, Inv01Invoice, Inv01PrecDocDtls } from '../../invoice/types';
import { valueTotals } from '../amounts';
import { MappingIssues, num, round2, text, toIrpDate } from '../util';
import { mapLines, roundingAmount } from './lines';
import { foldNegativeLines } from './negative';
import { buyerDetails, partner, sellerDetails, shipDetails } from './parties';
import type { OdooAccountMove, OdooInvoiceRecords } from './records';

export interface OdooMapOptions {
  /** Which `account.move` to map; defaults to the first in the bundle. */
  moveId?: number;
  issues?: ValidationIssue[];
}

/** `l10n_in_gst_treatment` → supply type; SEZ and exports get WP/WOP from the IGST charged (`_l10n_in_get_supply_type`). */
const SUPPLY_BY_TREATMENT: Record<string, string> = {
  regular: 'B2B', composition: 'B2B', uin_holders: 'B2B', special_economic_zone: 'SEZ', overseas: 'EXP', deemed_export: 'DEXP',
};
const TREATMENT_LABEL: Record<string, string> = { unregistered: 'Unregistered Business', consumer: 'Consumer' };

const idOf = (m2o: unknown): number | null => (Array.isArray(m2o) ? (m2o[0] as number) : null);
const nameOf = (m2o: unknown): string => (Array.isArray(m2o) ? String(m2o[1]) : '');

function docType(move: OdooAccountMove): 'INV' | 'CRN' | 'DBN' {
  if (move.move_type === 'out_refund') return 'CRN';
  return idOf(move.debit_origin_id) !== null ? 'DBN' : 'INV';
}

function precedingDocument(move: OdooAccountMove, moves: OdooAccountMove[]): Inv01PrecDocDtls | null {
  const ref = move.move_type === 'out_refund' ? move.reversed_entry_id : move.debit_origin_id;
  if (!Array.isArray(ref)) return null; // a credit note without an origin: Odoo sends none either
  const original = moves.find((m) => m.id === ref[0]);
  // display_name may carry the reference in brackets: "INV/2026/00017 (PO 12)".
  const InvNo = original?.name ?? ref[1].replace(/\s*\(.*\)\s*$/, '');
  return { InvNo, InvDt: toIrpDate(original?.invoice_date || original?.date) };
}

function exportDetails(move: OdooAccountMove, records: OdooInvoiceRecords, igst: boolean): Inv01ExpDtls {
  const buyer = partner(records, move.partner_id);
  const port = (records['l10n_in.port.code'] ?? []).find((p) => p.id === idOf(move.l10n_in_shipping_port_code_id));
  const country = buyer?.country_code ? String(buyer.country_code) : '';
  return {
    RefClm: igst ? 'Y' : 'N',
    ForCur: nameOf(move.currency_id) || 'INR',
    ...(country ? { CntCode: country } : {}),
    ...(text(move.l10n_in_shipping_bill_number, 20) ? { ShipBNo: text(move.l10n_in_shipping_bill_number, 20) } : {}),
    ...(move.l10n_in_shipping_bill_date ? { ShipBDt: toIrpDate(move.l10n_in_shipping_bill_date) } : {}),
    ...(port?.code ? { Port: port.code } : {}),
  } as Inv01ExpDtls;
}

export function mapOdooInvoice(records: OdooInvoiceRecords, options: OdooMapOptions = {}): Inv01Invoice {
  const issues = new MappingIssues(options.issues);
  const moves = records['account.move'] ?? [];
  const move = options.moveId !== undefined ? moves.find((m) => m.id === options.moveId) : moves[0];
  if (!move) throw new Error('The Odoo records hold no account.move to map.');

  const treatment = String(move.l10n_in_gst_treatment || '');
  const kind = SUPPLY_BY_TREATMENT[treatment];
  if (!kind) {
    issues.error(
      'TranDtls.SupTyp',
      `The GST treatment is "${TREATMENT_LABEL[treatment] ?? (treatment || 'not set')}"; e-invoices are only for registered buyers, SEZs, exports and deemed exports.`,
      'Set the GST Treatment on the customer and on the invoice.',
    );
  }
  const overseas = treatment === 'overseas';
  const lines = mapLines(move, records, issues);
  const ItemList = foldNegativeLines(lines.items, issues);
  const igst = ItemList.some((i) => (i.IgstAmt ?? 0) > 0);
  const SupTyp = kind === 'SEZ' || kind === 'EXP' ? `${kind}${igst ? 'WP' : 'WOP'}` : (kind ?? 'B2B');

  const seller = sellerDetails(records, move, issues);
  const buyer = buyerDetails(records, move, overseas, issues);
  const rounding = roundingAmount(move, records);
  const foreign = idOf(move.currency_id) !== null && idOf(move.company_currency_id) !== null && idOf(move.currency_id) !== idOf(move.company_currency_id);
  const ValDtls = valueTotals(ItemList, {
    othChrg: 0,
    rndOffAmt: rounding,
    // What the customer pays, in company currency (Odoo: base + tax + rounding).
    totInvVal: move.amount_total_signed !== undefined ? Math.abs(num(move.amount_total_signed)) : num(move.amount_total),
    ...(foreign ? { totInvValFc: num(move.amount_total) } : {}),
  });
  ValDtls.Discount = round2(lines.globalDiscount);

  const out: Inv01Invoice = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp, RegRev: lines.reverseCharge ? 'Y' : 'N' },
    DocDtls: { Typ: docType(move), No: move.name, Dt: toIrpDate(move.invoice_date || move.date) },
    SellerDtls: seller,
    BuyerDtls: buyer,
    ItemList,
    ValDtls,
  };
  if (SupTyp === 'B2B' && buyer.Pos === seller.Stcd && igst) out.TranDtls.IgstOnIntra = 'Y';
  const ship = shipDetails(records, move, overseas);
  if (ship) out.ShipDtls = ship;
  if (overseas) out.ExpDtls = exportDetails(move, records, igst);
  const preceding = out.DocDtls.Typ === 'INV' ? null : precedingDocument(move, moves);
  if (preceding) out.RefDtls = { PrecDocDtls: [preceding] };
  return out;
}
