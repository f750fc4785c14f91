/**
 * On the real ERPNext 15 + India Compliance 15.25.6: for every case of issue 9, the invoice is created
 * and submitted by an ordinary Accounts User, read through the REST API by the ERPNext module as the
 * extension reads it, mapped to INV-01, and compared field by field with what India Compliance's own
 * builder (`EInvoiceData(doc).get_data()`, one bench-python call for all cases) makes of it. Each mapped
 * invoice must also pass the project's validator without errors and be registered by the offline IRP.
 * The comparison is printed for every case (and is the failure message when it fails).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { erpnext } from '@irn-bridge/shared/erps/erpnext/index';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import { IrpSession } from '@irn-bridge/companion/irp/index';
import { startOfflineIrp } from '@irn-bridge/companion/offline-irp/index';
import { findRealErp } from '../support/real-erp';
import { CASES, createInvoices } from './cases';
import { compareInvoices, formatRows } from '@irn-bridge/shared/erps/erpnext/compare-ic';
import { builderUnavailable, runIndiaComplianceBuilder, type BuilderResult } from './ic-builder';
import { nodeIo, startRun, type RealRun } from './run';
import { COMPANY } from './site';

const found = await findRealErp('erpnext15');
const skip = 'skip' in found ? found.skip : builderUnavailable() ? `skipped: ${builderUnavailable()}` : false;

describe("ERPNext 15 + India Compliance: the project's INV-01 equals India Compliance's builder", { skip }, () => {
  let run: RealRun;
  let names: Record<string, string>;
  let built: Record<string, BuilderResult>;
  let irp: Awaited<ReturnType<typeof startOfflineIrp>>;
  let session: IrpSession;
  const irpDir = mkdtempSync(join(tmpdir(), 'irn-real-erpnext-irp-'));

  before(async () => {
    if ('skip' in found) return;
    run = await startRun(found.url);
    names = await createInvoices(run.user, run.masters, run.taxes);
    built = await runIndiaComplianceBuilder(Object.values(names));
    irp = await startOfflineIrp({ port: 0, dataDir: irpDir });
    const seller = await run.admin.get<{ gstin?: string }>('Company', COMPANY);
    session = new IrpSession({
      baseUrl: irp.baseUrl, gstin: String(seller.gstin ?? '29AAHCA4821K1ZH'), ...irp.irp.credentials, publicKeyPem: irp.irp.publicKeyPem, timeoutMs: 15_000,
    }, { now: () => irp.irp.clock.now() });
  });
  after(async () => {
    await irp?.close();
    rmSync(irpDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    test(`${c.id}: ${c.title}`, async (t) => {
      const name = names[c.id];
      const doc = await erpnext.read(nodeIo(run.user), { erp: 'erpnext', name });
      const { invoice, issues } = erpnext.map(doc);
      const theirs = built[name];
      assert.ok(theirs && 'data' in theirs, `India Compliance's builder refused ${name}: ${theirs && 'error' in theirs ? theirs.error : 'no result'}`);
      const rows = compareInvoices(invoice, theirs.data);
      const table = formatRows(`${c.id} (${name})`, rows);
      t.diagnostic(table);
      assert.deepEqual(rows.filter((r) => r.verdict === 'DIFFERENT').map((r) => r.path), [], table);

      const mappingErrors = issues.filter((i) => i.severity === 'error');
      assert.deepEqual(mappingErrors, [], 'the mapping found nothing missing');
      const errors = validateInvoice(invoice, { now: new Date() }).filter((i) => i.severity === 'error');
      assert.deepEqual(errors.map((i) => `${i.code}@${i.path}: ${i.message}`), [], `${name} passes the project's validator`);

      const registered = await session.generateIrn(invoice);
      assert.match(registered.data.Irn, /^[0-9a-f]{64}$/, `${name} registered by the offline IRP`);
    });
  }
});
