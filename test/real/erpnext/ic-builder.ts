/**
 * Runs India Compliance's own e-invoice builder (`EInvoiceData(doc).get_data()`,
 * india_compliance/gst_india/utils/e_invoice.py) for many invoices in ONE call of the bench's Python,
 * the way ../shared/erpnext15/setup.sh runs its wizard.py: from the bench's `sites` dir, with
 * `../env/bin/python`. One call costs the bench's start-up (a few seconds) once per run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ERP_BENCH = process.env.ERP_BENCH ?? '/opt/irn-erpnext15';
export const ERP_SITE = process.env.ERP_SITE ?? 'erpnext.test';
const SCRIPT = new URL('./ic_builder.py', import.meta.url).pathname;
const MARK = 'IRN-BRIDGE-IC-BUILDER:';

export type BuilderResult = { data: Record<string, unknown> } | { error: string };

/** Why the builder cannot run here (no bench on this machine), or null. */
export function builderUnavailable(): string | null {
  return existsSync(join(ERP_BENCH, 'env', 'bin', 'python')) ? null : `the bench is not at ${ERP_BENCH} (set ERP_BENCH)`;
}

export function runIndiaComplianceBuilder(names: string[]): Promise<Record<string, BuilderResult>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      join(ERP_BENCH, 'env', 'bin', 'python'),
      [SCRIPT, ERP_SITE],
      { cwd: join(ERP_BENCH, 'sites'), maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (err, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(MARK));
        if (!line) return reject(new Error(`India Compliance's builder printed no result${err ? ` (${err.message})` : ''}:\n${stderr.slice(-2000)}`));
        resolve(JSON.parse(line.slice(MARK.length)) as Record<string, BuilderResult>);
      },
    );
    child.stdin?.end(JSON.stringify(names));
  });
}
