/**
 * Reads a Sales Invoice through the desk's REST API with the user's session, with what India
 * Compliance's builder reads beside it: the linked Address docs (company, customer, shipping,
 * dispatch, and for an export the port address), the posting date of the invoice a credit note is
 * against, the user's UOM map in GST Settings and, for an export, the buyer country's code.
 * An ordinary Accounts User may read all of these (GST Settings grants Accounts User read).
 */
import { ErpError, type ErpDocumentRef, type ErpIo } from '../module';
import { getJson, invoicePath } from './desk';
import type { ErpnextAddress, ErpnextDocument, ErpnextSalesInvoice, ErpnextUomMapRow } from './records';

export async function readSalesInvoice(io: ErpIo, ref: ErpDocumentRef): Promise<ErpnextDocument> {
  const invoice = await getJson<ErpnextSalesInvoice>(io, invoicePath(ref.name));
  if (invoice.doctype && invoice.doctype !== 'Sales Invoice') throw new ErpError('NOT_AN_INVOICE', `${ref.name} is not a Sales Invoice.`);
  const names = [invoice.company_address, invoice.customer_address, invoice.shipping_address_name, invoice.dispatch_address_name, invoice.port_address]
    .filter((n): n is string => typeof n === 'string' && n.length > 0);
  const addresses: Record<string, ErpnextAddress> = {};
  for (const name of new Set(names)) {
    addresses[name] = await getJson<ErpnextAddress>(io, `/api/resource/Address/${encodeURIComponent(name)}`);
  }
  let returnAgainst: { name: string; posting_date: string } | null = null;
  if (invoice.return_against) {
    const orig = await getJson<ErpnextSalesInvoice>(io, invoicePath(invoice.return_against));
    returnAgainst = { name: orig.name, posting_date: orig.posting_date };
  }
  // Optional: a site without India Compliance has no GST Settings; the mapping then uses the UQC table alone.
  const settings = await getJson<{ gst_uom_map?: ErpnextUomMapRow[] }>(io, `/api/resource/${encodeURIComponent('GST Settings')}/${encodeURIComponent('GST Settings')}`).catch(() => null);
  const countryCodes: Record<string, string> = {};
  const country = invoice.customer_address ? addresses[invoice.customer_address]?.country : undefined;
  if (country && country !== 'India') {
    const c = await getJson<{ code?: string }>(io, `/api/resource/Country/${encodeURIComponent(country)}`).catch(() => null);
    if (c?.code) countryCodes[country] = c.code;
  }
  const cancellationNoted = invoice.irn && invoice.docstatus === 1 ? await cancellationAttached(io, ref.name, String(invoice.irn)) : false;
  return { erp: 'erpnext', invoice, addresses, returnAgainst, uomMap: settings?.gst_uom_map ?? [], countryCodes, ...(cancellationNoted ? { cancellationNoted } : {}) };
}

/**
 * Whether record.ts already attached this IRN's cancellation (`e-invoice-<IRN>-cancelled.json`) to an
 * invoice ERPNext still holds as submitted: a user who may not cancel it noted it, a manager has to finish.
 */
async function cancellationAttached(io: ErpIo, name: string, irn: string): Promise<boolean> {
  const filters = JSON.stringify([['attached_to_doctype', '=', 'Sales Invoice'], ['attached_to_name', '=', name], ['file_name', '=', `e-invoice-${irn}-cancelled.json`]]);
  return io.fetch(`${io.origin}/api/method/frappe.client.get_count?${new URLSearchParams({ doctype: 'File', filters })}`, { credentials: 'include', headers: { Accept: 'application/json' } })
    .then(async (r) => (r.ok ? Number(((await r.json()) as { message?: unknown }).message ?? 0) > 0 : false))
    .catch(() => false);
}
