/** ERPNext (Frappe desk v15, v16's /desk route; with or without India Compliance): the ERP module (see ../module.ts). */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { erpnextPageIo } from './page-io';
import { mapErpnextDocument } from './map';
import type { ErpnextDocument } from './records';
import { erpnextTotals, summarizeErpnext } from './summary';

export type * from './records';
export { mapErpnextDocument } from './map';
export { INDIA_COMPLIANCE_METHOD, addComment } from './record';

export const erpnext: ErpModule<ErpnextDocument> = {
  // The page's half (detect, read, record, list) is the one the content script carries.
  ...erpnextPageIo,
  map(doc) {
    const issues: ValidationIssue[] = [];
    return { invoice: mapErpnextDocument(doc, issues), issues };
  },
  totals: erpnextTotals,
  summary: summarizeErpnext,
};
