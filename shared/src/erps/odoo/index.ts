/** Odoo 17.0 / 18.0 with the Indian localisation (l10n_in, optionally l10n_in_edi): the ERP module (see ../module.ts and docs/erps/odoo.md). */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { odooPageIo } from './page-io';
import { mapOdooInvoice } from './map';
import type { OdooDocument } from './records';
import { odooTotals, summarizeOdoo } from './summary';

export type * from './records';
export { mapOdooInvoice, type OdooMapOptions } from './map';
export { detectOdooMove, odooMoveIdFromUrl } from './detect';

export const odoo: ErpModule<OdooDocument> = {
  // The page's half (detect, read, record, list) is the one the content script carries.
  ...odooPageIo,
  map(doc) {
    const issues: ValidationIssue[] = [];
    return { invoice: mapOdooInvoice(doc.records, { moveId: doc.moveId, issues }), issues };
  },
  totals: odooTotals,
  summary: summarizeOdoo,
};
