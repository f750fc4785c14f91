/**
 * ERPNext (v15 with India Compliance) Sales Invoice → INV-01.
 *
 * ERPNext stores a return (credit note) with negative quantities and amounts; INV-01 wants positive
 * values, so every amount is multiplied by the document's sign. Amounts are read in company currency
 * (the `base_*` fields, and India Compliance's per-item `taxable_value` and tax amounts).
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { Inv01Buyer, Inv01DispDtls, Inv01Invoice, Inv01Item, Inv01Party, Inv01ShipDtls } from '../../invoice/types';
import { itemTotal, lineAmounts, valueTotals } from '../amounts';
import type { ErpnextAddress, ErpnextOriginalInvoice, ErpnextSalesInvoice, ErpnextSalesInvoiceItem } from './records';
import {
  MappingIssues, email, hsn, isServiceHsn, leadingStateCode, num, optionalText, phone, pin, round2, round3, text,
  toIrpDate, unitCode,
} from '../util';

export interface ErpnextMapOptions {
  /** The invoice named in `return_against` (its date goes into `RefDtls.PrecDocDtls`). */
  returnAgainst?: ErpnextOriginalInvoice | null;
  /** Mapping problems (missing address, unknown unit, original invoice date…) are appended here. */
  issues?: ValidationIssue[];
}

/** India Compliance's GST categories → INV-01 supply type (SEZ and exports get WP/WOP below). */
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

/** Item treatments that carry GST; the others' value travels as other charges (as India Compliance does). */
const TAXED_TREATMENTS = new Set(['Taxable', 'Zero-Rated']);

export function mapErpnextInvoice(
  invoice: ErpnextSalesInvoice,
  addresses: Record<string, ErpnextAddress>,
  options: ErpnextMapOptions = {},
): Inv01Invoice {
  const issues = new MappingIssues(options.issues);
  const sign = invoice.is_return ? -1 : 1;
  const conv = num(invoice.conversion_rate) || 1;
  const base = (baseValue: unknown, value: unknown) =>
    baseValue !== undefined && baseValue !== null ? num(baseValue) : num(value) * conv;

  const category = invoice.gst_category ?? '';
  const kind = SUPPLY_BY_CATEGORY[category];
  if (!kind) {
    issues.error(
      'TranDtls.SupTyp',
      `The customer's GST category is "${category || 'not set'}"; e-invoices are only for registered buyers, SEZs and exports.`,
      'Set the GST category on the customer and the invoice, or do not register this invoice with the IRP.',
    );
  }
  const withPayment = invoice.is_export_with_gst ? 'WP' : 'WOP';
  const SupTyp = kind === 'SEZ' || kind === 'EXP' ? `${kind}${withPayment}` : (kind ?? 'B2B');
  const isExport = kind === 'EXP';

  const seller = sellerDetails(invoice, pickAddress(addresses, invoice.company_address, 'SellerDtls', 'company', issues));
  const buyer = buyerDetails(invoice, pickAddress(addresses, invoice.customer_address, 'BuyerDtls', 'customer', issues), isExport, issues);

  let othChrg = 0;
  const ItemList: Inv01Item[] = [];
  for (const row of invoice.items ?? []) {
    if (row.gst_treatment && !TAXED_TREATMENTS.has(row.gst_treatment)) {
      othChrg += sign * base(row.base_net_amount, row.net_amount ?? row.amount);
      continue;
    }
    ItemList.push(mapItem(row, ItemList.length, sign, conv, issues));
  }
  for (const tax of invoice.taxes ?? []) {
    if (!tax.gst_tax_type) othChrg += sign * base(tax.base_tax_amount_after_discount_amount, tax.tax_amount);
  }

  const roundedTotal = base(invoice.base_rounded_total, invoice.rounded_total);
  const useRounded = !invoice.disable_rounded_total && roundedTotal !== 0;
  const grandTotal = useRounded ? roundedTotal : base(invoice.base_grand_total, invoice.grand_total);
  const rndOff = useRounded ? base(invoice.base_rounding_adjustment, invoice.rounding_adjustment) : 0;
  const foreign = (invoice.currency ?? 'INR') !== 'INR';

  const ValDtls = valueTotals(ItemList, {
    othChrg,
    rndOffAmt: sign * rndOff,
    totInvVal: sign * grandTotal,
    totInvValFc: foreign ? sign * num(useRounded ? invoice.rounded_total : invoice.grand_total) : undefined,
  });

  const Typ = invoice.is_debit_note ? 'DBN' : invoice.is_return ? 'CRN' : 'INV';
  const out: Inv01Invoice = {
    Version: '1.1',
    TranDtls: {
      TaxSch: 'GST',
      SupTyp,
      RegRev: invoice.is_reverse_charge ? 'Y' : 'N',
      ...(invoice.ecommerce_gstin ? { EcmGstin: invoice.ecommerce_gstin } : {}),
    },
    DocDtls: { Typ, No: invoice.name, Dt: toIrpDate(invoice.posting_date) },
    SellerDtls: seller,
    BuyerDtls: buyer,
    ItemList,
    ValDtls,
  };
  if (SupTyp === 'B2B' && buyer.Pos === seller.Stcd && (ValDtls.IgstVal ?? 0) > 0) out.TranDtls.IgstOnIntra = 'Y';

  const dispatch = invoice.dispatch_address_name;
  if (dispatch && dispatch !== invoice.company_address) {
    const a = pickAddress(addresses, dispatch, 'DispDtls', 'dispatch', issues);
    if (a) out.DispDtls = dispatchDetails(a, invoice.company);
  }
  const shipping = invoice.shipping_address_name;
  if (shipping && shipping !== invoice.customer_address) {
    const a = pickAddress(addresses, shipping, 'ShipDtls', 'shipping', issues);
    if (a) out.ShipDtls = shipDetails(a, buyer.LglNm, isExport);
  }
  if (Typ !== 'INV') out.RefDtls = { PrecDocDtls: [precedingDocument(invoice, options.returnAgainst, issues)] };
  if (isExport && foreign) out.ExpDtls = { ForCur: invoice.currency ?? '' };
  return out;
}

