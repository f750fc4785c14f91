/**
 * Odoo (l10n_in) records as JSON-RPC `read` returns them, before mapping to INV-01.
 * Only the fields the mapping reads are typed; the rest pass through untouched.
 */

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

/** Everything the mapping needs about one move. */
export interface OdooDocument {
  erp: 'odoo';
  records: OdooInvoiceRecords;
  /** Which `account.move` is the invoice; defaults to the first. */
  moveId?: number;
}
