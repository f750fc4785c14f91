/** ERPNext's half of the module that runs in the page (see ../module.ts `ErpPageIo`): detection, read, record, the invoice list (bulk). */
import type { ErpPageIo } from '../page-io';
import { erpnextList } from './list';
import { detectSalesInvoice } from './detect';
import { readSalesInvoice } from './read';
import { recordInErpnext } from './record';
import type { ErpnextDocument } from './records';

export const erpnextPageIo: ErpPageIo<ErpnextDocument> = {
  id: 'erpnext',
  label: 'ERPNext',
  writesBack: true,
  detect: (url) => detectSalesInvoice(url),
  read: readSalesInvoice,
  record: recordInErpnext,
  list: erpnextList,
};
