/**
 * The ERP registry: every ERP IRN Bridge knows, one line each, first match wins. User-taught
 * recipes (`recipe/`) come after the built-in modules, one per recipe, for the recipe's origin only.
 */
import type { ErpDocumentBase, ErpDocumentRef, ErpInvoiceSummary, ErpMapping, ErpModule, ErpTotals } from './module';
import { erpnext } from './erpnext/index';
import type { ErpnextDocument } from './erpnext/records';
import { odoo } from './odoo/index';
import type { OdooDocument } from './odoo/records';
import { createRecipeModule, type Recipe, type RecipeDocument } from './recipe/index';
import { findErpDocument, forOrigin } from './page-io';

export * from './module';
export { erpnext, odoo, createRecipeModule, findErpDocument };
export type { ErpPageIo, AnyErpPageIo } from './page-io';
export type { ErpnextDocument, OdooDocument, RecipeDocument };

/** A document any built-in module (or a recipe) read. */
export type ErpDocument = ErpnextDocument | OdooDocument | RecipeDocument;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own document type
export type AnyErpModule = ErpModule<any>;

export const ERP_MODULES: readonly AnyErpModule[] = [
  erpnext,
  odoo,
];

/** The built-in modules, then one per recipe for this origin (a recipe that no longer compiles is left out; options shows why). */
export function erpModulesFor(origin: string, recipes: readonly Recipe[] = [], builtIn: readonly AnyErpModule[] = ERP_MODULES): AnyErpModule[] {
  return forOrigin(origin, recipes, builtIn, (r) => createRecipeModule(r));
}

/** The module that reads and maps `doc` (a recipe document carries its recipe). */
export function moduleForDocument(doc: ErpDocumentBase): AnyErpModule {
  if (doc.erp === 'recipe') return createRecipeModule((doc as RecipeDocument).recipe);
  const module = ERP_MODULES.find((m) => m.id === doc.erp);
  if (!module) throw new Error(`No ERP module is registered for "${doc.erp}".`);
  return module;
}

export const mapErpDocumentWithIssues = (doc: ErpDocument): ErpMapping => moduleForDocument(doc).map(doc);
export const mapErpDocument = (doc: ErpDocument) => mapErpDocumentWithIssues(doc).invoice;
export const erpTotals = (doc: ErpDocument): ErpTotals => moduleForDocument(doc).totals(doc);
export const summarizeErpDocument = (doc: ErpDocument): ErpInvoiceSummary => moduleForDocument(doc).summary(doc);
