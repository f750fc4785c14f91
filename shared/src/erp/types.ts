/**
 * ERP documents as the ERPs' own APIs return them, before mapping to INV-01.
 * Only the fields the mappings read are typed; the rest pass through untouched.
 */
import type { DocType } from '../api/contract';
import type { Recipe, RecipeValues } from './recipe';

// ---------------------------------------------------------------- ERPNext (v15 + India Compliance)

/** One row of `Sales Invoice.items`. Amounts are negative on a return (credit note). */
export interface ErpnextSalesInvoiceItem {
  idx: number;
  item_code?: string | null;
  item_name?: string | null;
  description?: string | null;
  gst_hsn_code?: string | null;
  /** India Compliance: Taxable, Zero-Rated, Nil-Rated, Exempted, Non-GST. */
  gst_treatment?: string | null;
  qty: number;
  uom?: string | null;
  stock_uom?: string | null;
  price_list_rate?: number | null;
  base_price_list_rate?: number | null;
  rate: number;
  base_rate?: number | null;
  amount: number;
  net_amount?: number | null;
  base_net_amount?: number | null;
  /** India Compliance: the item's taxable value in company currency. */
  taxable_value?: number | null;
  barcode?: string | null;
  igst_rate?: number | null;
  cgst_rate?: number | null;
  sgst_rate?: number | null;
  cess_rate?: number | null;
  igst_amount?: number | null;
  cgst_amount?: number | null;
  sgst_amount?: number | null;
  cess_amount?: number | null;
  cess_non_advol_amount?: number | null;
  [field: string]: unknown;
}

/** One row of `Sales Invoice.taxes`. */
export interface ErpnextTaxRow {
  idx: number;
  charge_type?: string | null;
  account_head?: string | null;
  description?: string | null;
  /** India Compliance: igst, cgst, sgst, cess, cess_non_advol (empty for non-GST charges). */
  gst_tax_type?: string | null;
  tax_amount?: number | null;
  base_tax_amount?: number | null;
  base_tax_amount_after_discount_amount?: number | null;
  item_wise_tax_detail?: string | null;
  [field: string]: unknown;
}

/** `GET /api/resource/Sales Invoice/<name>` → `data`. */
export interface ErpnextSalesInvoice {
  name: string;
  doctype?: 'Sales Invoice' | string;
  /** 0 draft, 1 submitted, 2 cancelled. */
  docstatus: number;
  customer?: string | null;
  customer_name?: string | null;
  company: string;
  /** yyyy-mm-dd */
  posting_date: string;
  is_return?: number | null;
  return_against?: string | null;
  is_debit_note?: number | null;
  company_address?: string | null;
  company_gstin?: string | null;
  customer_address?: string | null;
  billing_address_gstin?: string | null;
  shipping_address_name?: string | null;
  dispatch_address_name?: string | null;
  /** "37-Andhra Pradesh" */
  place_of_supply?: string | null;
  /** Registered Regular, Registered Composition, SEZ, Overseas, Deemed Export, UIN Holders, Unregistered… */
  gst_category?: string | null;
  is_reverse_charge?: number | null;
  is_export_with_gst?: number | null;
  ecommerce_gstin?: string | null;
  currency?: string | null;
  conversion_rate?: number | null;
  items: ErpnextSalesInvoiceItem[];
  taxes?: ErpnextTaxRow[];
  net_total?: number | null;
  base_net_total?: number | null;
  total_taxes_and_charges?: number | null;
  base_total_taxes_and_charges?: number | null;
  grand_total: number;
  base_grand_total?: number | null;
  rounding_adjustment?: number | null;
  base_rounding_adjustment?: number | null;
  rounded_total?: number | null;
  base_rounded_total?: number | null;
  disable_rounded_total?: number | null;
  /** India Compliance custom field; set once an IRN exists. */
  irn?: string | null;
  einvoice_status?: string | null;
  [field: string]: unknown;
}

/** `GET /api/resource/Address/<name>` → `data`. */
export interface ErpnextAddress {
  name: string;
  address_title?: string | null;
  address_line1?: string | null;
  address_line2?: string | null;
  city?: string | null;
  state?: string | null;
  /** India Compliance: the two-digit GST state code, "29". */
  gst_state_number?: string | null;
  pincode?: string | null;
  country?: string | null;
  gstin?: string | null;
  gst_category?: string | null;
  email_id?: string | null;
  phone?: string | null;
  [field: string]: unknown;
}

/** The original invoice of a return/debit note, enough to fill `RefDtls.PrecDocDtls`. */
export interface ErpnextOriginalInvoice {
  name: string;
  /** yyyy-mm-dd */
  posting_date: string;
}

// ---------------------------------------------------------------- Odoo 17 (l10n_in)

/** A many2one as JSON-RPC `read` returns it: `[id, display_name]`, or false when empty. */
export type OdooMany2one = [number, string] | false;

export interface OdooAccountMove {
  id: number;
  name: string;
  /** out_invoice, out_refund (in_* are vendor bills, not ours to register). */
  move_type: string;
  /** draft, posted, cancel */
  state: string;
  invoice_date: string | false;
  partner_id: OdooMany2one;
  partner_shipping_id?: OdooMany2one;
  company_id: OdooMany2one;
  currency_id?: OdooMany2one;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  l10n_in_gst_treatment?: string | false;
  l10n_in_state_id?: OdooMany2one;
  invoice_line_ids: number[];
  /** On a credit note: the invoice it reverses. */
  reversed_entry_id?: OdooMany2one;
  /** On a debit note (account_debit_note): the invoice it adds to. */
  debit_origin_id?: OdooMany2one;
  ref?: string | false;
  [field: string]: unknown;
}