function mapItem(
  row: ErpnextSalesInvoiceItem,
  index: number,
  sign: number,
  conv: number,
  issues: MappingIssues,
): Inv01Item {
  const path = `ItemList[${index}]`;
  const code = hsn(row.gst_hsn_code);
  if (!code) issues.error(`${path}.HsnCd`, `Item ${row.idx} (${row.item_code ?? row.item_name}) has no HSN/SAC code.`, 'Set the HSN/SAC code on the item.');

  const qty = sign * num(row.qty);
  const rate = num(row.base_rate ?? num(row.rate) * conv);
  const listRate = num(row.base_price_list_rate ?? num(row.price_list_rate) * conv);
  const taxable =
    sign *
    (row.taxable_value !== undefined && row.taxable_value !== null
      ? num(row.taxable_value)
      : row.base_net_amount !== undefined && row.base_net_amount !== null
        ? num(row.base_net_amount)
        : num(row.net_amount ?? row.amount) * conv);
  const amounts = lineAmounts({ qty, listPrice: listRate > rate ? listRate : rate, taxable });

  const uom = row.uom ?? row.stock_uom;
  let Unit = unitCode(uom);
  if (!Unit) {
    Unit = 'OTH';
    issues.warning(`${path}.Unit`, `The unit "${uom ?? ''}" of item ${row.idx} has no GST unit code; it is sent as OTH (others).`, 'Use a UOM with a standard GST unit (Nos, Kg, Box…).');
  }

  const IgstAmt = round2(sign * num(row.igst_amount));
  const CgstAmt = round2(sign * num(row.cgst_amount));
  const SgstAmt = round2(sign * num(row.sgst_amount));
  const CesAmt = round2(sign * num(row.cess_amount));
  const CesNonAdvlAmt = round2(sign * num(row.cess_non_advol_amount));
  let GstRt = round3(num(row.igst_rate) + num(row.cgst_rate) + num(row.sgst_rate));
  const taxTotal = IgstAmt + CgstAmt + SgstAmt;
  if (GstRt === 0 && taxTotal !== 0 && amounts.AssAmt !== 0) GstRt = round2((taxTotal / amounts.AssAmt) * 100);

  const item: Omit<Inv01Item, 'TotItemVal'> = {
    SlNo: String(index + 1),
    ...(optionalText(row.item_name ?? row.description, 3, 300) ? { PrdDesc: optionalText(row.item_name ?? row.description, 3, 300) } : {}),
    IsServc: isServiceHsn(code) ? 'Y' : 'N',
    HsnCd: code,
    ...(optionalText(row.barcode, 3, 30) ? { Barcde: optionalText(row.barcode, 3, 30) } : {}),
    Qty: amounts.Qty,
    Unit,
    UnitPrice: amounts.UnitPrice,
    TotAmt: amounts.TotAmt,
    Discount: amounts.Discount,
    AssAmt: amounts.AssAmt,
    GstRt,
    IgstAmt,
    CgstAmt,
    SgstAmt,
    CesRt: round3(num(row.cess_rate)),
    CesAmt,
    CesNonAdvlAmt,
  };
  return { ...item, TotItemVal: itemTotal(item) };
}

