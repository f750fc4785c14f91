/**
 * ERPNext v15 (+ India Compliance) documents as its REST API returns them, before mapping to INV-01.
 * Only the fields the mapping reads are typed; the rest pass through untouched.
 */

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
  /** A cash (non-trade) discount: booked after tax, sent as ValDtls.Discount. */
  is_cash_or_non_trade_discount?: number | null;
  discount_amount?: number | null;
  base_discount_amount?: number | null;
  /** India Compliance, exports: the port the goods leave from (ShipDtls), the shipping bill and port code (ExpDtls). */
  port_address?: string | null;
  shipping_bill_number?: string | null;
  /** yyyy-mm-dd */
  shipping_bill_date?: string | null;
  port_code?: string | null;
  /** India Compliance custom fields; absent from the REST answer while they are empty (Frappe drops nulls). */
  irn?: string | null;
  einvoice_status?: string | null;
  ewaybill?: string | null;
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

/** One row of India Compliance's "GST Settings" → UOM map: an ERPNext UOM and its GST unit ("BAG (Bags)"). */
export interface ErpnextUomMapRow {
  uom: string;
  gst_uom: string;
  [field: string]: unknown;
}

/** Everything the mapping needs about one Sales Invoice, as read from the desk's REST API. */
export interface ErpnextDocument {
  erp: 'erpnext';
  invoice: ErpnextSalesInvoice;
  /** Linked Address docs by name (company, customer, shipping, dispatch, port). */
  addresses: Record<string, ErpnextAddress>;
  /** For a return or debit note: the invoice in `return_against`. */
  returnAgainst?: ErpnextOriginalInvoice | null;
  /** The user's own UOM map in GST Settings (India Compliance), first in the unit lookup. */
  uomMap?: ErpnextUomMapRow[];
  /** Country name → ISO code (the Country doc's `code`), for an export's ExpDtls.CntCode. */
  countryCodes?: Record<string, string>;
  /** The IRN's cancellation is attached, but the invoice is still submitted (read.ts cancellationAttached). */
  cancellationNoted?: boolean;
}