export interface OdooMoveLine {
  id: number;
  move_id: OdooMany2one;
  /** product, line_section, line_note, rounding, tax, payment_term… */
  display_type: string | false;
  sequence?: number;
  product_id?: OdooMany2one;
  name: string | false;
  l10n_in_hsn_code?: string | false;
  quantity: number;
  product_uom_id?: OdooMany2one;
  price_unit: number;
  /** Percent. */
  discount: number;
  tax_ids: number[];
  price_subtotal: number;
  price_total: number;
  [field: string]: unknown;
}

export interface OdooTax {
  id: number;
  name: string;
  /** Percent (or fixed amount for amount_type "fixed"). */
  amount: number;
  /** percent, fixed, group, division */
  amount_type: string;
  price_include?: boolean;
  tax_group_id?: OdooMany2one;
  /** Present on group taxes ("GST 18%" = CGST 9% + SGST 9%). */
  children_tax_ids?: number[];
  /** igst, cgst, sgst, cess — when the localisation exposes it. */
  l10n_in_tax_type?: string | false;
  [field: string]: unknown;
}

export interface OdooPartner {
  id: number;
  name: string;
  display_name?: string;
  vat?: string | false | null;
  street?: string | false | null;
  street2?: string | false | null;
  city?: string | false | null;
  state_id?: OdooMany2one;
  zip?: string | false | null;
  country_id?: OdooMany2one;
  country_code?: string | false | null;
  phone?: string | false | null;
  email?: string | false | null;
  l10n_in_gst_treatment?: string | false;
  [field: string]: unknown;
}

export interface OdooCountryState {
  id: number;
  name: string;
  code?: string;
  /** The GST state code, "29". */
  l10n_in_tin?: string | false;
  [field: string]: unknown;
}

export interface OdooUom {
  id: number;
  name: string;
  /** "NOS-NUMBERS" */
  l10n_in_code?: string | false;
  [field: string]: unknown;
}

export interface OdooCompany {
  id: number;
  name: string;
  partner_id: OdooMany2one;
  vat?: string | false | null;
  state_id?: OdooMany2one;
  [field: string]: unknown;
}

/** One list per model, as the adapter collects them with JSON-RPC `read`. */
export interface OdooInvoiceRecords {
  /** The invoice first; the invoice it reverses (credit/debit note) may follow. */
  'account.move': OdooAccountMove[];
  'account.move.line': OdooMoveLine[];
  'account.tax': OdooTax[];
  'res.partner': OdooPartner[];
  'res.country.state': OdooCountryState[];
  'uom.uom': OdooUom[];
  'res.company': OdooCompany[];
}

// ---------------------------------------------------------------- Common

/** `recipe`: any other web ERP, read with a user-taught recipe (see recipe.ts). */
export type ErpId = 'erpnext' | 'odoo' | 'recipe';

/** Everything the mappings need about one invoice, as read from its ERP. */
export type ErpDocument =
  | {
      erp: 'erpnext';
      invoice: ErpnextSalesInvoice;
      /** Linked Address docs by name (company, customer, shipping, dispatch). */
      addresses: Record<string, ErpnextAddress>;
      /** For a return or debit note: the invoice in `return_against`. */
      returnAgainst?: ErpnextOriginalInvoice | null;
    }
  | {
      erp: 'odoo';
      records: OdooInvoiceRecords;
      /** Which `account.move` is the invoice; defaults to the first. */
      moveId?: number;
    }
  | {
      erp: 'recipe';
      recipe: Recipe;
      /** What the recipe adapter read from the page or the JSON endpoint, unparsed. */
      values: RecipeValues;
    };

/** Names one invoice in one ERP: ERPNext's `name`, Odoo's record `id` (plus its name), a recipe's document id. */
export interface ErpDocumentRef {
  erp: ErpId;
  name: string;
  id?: number;
}

/** What the extension shows about an ERP invoice before mapping it. */
export interface ErpInvoiceSummary {
  ref: ErpDocumentRef;
  docType: DocType;
  docNo: string;
  /** dd/mm/yyyy */
  docDate: string;
  partyName: string;
  partyGstin: string | null;
  /** What the customer pays, as the ERP computed it (positive for credit notes too). */
  grandTotal: number;
  currency: string;
  /** Submitted (ERPNext docstatus 1) / posted (Odoo): only these can be registered. */
  final: boolean;
  /** The IRN the ERP already holds for it, if any. */
  irn: string | null;
}

/** The ERP's own totals, to compare with the mapped INV-01 `ValDtls`. Positive values. */
export interface ErpTotals {
  /** Amount payable, after round-off (ERPNext rounded_total, Odoo amount_total). */
  grandTotal: number;
  /** Total before taxes (ERPNext net_total, Odoo amount_untaxed). */
  taxableTotal: number;
  /** Taxes and charges (ERPNext total_taxes_and_charges, Odoo amount_tax). */
  taxTotal: number;
  /** Round-off included in grandTotal (ERPNext rounding_adjustment). */
  roundOff: number;
  currency: string;
}
