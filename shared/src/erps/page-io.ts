/**
 * The page's half of the ERP registry: what the content script carries. A module's `detect`, `read`
 * and `record` must run in the ERP page (its session, its DOM); `map`, `totals` and `summary` are
 * computed from the document it read, so the background runs them (extension/background/prepare.ts)
 * and the page does not ship them (the content script stays under 50 kB, issue 12). Built-in ERPs
 * first, then the origin's recipes, first match wins, as in index.ts.
 */
import type { ErpDocumentBase, ErpDocumentRef, ErpModule } from './module';
import { erpnextPageIo } from './erpnext/page-io';
import { odooPageIo } from './odoo/page-io';
import { createRecipePageIo } from './recipe/page-io';
import type { Recipe } from './recipe/types';

/** The page's half of a module (the full module is an `ErpPageIo` too). */
export type ErpPageIo<Doc extends ErpDocumentBase = ErpDocumentBase> = Pick<ErpModule<Doc>, 'id' | 'label' | 'writesBack' | 'detect' | 'read' | 'record' | 'list'>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own document type
export type AnyErpPageIo = ErpPageIo<any>;

export const ERP_PAGE_IO: readonly AnyErpPageIo[] = [erpnextPageIo, odooPageIo];

/** The built-in ERPs, then `make(recipe)` for each of this origin's recipes (one that no longer compiles is left out; options shows why). */
export function forOrigin<M>(origin: string, recipes: readonly Recipe[], builtIn: readonly M[], make: (recipe: Recipe) => M): M[] {
  const taught: M[] = [];
  for (const recipe of recipes) {
    if (recipe.origin !== origin) continue;
    try {
      taught.push(make(recipe));
    } catch {
      // skipped: its pattern no longer compiles
    }
  }
  return [...builtIn, ...taught];
}

export const erpPageIoFor = (origin: string, recipes: readonly Recipe[] = []): AnyErpPageIo[] =>
  forOrigin(origin, recipes, ERP_PAGE_IO, (r) => createRecipePageIo(r));

/** The module (or its page half) whose invoice page this is, and the document it shows. */
export function findErpDocument<M extends Pick<ErpPageIo, 'detect'>>(modules: readonly M[], url: URL, page?: Document): { module: M; ref: ErpDocumentRef } | null {
  for (const module of modules) {
    const ref = module.detect(url, page);
    if (ref) return { module, ref };
  }
  return null;
}
