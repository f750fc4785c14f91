/**
 * The adapter contract (one file per ERP, in the spirit of Zotero translators): recognise an
 * invoice page, read the invoice through the ERP's own API with the user's session, and write the
 * IRN back. Adapters are plain code with their I/O injected, so fixture tests run under Node.
 */
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { ErpDocument, ErpDocumentRef, ErpId } from '@irn-bridge/shared/erp/types';

export type { ErpDocument, ErpDocumentRef };

export type PagePrimitive = string | number | boolean | null;

export interface AdapterEnv {
  /** The ERP page's origin; every request goes there, with the page's session cookie. */
  origin: string;
  fetch: typeof fetch;
  /** The page's document, for values the ERP leaves in its HTML (e.g. Frappe's CSRF token). */
  document?: Document;
  /** Reads primitive page globals from the page's main world (content scripts cannot see them). */
  pageGlobals(names: string[]): Promise<Record<string, PagePrimitive>>;
}

/** `none`: a recipe without write-back (the IRN stays in the panel and the ledger). */
export type WriteBackMethod = 'india-compliance' | 'irn-fields' | 'comment' | 'chatter-note' | 'recipe-post' | 'none';

export type WriteBackOutcome =
  | { ok: true; method: WriteBackMethod; message: string }
  | { ok: false; method: WriteBackMethod | null; message: string };

export interface ErpAdapter {
  id: ErpId;
  label: string;
  /** False when the adapter cannot record the IRN in the ERP (a recipe without write-back). Default true. */
  writesBack?: boolean;
  /** Cheap URL test: could this page be one of ours? */
  matches(url: URL): boolean;
  /** Names the invoice the page shows, or null. */
  detect(doc: Document): ErpDocumentRef | null;
  read(ref: ErpDocumentRef): Promise<ErpDocument>;
  writeBack(ref: ErpDocumentRef, result: EInvoiceResult): Promise<WriteBackOutcome>;
}

export class ErpRequestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'ErpRequestError';
  }
}
