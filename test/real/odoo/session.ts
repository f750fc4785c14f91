/**
 * One real-Odoo session per test file: log in, make sure the master data is there, make the
 * documents, and ask Odoo's own generator for their JSON in one odoo-bin shell call.
 */
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

export async function openRealOdoo(opts: { only?: DocumentKey[]; odooJson?: boolean } = {}): Promise<RealOdoo> {
  if ('skip' in realOdoo) throw new Error(realOdoo.skip);
  const rpc = await OdooRpc.login({ url: realOdoo.url, ...ODOO17_LOGIN });
  const masters = await ensureMasters(rpc);
  const made = await makeDocuments(rpc, masters, opts.only);
  const odooJson = opts.odooJson === false ? new Map() : await odooGeneratedJson(made.map((d) => d.id));
  return { url: realOdoo.url, rpc, masters, docs: new Map(made.map((d) => [d.key, d])), odooJson };
}
