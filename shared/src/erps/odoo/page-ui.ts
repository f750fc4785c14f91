/**
 * Odoo's web client as the clerk sees it: the form header's buttons (Odoo 17
 * `web/static/src/views/form/status_bar_buttons/status_bar_buttons.xml`: `.o_statusbar_buttons`),
 * its field labels (l10n_in 17.0), `/web#id=…&model=…` links (18.0 still redirects them), and where
 * each INV-01 field comes from in Odoo.
 */
import type { Inv01Invoice } from '../../invoice/types';
import { pathParts, type ErpLink, type ErpPageUi } from '../page-ui-kit';
import { actionSlot } from './action-slot';
import { productLines } from './lines';
import type { OdooDocument } from './records';
import { odooMove } from './summary';

const record = (origin: string, model: string, id: number) => `${origin}/web#id=${id}&model=${model}&view_type=form`;
const idOf = (m: unknown) => (Array.isArray(m) && typeof m[0] === 'number' ? m[0] : null);

function lines(doc: unknown, invoice: Inv01Invoice, origin: string): ErpLink[] {
  const d = doc as OdooDocument;
  let own: ReturnType<typeof productLines> = [];
  try {
    own = productLines(odooMove(d), d.records);
  } catch {
    own = [];
  }
  const items = invoice.ItemList ?? [];
  // Negative lines are folded into others (odoo/negative.ts): then the lines no longer pair one to one.
  const paired = own.length === items.length;
  return items.map((it, i) => {
    const line = paired ? own[i] : undefined;
    const product = line && Array.isArray(line.product_id) ? line.product_id : null;
    if (product) return { label: String(product[1]), href: record(origin, 'product.product', product[0]) };
    return { label: (line?.name ? String(line.name).split('\n')[0] : '') || it.PrdDesc || `Line ${i + 1}` };
  });
}

function customer(doc: unknown, origin: string): ErpLink | null {
  try {
    const move = odooMove(doc as OdooDocument);
    const id = idOf(move.partner_id);
    return id === null ? null : { label: String((move.partner_id as [number, string])[1]), href: record(origin, 'res.partner', id) };
  } catch {
    return null;
  }
}

const REDRAFT = 'Reset the invoice to draft, correct it and confirm it again.';

function fixFor(path: string, code: string): string | null {
  const { section, field } = pathParts(path);
  if (section === 'ItemList') {
    if (field === 'HsnCd') return 'Set the HSN/SAC Code on the product (product form, General Information tab).';
    if (field === 'Unit' || field === 'Qty') return `Check the line's Quantity and Unit of Measure, and the unit's Indian GST UQC (Inventory › Configuration › Units of Measure). ${REDRAFT}`;
    if (/^(GstRt|IgstAmt|CgstAmt|SgstAmt|CesAmt|CesRt|StateCes)/.test(field)) return `Check the Taxes of the invoice line and the customer's fiscal position. ${REDRAFT}`;
    return `Odoo computes the line's amounts from Quantity, Price and Disc.%: correct those. ${REDRAFT}`;
  }
  if (field === 'Pos') return `Set the invoice's Place of supply. ${REDRAFT}`;
  if (section === 'ValDtls') return `Odoo computes the totals from the lines, their taxes and the Cash Rounding: correct those. ${REDRAFT}`;
  if (section === 'BuyerDtls' || section === 'ShipDtls') return "Correct the customer's contact (Tax ID for the GSTIN, State, ZIP) and its GST Treatment.";
  if (section === 'SellerDtls' || section === 'DispDtls') return "Correct the company (Settings › Companies: Tax ID, State, ZIP).";
  if (section === 'DocDtls' && field === 'No') return 'The IRP allows 16 characters (letters, digits, / and -): shorten the journal\'s sequence prefix.';
  if (section === 'RefDtls') return 'A credit note needs its original invoice: create it with Add Credit Note from the invoice.';
  if (section === 'TranDtls') return "Check the GST Treatment on the customer and on the invoice.";
  void code;
  return null;
}

export const odooPageUi: ErpPageUi = {
  actionSlot,
  notFinal: 'Confirm the invoice first: only posted invoices can be registered with the IRP.',
  labels: { total: 'Total', grandTotal: 'Total', roundOff: 'Cash Rounding', taxable: 'Untaxed Amount' },
  lines,
  customer,
  fixFor,
};
