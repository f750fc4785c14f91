/** ERPNext (Frappe desk, v15, optionally with India Compliance): the ERP module (see ../module.ts). */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { detectSalesInvoice } from './detect';
import { mapErpnextInvoice } from './map';
import { readSalesInvoice } from './read';
import { recordInErpnext } from './record';
import type { ErpnextDocument } from './records';
import { erpnextTotals, summarizeErpnext } from './summary';

export type * from './records';
export { mapErpnextInvoice, type ErpnextMapOptions } from './map';
export { INDIA_COMPLIANCE_METHOD } from './record';

export const erpnext: ErpModule<ErpnextDocument> = {
  id: 'erpnext',
  label: 'ERPNext',
  writesBack: true,
  detect: (url) => detectSalesInvoice(url),
  read: readSalesInvoice,
  map(doc) {
    const issues: ValidationIssue[] = [];
    return { invoice: mapErpnextInvoice(doc.invoice, doc.addresses, { returnAgainst: doc.returnAgainst, issues }), issues };
  },
  totals: erpnextTotals,
  summary: summarizeErpnext,
  record: recordInErpnext,
};
