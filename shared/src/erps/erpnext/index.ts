/** ERPNext (Frappe desk v15, v16's /desk route; with or without India Compliance): the ERP module (see ../module.ts). */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { detectSalesInvoice } from './detect';
import { erpnextList } from './list';
import { mapErpnextDocument } from './map';
import { readSalesInvoice } from './read';
import { recordInErpnext } from './record';
import type { ErpnextDocument } from './records';
import { erpnextTotals, summarizeErpnext } from './summary';

export type * from './records';
export { mapErpnextDocument } from './map';
export { INDIA_COMPLIANCE_METHOD, addComment } from './record';

export const erpnext: ErpModule<ErpnextDocument> = {
  id: 'erpnext',
  label: 'ERPNext',
  writesBack: true,
  detect: (url) => detectSalesInvoice(url),
  read: readSalesInvoice,
  map(doc) {
    const issues: ValidationIssue[] = [];
    return { invoice: mapErpnextDocument(doc, issues), issues };
  },
  totals: erpnextTotals,
  summary: summarizeErpnext,
  list: erpnextList,
  record: recordInErpnext,
};
