/**
 * ERPNext's desk as the clerk sees it: the form toolbar (action-slot.ts), its field labels, the `/app/<doctype>/<name>` links, and where each INV-01
 * field comes from in ERPNext and India Compliance.
 */
import type { Inv01Invoice } from '../../invoice/types';
import { pathParts, type ErpLink, type ErpPageUi } from '../page-ui-kit';
import { actionSlot } from './action-slot';
import type { ErpnextDocument } from './records';

const desk = (origin: string, doctype: string, name: string) => `${origin}/app/${doctype}/${encodeURIComponent(name)}`;

function lines(doc: unknown, invoice: Inv01Invoice, origin: string): ErpLink[] {
  const rows = (doc as ErpnextDocument).invoice?.items ?? [];
  // The mapping numbers lines by the row's idx (erpnext/map.ts: SlNo = idx).
  return (invoice.ItemList ?? []).map((it, i) => {
    const row = rows.find((r) => String(r.idx) === it.SlNo) ?? rows[i];
    const code = row?.item_code ? String(row.item_code) : '';
    return code ? { label: code, href: desk(origin, 'item', code) } : { label: row?.item_name ? String(row.item_name) : it.PrdDesc || `Row ${i + 1}` };
  });
}

function customer(doc: unknown, origin: string): ErpLink | null {
  const inv = (doc as ErpnextDocument).invoice;
  if (!inv?.customer) return null;
  return { label: inv.customer_name || inv.customer, href: desk(origin, 'customer', inv.customer) };
}

const AMEND = 'A submitted invoice cannot be edited: Cancel it, Amend, correct it and submit the amendment.';

function fixFor(path: string, code: string): string | null {
  const { section, field } = pathParts(path);
  if (section === 'ItemList') {
    if (field === 'HsnCd') return `Set the HSN/SAC on the Item (Item › HSN/SAC) and on this row of the Items table. ${AMEND}`;
    if (field === 'Unit' || field === 'Qty') return `Check the row's UOM and Qty in the Items table; map the UOM to a GST unit in GST Settings › UOM Map. ${AMEND}`;
    if (/^(GstRt|IgstAmt|CgstAmt|SgstAmt|CesAmt|CesRt|StateCes)/.test(field)) return `Check the Item Tax Template of the item and the Sales Taxes and Charges Template of the invoice. ${AMEND}`;
    return `ERPNext computes the row's amounts from Qty, Rate and the taxes: correct those in the Items table. ${AMEND}`;
  }
  if (field === 'Pos') return `Set the Place of Supply on the invoice (Address & Contact section). ${AMEND}`;
  if (section === 'ValDtls') return `ERPNext computes the totals from the Items and the Sales Taxes and Charges table (and the Rounding Adjustment): correct the rows or taxes there. ${AMEND}`;
  if (section === 'BuyerDtls' || section === 'ShipDtls') return "Correct the customer's address (Address › GSTIN, State, Postal Code) or Customer › GST Category, then select the address again on the invoice.";
  if (section === 'SellerDtls' || section === 'DispDtls') return "Correct the company's address (Address › GSTIN, State, Postal Code) and select it as Company Address on the invoice.";
  if (section === 'DocDtls' && field === 'No') return 'The IRP allows 16 characters (letters, digits, / and -): shorten the naming series of Sales Invoice.';
  if (section === 'RefDtls') return 'Set Return Against on the credit or debit note.';
  if (section === 'TranDtls') return 'Check Customer › GST Category and, for an export, "Is Export With Payment of GST" on the invoice.';
  void code;
  return null;
}

export const erpnextPageUi: ErpPageUi = {
  actionSlot,
  notFinal: 'Submit the invoice first: only submitted invoices can be registered with the IRP.',
  labels: { total: 'Rounded Total', grandTotal: 'Grand Total', roundOff: 'Rounding Adjustment', taxable: 'Net Total' },
  lines,
  customer,
  fixFor,
};
