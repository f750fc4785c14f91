/**
 * The ERP behind the page the content script runs in: the page's half of the registry's modules
 * (built-in ERPs, then this origin's recipes; shared/src/erps/page-io.ts, so the mapping code is not
 * in the page) and the `ErpIo` that lets a module talk to its ERP with the user's session.
 */
import type { ErpDocumentRef, ErpIo } from '@irn-bridge/shared/erps/module';
import { erpPageIoFor, findErpDocument, type AnyErpPageIo } from '@irn-bridge/shared/erps/page-io';
import type { Recipe } from '@irn-bridge/shared/erps/recipe/types';

/** One invoice page: the module that knows it, its I/O, and the document it shows. */
export interface ErpPage {
  module: AnyErpPageIo;
  io: ErpIo;
  ref: ErpDocumentRef;
}

/** `pageGlobals` and `qrPngBase64` are asked of the background (they need the main world, or the QR encoder the page does not carry). */
export function erpIoForPage(page: Document, pageGlobals: ErpIo['pageGlobals'], qrPngBase64: NonNullable<ErpIo['qrPngBase64']>): ErpIo {
  const g = globalThis as { content?: { fetch?: typeof fetch } };
  // Firefox: `content.fetch` sends the request as the page (its cookies, its Origin); Chromium's fetch already does.
  const pageFetch = g.content?.fetch?.bind(g.content);
  return {
    origin: page.location.origin,
    fetch: (input, init) => (pageFetch ?? fetch)(input, init),
    document: page,
    pageGlobals,
    qrPngBase64,
  };
}

/**
 * A finder for the invoice the page shows (null when none). The modules for this origin are made
 * once (each recipe compiles its URL pattern); each call is cheap (no I/O): the module's read confirms it.
 */
export function erpPageFinder(io: ErpIo, recipes: readonly Recipe[]): (page: Document) => ErpPage | null {
  const modules = erpPageIoFor(io.origin, recipes);
  return (page) => {
    const found = findErpDocument(modules, new URL(page.location.href), page);
    return found ? { ...found, io } : null;
  };
}
