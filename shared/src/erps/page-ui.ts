/**
 * What the in-page panel needs to know about one ERP's own screens, beside its module: where the
 * ERP keeps its form actions (so IRN Bridge offers its action there), what the ERP calls things,
 * how to link to its item and customer records, and where in the ERP a field is fixed. Browser-safe,
 * DOM only, no I/O: one file per ERP (`<id>/page-ui.ts`), registered here by module id.
 */
import { erpnextPageUi } from './erpnext/page-ui';
import { odooPageUi } from './odoo/page-ui';
import { recipePageUi } from './recipe/page-ui';
import type { ErpPageUi } from './page-ui-kit';

export * from './page-ui-kit';

const PAGE_UI: Record<string, ErpPageUi> = {
  erpnext: erpnextPageUi,
  odoo: odooPageUi,
  recipe: recipePageUi,
};

/** The page knowledge for a module id; an unknown ERP gets the recipe's (no toolbar, INV-01 names). */
export function pageUiFor(moduleId: string): ErpPageUi {
  return PAGE_UI[moduleId] ?? recipePageUi;
}
