/** Odoo's half of the module that runs in the page (see ../module.ts `ErpPageIo`): detection, read, record, the invoice list (bulk). */
import type { ErpPageIo } from '../page-io';
import { odooList } from './list';
import { detectOdooMove } from './detect';
import { readOdooMove } from './read';
import { recordInOdoo } from './record';
import type { OdooDocument } from './records';

export const odooPageIo: ErpPageIo<OdooDocument> = {
  id: 'odoo',
  label: 'Odoo',
  writesBack: true,
  detect: (url) => detectOdooMove(url),
  read: readOdooMove,
  record: recordInOdoo,
  list: odooList,
};
