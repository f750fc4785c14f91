/**
 * ERPNext Sales Invoice → INV-01, computed the way India Compliance 15.25.6 computes its own e-invoice
 * JSON (gst_india/utils/e_invoice.py `EInvoiceData`, utils/transaction_data.py `GSTTransactionData`),
 * so that the IRP sees the same figures whichever of the two registers the invoice:
 * - every amount is taken as a positive value (ERPNext stores a return with negative amounts);
 * - an item's UnitPrice is its taxable value / quantity, Discount 0, TotAmt = AssAmt = taxable value
 *   (India Compliance's `taxable_value` already spreads freight charged before the GST rows);
 * - item taxes are rounded progressively (the rounding error is carried to the next item);
 * - OthChrg is the balancing figure grand total − taxable − tax − round-off, plus the value of
 *   non-taxable lines; a negative balance and a cash discount go to ValDtls.Discount;
 * - reverse charge: TotItemVal is the taxable value and the tax is not part of TotInvVal.
 * Deliberate differences are listed in docs/erps/erpnext.md and named in test/real/erpnext/compare.ts.
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { Inv01Invoice, Inv01Item } from '../../invoice/types';
import { MappingIssues, toIrpDate } from '../util';
import { buyerDetails, dispatchDetails, exportDetails, pickAddress, sellerDetails, shipDetails } from './parties';
import type { ErpnextDocument, ErpnextSalesInvoiceItem } from './records';
import { gstUnit } from './units';
import { icRound, num } from './round';

/** India Compliance's GST_CATEGORIES (gst_india/constants/__init__.py). */
const SUPPLY_BY_CATEGORY: Record<string, string> = {
  'Registered Regular': 'B2B',
  'Registered Composition': 'B2B',
  'UIN Holders': 'B2B',
  'Tax Deductor': 'B2B',
  'Tax Collector': 'B2B',
  'Input Service Distributor': 'B2B',
  SEZ: 'SEZ',
  Overseas: 'EXP',
  'Deemed Export': 'DEXP',
};

/** TAXABLE_GST_TREATMENTS: only these lines are e-invoice items; the others' value is other charges. */
const TAXABLE_TREATMENTS = new Set(['Taxable', 'Zero-Rated']);
const TAX_TYPES = ['cgst', 'sgst', 'igst', 'cess', 'cess_non_advol'] as const;
type TaxType = (typeof TAX_TYPES)[number];

