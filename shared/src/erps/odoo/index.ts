/** Odoo 17.0 / 18.0 with the Indian localisation (l10n_in, optionally l10n_in_edi): the ERP module (see ../module.ts and docs/erps/odoo.md). */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { detectOdooMove } from './detect';
import { odooList } from './list';
import { mapOdooInvoice } from './map';
import { readOdooMove } from './read';
import { recordInOdoo } from './record';
import type { OdooDocument } from './records';
import { odooTotals, summarizeOdoo } from './summary';

export type * from './records';
export { mapOdooInvoice, type OdooMapOptions } from './map';
export { detectOdooMove, odooMoveIdFromUrl } from './detect';

export const odoo: ErpModule<OdooDocument> = {
  id: 'odoo',
  label: 'Odoo',
  writesBack: true,
  detect: (url) => detectOdooMove(url),
  read: readOdooMove,
  map(doc) {
    const issues: ValidationIssue[] = [];
    return { invoice: mapOdooInvoice(doc.records, { moveId: doc.moveId, issues }), issues };
  },
  totals: odooTotals,
  summary: summarizeOdoo,
  list: odooList,
  record: recordInOdoo,
};
