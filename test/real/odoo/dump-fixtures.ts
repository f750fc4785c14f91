/**
 * Refreshes the Odoo module's real-server fixtures (shared/src/erps/odoo/fixtures/odoo17-*.json):
 * for some documents of issue 8, what the module reads from the genuine Odoo 17.0 and the JSON
 * Odoo's own l10n_in_edi generates for them, so the module's unit tests check the mapping against
 * Odoo without a server. Run by hand with the real Odoo up:
 *   node --import tsx test/real/odoo/dump-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { odoo } from '@irn-bridge/shared/erps/odoo/index';
import type { DocumentKey } from './documents';
import { openRealOdoo } from './session';

const KEYS: DocumentKey[] = ['multiRate', 'negativeLine', 'exportUsd', 'childContact', 'cashRounding', 'creditFromWizard', 'reverseCharge', 'cess'];
const dir = new URL('../../../shared/src/erps/odoo/fixtures/', import.meta.url);

const real = await openRealOdoo({ only: KEYS });
for (const key of KEYS) {
  const made = real.docs.get(key)!;
  const doc = await odoo.read(real.rpc.io(), { erp: 'odoo', name: `account.move/${made.id}`, id: made.id });
  const generated = real.odooJson.get(made.id)!;
  const file = `odoo17-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;
  const about = `Read from a genuine Odoo 17.0 (l10n_in, l10n_in_edi) by the Odoo module: ${made.label}. odooJson is what Odoo's own _l10n_in_edi_generate_invoice_json made of it. Written by test/real/odoo/dump-fixtures.ts.`;
  writeFileSync(new URL(file, dir), `${JSON.stringify({ about, moveId: made.id, records: doc.records, odooJson: generated.json }, null, 1)}\n`);
  console.log(file, made.name);
}