export function mapErpnextDocument(doc: ErpnextDocument, list: ValidationIssue[] = []): Inv01Invoice {
  const issues = new MappingIssues(list);
  const inv = doc.invoice;
  const category = inv.gst_category ?? '';
  const kind = SUPPLY_BY_CATEGORY[category];
  if (!kind) {
    issues.error(
      'TranDtls.SupTyp',
      `The customer's GST category is "${category || 'not set'}"; e-invoices are only for registered buyers, SEZs and exports.`,
      'Set the GST category on the customer and the invoice, or do not register this invoice with the IRP.',
    );
  }
  // is_foreign_doc / is_overseas_doc (gst_india/utils/__init__.py).
  const foreign = category === 'Overseas' && inv.place_of_supply === '96-Other Countries';
  if (category === 'Overseas' && !foreign) {
    issues.error('BuyerDtls.Pos', 'An export needs "96-Other Countries" as its place of supply.', 'Set "Place of Supply" on the invoice to 96-Other Countries.');
  }
  const overseas = category === 'SEZ' || foreign;
  const SupTyp = (kind ?? 'B2B') + (overseas ? (inv.is_export_with_gst ? 'WP' : 'WOP') : '');
  const reverseCharge = Boolean(inv.is_reverse_charge);

  const company = pickAddress(doc.addresses, inv.company_address, 'SellerDtls', 'company', issues);
  const billing = pickAddress(doc.addresses, inv.customer_address, 'BuyerDtls', 'customer', issues);
  const seller = sellerDetails(inv, company);
  const buyer = buyerDetails(inv, billing, issues);

  // Items (GSTTransactionData.get_all_item_details): progressive rounding runs over every line.
  const carry: Record<TaxType, number> = { cgst: 0, sgst: 0, igst: 0, cess: 0, cess_non_advol: 0 };
  const ItemList: Inv01Item[] = [];
  let total = 0;
  let totalTaxable = 0;
  const taxTotals: Record<TaxType, number> = { cgst: 0, sgst: 0, igst: 0, cess: 0, cess_non_advol: 0 };
  for (const row of inv.items ?? []) {
    const taxable = num(row.taxable_value ?? row.base_net_amount);
    const taxed = !row.gst_treatment || TAXABLE_TREATMENTS.has(row.gst_treatment);
    total += taxable;
    if (taxed) totalTaxable += taxable;
    const amounts = {} as Record<TaxType, number>;
    for (const t of TAX_TYPES) {
      const amount = num(row[`${t}_amount`]);
      taxTotals[t] += Math.abs(amount);
      const rounded = icRound(amount + carry[t], 2);
      carry[t] = amount + carry[t] - rounded;
      amounts[t] = Math.abs(rounded);
    }
    if (taxed) ItemList.push(mapItem(row, ItemList.length, taxable, amounts, reverseCharge, doc, issues));
  }

  const grandTotal = Math.abs(icRound(num(inv.disable_rounded_total ?? 1) ? num(inv.base_grand_total ?? inv.grand_total) : num(inv.base_rounded_total ?? inv.rounded_total), 2));
  let rndOff = icRound(num(inv.base_rounding_adjustment), 2) * (inv.is_return ? -1 : 1);
  let discount = inv.is_cash_or_non_trade_discount ? Math.abs(icRound(num(inv.base_discount_amount), 2)) : 0;
  let grand = grandTotal;
  for (const tax of inv.taxes ?? []) {
    if (String(tax.gst_tax_type ?? '').endsWith('_refund')) grand -= num(tax.base_tax_amount_after_discount_amount);
  }
  grand = icRound(grand, 2);
  const tax = (t: TaxType) => icRound(taxTotals[t], 2);
  // update_discount_and_other_charges: what the grand total holds beyond items, tax and round-off.
  let current = Math.abs(icRound(total, 2)) + rndOff - discount;
  if (!reverseCharge) current += TAX_TYPES.reduce((s, t) => s + tax(t), 0);
  const balance = grand - current;
  let othChrg = 0;
  if (balance < 0 && balance > -0.1) rndOff = icRound(rndOff + balance, 2);
  else if (balance > 0) othChrg = icRound(balance, 2);
  else discount = icRound(Math.abs(balance) + discount, 2);
  othChrg = icRound(othChrg + Math.abs(icRound(total - totalTaxable, 2)), 2);

  const foreignCurrency = (inv.currency ?? 'INR') !== 'INR';
  const out: Inv01Invoice = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp, RegRev: reverseCharge ? 'Y' : 'N', ...(inv.ecommerce_gstin ? { EcmGstin: inv.ecommerce_gstin } : {}) },
    DocDtls: { Typ: inv.is_debit_note ? 'DBN' : inv.is_return ? 'CRN' : 'INV', No: inv.name, Dt: toIrpDate(inv.posting_date) },
    SellerDtls: seller,
    BuyerDtls: buyer,
    ItemList,
    ValDtls: {
      AssVal: Math.abs(icRound(totalTaxable, 2)),
      CgstVal: tax('cgst'),
      SgstVal: tax('sgst'),
      IgstVal: tax('igst'),
      CesVal: icRound(tax('cess') + tax('cess_non_advol'), 2),
      StCesVal: 0,
      Discount: discount,
      OthChrg: othChrg,
      RndOffAmt: rndOff,
      TotInvVal: grand,
      ...(foreignCurrency ? { TotInvValFc: Math.abs(icRound(num(inv.grand_total), 2)) } : {}),
    },
  };
  // Not in India Compliance: the IRP needs IgstOnIntra=Y to accept IGST within one state (2172).
  if (SupTyp === 'B2B' && buyer.Pos === seller.Stcd && (out.ValDtls.IgstVal ?? 0) > 0) out.TranDtls.IgstOnIntra = 'Y';

  const dispatch = inv.dispatch_address_name;
  if (dispatch && dispatch !== inv.company_address) {
    const a = pickAddress(doc.addresses, dispatch, 'DispDtls', 'dispatch', issues);
    if (a) out.DispDtls = dispatchDetails(a);
  }
  const shipTo = foreign && inv.port_address ? inv.port_address : inv.shipping_address_name;
  if (shipTo && shipTo !== inv.customer_address) {
    const a = pickAddress(doc.addresses, shipTo, 'ShipDtls', 'shipping', issues);
    if (a) out.ShipDtls = shipDetails(a, inv);
  }
  // update_transaction_details: only a credit note with return_against names its invoice.
  if (out.DocDtls.Typ === 'CRN' && inv.return_against) {
    const date = doc.returnAgainst?.name === inv.return_against ? toIrpDate(doc.returnAgainst.posting_date) : '';
    if (!date) issues.error('RefDtls.PrecDocDtls[0].InvDt', `The date of the original invoice ${inv.return_against} could not be read.`, `Open ${inv.return_against} once so its date can be read, then try again.`);
    out.RefDtls = { PrecDocDtls: [{ InvNo: inv.return_against, InvDt: date }] };
  }
  if (foreign) out.ExpDtls = exportDetails(inv, billing, doc.countryCodes ?? {});
  return out;
}

