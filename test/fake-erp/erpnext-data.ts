/** The fake ERPNext's documents: the project's fixtures, shaped by the site variant. */
import type { ErpnextAddress, ErpnextSalesInvoice } from '@irn-bridge/shared/erps/erpnext/records';
import { loadFixture } from './common';

/**
 * - `india-compliance`: the India Compliance app is installed: Sales Invoice has `irn` and `einvoice_status`,
 *   and `mark_e_invoice_as_generated` exists.
 * - `irn-fields`: plain ERPNext whose Sales Invoice has custom fields `irn`, `ack_no`, `ack_date`,
 *   `signed_qr_code` (editable after submit); no India Compliance.
 * - `comment-only`: none of those fields; the only write-back is a Comment.
 */
export type ErpnextVariant = 'india-compliance' | 'irn-fields' | 'comment-only';

/** Fields a PUT may change on a submitted invoice, per variant ("Allow on Submit" in the doctype). */
export const WRITABLE_AFTER_SUBMIT: Record<ErpnextVariant, readonly string[]> = {
  'india-compliance': ['irn', 'einvoice_status'],
  'irn-fields': ['irn', 'ack_no', 'ack_date', 'signed_qr_code'],
  'comment-only': [],
};

/** The demo invoices, in the order the demo lists them. */
export const ERPNEXT_INVOICE_FILES = [
  'sales-invoice-interstate.json', // ASW-26-00042, Karnataka → Andhra Pradesh, IGST
  'sales-invoice-intrastate-with-service.json', // ASW-26-00043, within Karnataka, CGST/SGST, one service line
  'sales-invoice-credit-note.json', // ASW-26-00051, return against ASW-26-00042
  'sales-invoice-debit-note.json', // ASW-26-00052, debit note against ASW-26-00043
  'sales-invoice-invalid.json', // ASW-26-00099, bad HSN and a wrong grand total
  'sales-invoice-draft.json', // ASW-26-00044, docstatus 0: no IRN may be generated
  'sales-invoice-goods-only.json', // ASW-26-00045, Karnataka → Andhra Pradesh, IGST, goods only: for the e-way bill
] as const;

const ADDRESS_FILES = ['address-company-billing.json', 'address-rangoli-foods.json', 'address-bhima-stores.json'];

const IC_FIELDS = ['irn', 'einvoice_status'];

function shapeForVariant(inv: ErpnextSalesInvoice, variant: ErpnextVariant): ErpnextSalesInvoice {
  const doc: ErpnextSalesInvoice = { ...inv, modified: '2026-11-24 10:00:00.000000', owner: 'Administrator' };
  if (variant !== 'india-compliance') for (const f of IC_FIELDS) delete doc[f];
  if (variant === 'irn-fields') Object.assign(doc, { irn: null, ack_no: null, ack_date: null, signed_qr_code: null });
  return doc;
}

export function loadErpnextInvoices(variant: ErpnextVariant): Map<string, ErpnextSalesInvoice> {
  const map = new Map<string, ErpnextSalesInvoice>();
  for (const file of ERPNEXT_INVOICE_FILES) {
    const inv = loadFixture<{ data: ErpnextSalesInvoice }>(`erpnext/${file}`).data;
    map.set(inv.name, shapeForVariant(inv, variant));
  }
  return map;
}

export function loadErpnextAddresses(): Map<string, ErpnextAddress> {
  const map = new Map<string, ErpnextAddress>();
  for (const file of ADDRESS_FILES) {
    const a = loadFixture<{ data: ErpnextAddress }>(`erpnext/${file}`).data;
    map.set(a.name, a);
  }
  return map;
}
