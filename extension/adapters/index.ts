/** The adapter registry: every ERP the extension knows, first match wins; user recipes come after the built-in adapters. */
import type { Recipe } from '@irn-bridge/shared/erp/recipe';
import { createErpnextAdapter } from './erpnext';
import { createOdooAdapter } from './odoo';
import { createRecipeAdapter } from './recipe';
import type { AdapterEnv, ErpAdapter } from './types';

export type { AdapterEnv, ErpAdapter, WriteBackOutcome } from './types';

export const ADAPTER_FACTORIES: ReadonlyArray<(env: AdapterEnv) => ErpAdapter> = [createErpnextAdapter, createOdooAdapter];

/** The built-in adapters, then one per recipe for this page's origin (recipes are per origin). */
export function createAdapters(env: AdapterEnv, recipes: readonly Recipe[] = []): ErpAdapter[] {
  const taught: ErpAdapter[] = [];
  for (const recipe of recipes) {
    if (recipe.origin !== env.origin) continue;
    try {
      taught.push(createRecipeAdapter(env, recipe));
    } catch {
      // A recipe whose URL pattern no longer compiles is skipped; options shows its issues.
    }
  }
  return [...ADAPTER_FACTORIES.map((make) => make(env)), ...taught];
}

/** The adapter for this page, when the URL is one of its invoice pages. */
export function findAdapter(adapters: ErpAdapter[], url: URL): ErpAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}
