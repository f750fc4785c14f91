/** Reads a Sales Invoice and its linked Address docs (and the invoice a return is against). */
import type { ErpDocumentRef, ErpIo } from '../module';
import { getJson, invoicePath } from './desk';
import type { ErpnextAddress, ErpnextDocument, ErpnextSalesInvoice } from './records';

export async function readSalesInvoice(io: ErpIo, ref: ErpDocumentRef): Promise<ErpnextDocument> {
  const invoice = await getJson<ErpnextSalesInvoice>(io, invoicePath(ref.name));
  const names = [invoice.company_address, invoice.customer_address, invoice.shipping_address_name, invoice.dispatch_address_name]
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
  return { erp: 'erpnext', invoice, addresses, returnAgainst };
}
