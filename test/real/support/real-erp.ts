/**
 * Where the real ERPs are, and whether a test may use them. The genuine Odoo 17 and ERPNext 15 come
 * from `../shared/` (beside the checkout), which CI has and a user's machine does not:
 * - `../shared` absent: the real-ERP tests are skipped, saying so;
 * - present but the server not answering: skipped with the command that starts it, except under
 *   CI (`CI=true`), where `.ci/run` started it and a dead server is a failure, not a skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
export const SHARED_DIR = process.env.IRN_BRIDGE_SHARED ?? join(root, '..', 'shared');

export interface RealErp {
  kind: 'odoo17' | 'erpnext15';
  /** Base URL of its web client, e.g. http://127.0.0.1:8070. */
  url: string;
  /** Its folder in ../shared (setup.sh, README). */
  dir: string;
}

const TARGETS = {
  odoo17: { envUrl: 'IRN_BRIDGE_ODOO17_URL', url: 'http://127.0.0.1:8070', probe: '/web/webclient/version_info', method: 'POST' },
  erpnext15: { envUrl: 'IRN_BRIDGE_ERPNEXT15_URL', url: 'http://127.0.0.1:8010', probe: '/api/method/ping', method: 'GET' },
} as const;

async function answers(url: string, method: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }) : undefined,
      signal: AbortSignal.timeout(5000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** The real ERP, or the reason the tests that need it are skipped. Throws under CI when it should be up and is not. */
export async function findRealErp(kind: RealErp['kind']): Promise<RealErp | { skip: string }> {
  const t = TARGETS[kind];
  const dir = join(SHARED_DIR, kind);
  if (!existsSync(join(dir, 'setup.sh'))) {
    return { skip: `skipped: the real ${kind} is not on this machine (${dir} absent; CI has it)` };
  }
  const url = process.env[t.envUrl] ?? t.url;
  if (await answers(url + t.probe, t.method)) return { kind, url, dir };
  const msg = `the real ${kind} does not answer at ${url} (start it with: bash ${join(dir, 'setup.sh')} up)`;
  if (process.env.CI === 'true') throw new Error(msg);
  return { skip: `skipped: ${msg}` };
}
