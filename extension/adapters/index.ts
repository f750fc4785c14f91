/** The adapter registry: every ERP the extension knows, first match wins. */
import { createErpnextAdapter } from './erpnext';
import { createOdooAdapter } from './odoo';
import type { AdapterEnv, ErpAdapter } from './types';

export type { AdapterEnv, ErpAdapter, WriteBackOutcome } from './types';

export const ADAPTER_FACTORIES: ReadonlyArray<(env: AdapterEnv) => ErpAdapter> = [createErpnextAdapter, createOdooAdapter];

export function createAdapters(env: AdapterEnv): ErpAdapter[] {
  return ADAPTER_FACTORIES.map((make) => make(env));
}

/** The adapter for this page, when the URL is one of its invoice pages. */
export function findAdapter(adapters: ErpAdapter[], url: URL): ErpAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}
