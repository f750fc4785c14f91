/**
 * One real-Odoo session per test file: log in, make sure the master data is there, make the
 * documents, and ask Odoo's own generator for their JSON in one odoo-bin shell call.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRealErp } from '../support/real-erp';
import { makeDocuments, type DocumentKey, type MadeDocument } from './documents';
import { ensureMasters, type Masters } from './masters';
import { odooGeneratedJson, type OdooGenerated } from './odoo-json';
import { OdooRpc, ODOO17_LOGIN } from './rpc';

export interface RealOdoo {
  url: string;
  rpc: OdooRpc;
  masters: Masters;
  docs: Map<DocumentKey, MadeDocument>;
  odooJson: Map<number, OdooGenerated>;
}

/** The real Odoo 17 or the reason tests are skipped (findRealErp throws under CI when it should be up). */
export const realOdoo = await findRealErp('odoo17');
export const skipReason: string | false = 'skip' in realOdoo ? realOdoo.skip : false;

/**
 * One test process at a time sets up the company and master data: on a fresh database the first
 * company write makes l10n_in load its fiscal positions, which two processes must not do at once.
 */
async function oneAtATime<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), name);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a process that died is older than any set-up takes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 180_000) throw new Error(`Waited 3 minutes for ${lock}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function openRealOdoo(opts: { only?: DocumentKey[]; odooJson?: boolean } = {}): Promise<RealOdoo> {
  if ('skip' in realOdoo) throw new Error(realOdoo.skip);
  const rpc = await OdooRpc.login({ url: realOdoo.url, ...ODOO17_LOGIN });
  const masters = await oneAtATime('irn-bridge-odoo17-masters.lock', () => ensureMasters(rpc));
  const made = await makeDocuments(rpc, masters, opts.only);
  const odooJson = opts.odooJson === false ? new Map() : await odooGeneratedJson(made.map((d) => d.id));
  return { url: realOdoo.url, rpc, masters, docs: new Map(made.map((d) => [d.key, d])), odooJson };
}
