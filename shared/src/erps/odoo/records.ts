/**
 * Odoo (l10n_in) records as JSON-RPC `read` returns them, before mapping to INV-01. The fields are
 * the ones `fields.ts` asks for, by their 17.0 names (and 18.0's where they differ). Many2one fields
 * are `[id, display_name]` or false.
 */
import type { OdooWrittenBack } from './written-back';

export type OdooMany2one = [number, string] | false;

export interface OdooAccountMove {
  id: number;
  name: string;
  /** out_invoice, out_refund; in_* are vendor bills and `entry` journal entries, not ours to register. */
  move_type: string;
  /** draft, posted, cancel */
  state: string;
  invoice_date: string | false;
  date?: string | false;
  partner_id: OdooMany2one;
  partner_shipping_id?: OdooMany2one;
  commercial_partner_id?: OdooMany2one;
  company_id: OdooMany2one;
  currency_id?: OdooMany2one;
  company_currency_id?: OdooMany2one;
  /** Invoice currency. */
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  /** Company currency, signed (negative on a credit note). */
  amount_untaxed_signed?: number;
  amount_tax_signed?: number;
  amount_total_signed?: number;
  l10n_in_gst_treatment?: string | false;
  /** Place of supply. */
  l10n_in_state_id?: OdooMany2one;
  l10n_in_shipping_bill_number?: string | false;
  l10n_in_shipping_bill_date?: string | false;
  l10n_in_shipping_port_code_id?: OdooMany2one;
  /** Product lines (the cash-rounding line is only in `line_ids`). */
  invoice_line_ids: number[];
  /** Every journal item: product, tax, rounding, payment term lines. */
  line_ids?: number[];
  reversed_entry_id?: OdooMany2one;
  /** account_debit_note only. */
  debit_origin_id?: OdooMany2one;
  /** account_edi (17.0) only. */
  edi_document_ids?: number[];
  /** l10n_in_edi 18.0: the e-invoice state kept on the move itself. */
  l10n_in_edi_status?: string | false;
  [field: string]: unknown;
}

export interface OdooMoveLine {
  id: number;
  move_id: OdooMany2one;
  /** 17.0: product, line_section, line_note, rounding, tax, payment_term, epd (false on older data). */
  display_type: string | false;
  sequence?: number;
  product_id?: OdooMany2one;
  name: string | false;
  quantity: number;
  product_uom_id?: OdooMany2one;
  /** Invoice currency. */
  price_unit: number;
  /** Percent. */
  discount: number;
  tax_ids: number[];
  /** Invoice currency, tax excluded / included. */
  price_subtotal: number;
  price_total: number;
  /** Company currency, debit − credit: negative on an invoice's income line. */
  balance?: number;
  /** 18.0 only: the HSN copied to the line. In 17.0 it is on the product. */
  l10n_in_hsn_code?: string | false;
  [field: string]: unknown;
}

export interface OdooProduct {
  id: number;
  display_name?: string;
  /** product.template's field, read through product.product. */
  l10n_in_hsn_code?: string | false;
  /** 17.0: consu / service / product. */
  detailed_type?: string | false;
  type?: string | false;
  [field: string]: unknown;
}

export interface OdooTax {
  id: number;
  name: string;
  /** Percent, or the fixed amount for amount_type "fixed". */
  amount: number;
  /** percent, fixed, group, division, code */
  amount_type: string;
  price_include?: boolean;
  tax_group_id?: OdooMany2one;
  children_tax_ids?: number[];
  /** The tax's repartition lines on invoices: their tags tell Odoo the tax's kind. */
  invoice_repartition_line_ids?: number[];
  /** l10n_in: the supply is under reverse charge. */
  l10n_in_reverse_charge?: boolean;
  /** 18.0 only (computed from the tags): igst, cgst, sgst, cess. */
  l10n_in_tax_type?: string | false;
  description?: string | false;
  invoice_label?: string | false;
  [field: string]: unknown;
}

export interface OdooRepartitionLine {
  id: number;
  /** base or tax */
  repartition_type: string;
  tag_ids: number[];
  factor_percent?: number;
  [field: string]: unknown;
}

export interface OdooTag {
  id: number;
  /** l10n_in's tags: "IGST", "CGST", "SGST", "CESS", "STATE CESS", "IGST (RC)", "EXEMPT", "NIL-RATED"… */
  name: string;
  [field: string]: unknown;
}

export interface OdooPartner {
  id: number;
  name: string | false;
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
  commercial_partner_id?: OdooMany2one;
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
  currency_id?: OdooMany2one;
  [field: string]: unknown;
}

export interface OdooPortCode {
  id: number;
  code: string;
  [field: string]: unknown;
}

/** One list per model, as `read.ts` collects them. */
export interface OdooInvoiceRecords {
  /** The invoice first; the invoice it reverses (credit/debit note) may follow. */
  'account.move': OdooAccountMove[];
  /** Every line of the move (`line_ids`), product lines and the rounding line included. */
  'account.move.line': OdooMoveLine[];
  'product.product'?: OdooProduct[];
  'account.tax': OdooTax[];
  'account.tax.repartition.line'?: OdooRepartitionLine[];
  'account.account.tag'?: OdooTag[];
  'res.partner': OdooPartner[];
  'res.country.state': OdooCountryState[];
  'uom.uom': OdooUom[];
  'res.company': OdooCompany[];
  'l10n_in.port.code'?: OdooPortCode[];
}

/** Odoo's own e-invoice (l10n_in_edi) as found on the move, when that module is installed. */
export interface OdooEdiState {
  /** 17.0: an account.edi.document of format in_einvoice_1_03; 18.0: fields on the move. */
  flavour: '17' | '18';
  /** to_send, sent, to_cancel, cancelled… or null when Odoo has none for this move. */
  state: string | null;
  /** The IRN in Odoo's stored IRP response, when registered. */
  irn: string | null;
}

export interface OdooDocument {
  erp: 'odoo';
  records: OdooInvoiceRecords;
  /** Which `account.move` is the invoice; defaults to the first. */
  moveId?: number;
  /** Null when l10n_in_edi is not installed (or not readable). */
  edi?: OdooEdiState | null;
  /** IRN Bridge's JSON attachments on the move (odoo/written-back.ts); null when not readable. */
  writtenBack?: OdooWrittenBack | null;
}