function pickAddress(
  addresses: Record<string, ErpnextAddress>,
  name: string | null | undefined,
  path: string,
  role: string,
  issues: MappingIssues,
): ErpnextAddress | null {
  const a = name ? addresses[name] : undefined;
  if (!a) {
    issues.error(
      path,
      name ? `The ${role} address "${name}" could not be read.` : `The invoice has no ${role} address.`,
      `Set the ${role} address on the invoice; its GSTIN, PIN and state go on the e-invoice.`,
    );
  }
  return a ?? null;
}

function stateOf(a: ErpnextAddress | null, gstin: string | null | undefined): string {
  return leadingStateCode(a?.gst_state_number ?? '') || leadingStateCode(gstin ?? '');
}

function sellerDetails(invoice: ErpnextSalesInvoice, a: ErpnextAddress | null): Inv01Party {
  const Gstin = (invoice.company_gstin || a?.gstin || '').toUpperCase();
  return {
    Gstin,
    LglNm: text(invoice.company) ?? '',
    Addr1: text(a?.address_line1) ?? '',
    ...(optionalText(a?.address_line2, 3) ? { Addr2: optionalText(a?.address_line2, 3) } : {}),
    Loc: text(a?.city, 50) ?? '',
    Pin: pin(a?.pincode),
    Stcd: stateOf(a, Gstin),
    ...(phone(a?.phone) ? { Ph: phone(a?.phone) } : {}),
    ...(email(a?.email_id) ? { Em: email(a?.email_id) } : {}),
  };
}

function buyerDetails(invoice: ErpnextSalesInvoice, a: ErpnextAddress | null, isExport: boolean, issues: MappingIssues): Inv01Buyer {
  const common = {
    LglNm: text(invoice.customer_name ?? invoice.customer) ?? '',
    Addr1: text(a?.address_line1) ?? '',
    ...(optionalText(a?.address_line2, 3) ? { Addr2: optionalText(a?.address_line2, 3) } : {}),
    Loc: text(a?.city) ?? '',
    ...(phone(a?.phone) ? { Ph: phone(a?.phone) } : {}),
    ...(email(a?.email_id) ? { Em: email(a?.email_id) } : {}),
  };
  // Exports: the IRP's convention for a buyer outside India.
  if (isExport) return { Gstin: 'URP', ...common, Pos: '96', Pin: 999999, Stcd: '96' };
  const Gstin = (invoice.billing_address_gstin || a?.gstin || '').toUpperCase();
  const Pos = leadingStateCode(invoice.place_of_supply ?? '');
  if (!Pos) issues.error('BuyerDtls.Pos', 'The invoice has no place of supply.', 'Set "Place of Supply" on the invoice.');
  return { Gstin, ...common, Pos, Pin: pin(a?.pincode), Stcd: stateOf(a, Gstin) };
}

function dispatchDetails(a: ErpnextAddress, company: string): Inv01DispDtls {
  return {
    Nm: optionalText(a.address_title, 3) ?? text(company) ?? '',
    Addr1: text(a.address_line1) ?? '',
    ...(optionalText(a.address_line2, 3) ? { Addr2: optionalText(a.address_line2, 3) } : {}),
    Loc: text(a.city) ?? '',
    Pin: pin(a.pincode),
    Stcd: stateOf(a, a.gstin),
  };
}

function shipDetails(a: ErpnextAddress, buyerName: string, isExport: boolean): Inv01ShipDtls {
  const gstin = a.gstin ? a.gstin.toUpperCase() : isExport ? 'URP' : undefined;
  return {
    ...(gstin ? { Gstin: gstin } : {}),
    LglNm: optionalText(a.address_title, 3) ?? buyerName,
    Addr1: text(a.address_line1) ?? '',
    ...(optionalText(a.address_line2, 3) ? { Addr2: optionalText(a.address_line2, 3) } : {}),
    Loc: text(a.city) ?? '',
    Pin: isExport ? 999999 : pin(a.pincode),
    Stcd: isExport ? '96' : stateOf(a, a.gstin),
  };
}

/** The invoice a credit/debit note refers to. Its date is not on the note itself in ERPNext. */
function precedingDocument(
  invoice: ErpnextSalesInvoice,
  original: ErpnextOriginalInvoice | null | undefined,
  issues: MappingIssues,
) {
  const InvNo = invoice.return_against ?? original?.name ?? '';
  const path = 'RefDtls.PrecDocDtls[0]';
  if (!InvNo) {
    issues.error(`${path}.InvNo`, 'This credit/debit note does not say which invoice it adjusts.', 'Fill "Return Against" with the original sales invoice.');
    return { InvNo: '', InvDt: '' };
  }
  if (!original || original.name !== InvNo || !toIrpDate(original.posting_date)) {
    issues.error(`${path}.InvDt`, `The date of the original invoice ${InvNo} could not be read.`, `Open ${InvNo} once so its date can be read, then try again.`);
    return { InvNo, InvDt: '' };
  }
  return { InvNo, InvDt: toIrpDate(original.posting_date) };
}
