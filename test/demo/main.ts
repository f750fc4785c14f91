/**
 * `pnpm demo`: fake ERPNext on localhost:8001, fake Odoo on localhost:8069 and the companion (DEMO
 * profile, offline IRP) on its usual port, then a guide for a newcomer.
 *
 * Environment: DEMO_ERPNEXT_PORT (8001), DEMO_ODOO_PORT (8069), IRN_BRIDGE_PORT (the companion's default),
 * IRN_BRIDGE_HOME (default: the same home as `irn-bridge start`), DEMO_ERPNEXT_VARIANT
 * (india-compliance | irn-fields | comment-only).
 */
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import type { ErpnextVariant } from '../fake-erp/erpnext';
import { startDemo } from './demo';
import { demoHome } from './companion';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}="${raw}" is not a port number.`);
  return n;
}

const VARIANTS: ErpnextVariant[] = ['india-compliance', 'irn-fields', 'comment-only'];

async function main(): Promise<void> {
  const variant = (process.env.DEMO_ERPNEXT_VARIANT ?? 'india-compliance') as ErpnextVariant;
  if (!VARIANTS.includes(variant)) throw new Error(`DEMO_ERPNEXT_VARIANT must be one of ${VARIANTS.join(', ')}.`);
  const demo = await startDemo({
    erpnextPort: port('DEMO_ERPNEXT_PORT', 8001),
    odooPort: port('DEMO_ODOO_PORT', 8069),
    companionPort: port('IRN_BRIDGE_PORT', DEFAULT_COMPANION_PORT),
    home: demoHome(),
    erpnextVariant: variant,
  });
  console.log(demo.guide());

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo…');
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