function mapItem(
  row: ErpnextSalesInvoiceItem,
  index: number,
  taxable: number,
  amounts: Record<TaxType, number>,
  reverseCharge: boolean,
  doc: ErpnextDocument,
  issues: MappingIssues,
): Inv01Item {
  const path = `ItemList[${index}]`;
  const HsnCd = String(row.gst_hsn_code ?? '').replace(/[\s.]/g, '');
  if (!HsnCd) issues.error(`${path}.HsnCd`, `Item ${row.idx} (${row.item_code ?? row.item_name}) has no HSN/SAC code.`, 'Set the HSN/SAC code on the item.');
  const qty = num(row.qty);
  const AssAmt = Math.abs(icRound(taxable, 2));
  const uom = String(row.uom ?? row.stock_uom ?? '');
  const Unit = gstUnit(uom, doc.uomMap ?? []);
  if (Unit === 'OTH' && uom.toUpperCase() !== 'OTH') {
    issues.warning(`${path}.Unit`, `The unit "${uom}" of item ${row.idx} has no GST unit code; it is sent as OTH (others).`, 'Map it in GST Settings → UOM map, or use a UOM with a standard GST unit (Nos, Kg, Box…).');
  }
  const rate = (t: TaxType) => icRound(num(row[`${t}_rate`]), 3);
  const taxSum = TAX_TYPES.reduce((s, t) => s + icRound(amounts[t], 2), 0);
  const name = typeof row.item_name === 'string' ? row.item_name.replace(/\s+/g, ' ').replace(/"/g, "'").trim().slice(0, 300) : '';
  const barcode = typeof row.barcode === 'string' && row.barcode.length >= 3 && row.barcode.length <= 30 ? row.barcode : undefined;
  return {
    SlNo: String(row.idx ?? index + 1),
    ...(name.length >= 3 ? { PrdDesc: name } : {}),
    IsServc: HsnCd.startsWith('99') ? 'Y' : 'N',
    HsnCd,
    ...(barcode ? { Barcde: barcode } : {}),
    Qty: Math.abs(icRound(qty, 3)),
    Unit,
    UnitPrice: Math.abs(icRound(qty ? taxable / qty : taxable, 3)),
    TotAmt: AssAmt,
    Discount: 0,
    AssAmt,
    GstRt: icRound(rate('cgst') + rate('sgst') + rate('igst'), 3),
    IgstAmt: amounts.igst,
    CgstAmt: amounts.cgst,
    SgstAmt: amounts.sgst,
    CesRt: rate('cess'),
    CesAmt: amounts.cess,
    CesNonAdvlAmt: amounts.cess_non_advol,
    TotItemVal: reverseCharge ? AssAmt : Math.abs(icRound(AssAmt + taxSum, 2)),
  };
}
