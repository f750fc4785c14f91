/**
 * Captures real ERPNext 15 + India Compliance answers as fixtures, so that the mapping is held against
 * India Compliance's own builder on machines without the real server (shared/src/erps/erpnext/map-real.test.ts).
 * Run by hand against a running server:  node --import tsx test/real/erpnext/capture.ts
 * Each file: the document as the module reads it (the Accounts User's REST answers) and India
 * Compliance's `EInvoiceData(doc).get_data()` for the same submitted invoice.
 */
import { writeFileSync } from 'node:fs';
import { erpnext } from '@irn-bridge/shared/erps/erpnext/index';
import { CASES, createInvoices } from './cases';
import { runIndiaComplianceBuilder } from './ic-builder';
import { nodeIo, startRun } from './run';

const PICK = ['intra-list-price', 'tax-inclusive', 'cash-discount', 'freight-before-gst', 'deduction-after-gst', 'reverse-charge', 'export-without-payment', 'credit-note-linked', 'debit-note-value-only', 'uom-map', 'nil-rated-line'];
const OUT = new URL('../../../shared/src/erps/erpnext/fixtures/india-compliance/', import.meta.url);

const run = await startRun(process.env.IRN_BRIDGE_ERPNEXT15_URL ?? 'http://127.0.0.1:8010');
const cases = CASES.filter((c) => PICK.includes(c.id) || PICK.some((p) => CASES.find((x) => x.id === p)?.against === c.id));
const names = await createInvoices(run.user, run.masters, run.taxes, cases);
const built = await runIndiaComplianceBuilder(Object.values(names));
for (const id of PICK) {
  const doc = await erpnext.read(nodeIo(run.user), { erp: 'erpnext', name: names[id] });
  const ic = built[names[id]];
  if (!('data' in ic)) throw new Error(`${id}: ${ic.error}`);
  const title = CASES.find((c) => c.id === id)?.title;
  const file = { case: id, title, source: 'frappe 15.101.1, erpnext 15.99.1, india_compliance 15.25.6 (../shared/erpnext15)', document: doc, indiaCompliance: ic.data };
  writeFileSync(new URL(`${id}.json`, OUT), JSON.stringify(file, null, 1) + '\n');
  console.log('captured', id, names[id]);
}
