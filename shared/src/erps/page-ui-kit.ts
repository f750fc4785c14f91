/**
 * The contract of an ERP's page knowledge (see page-ui.ts) and the helpers the per-ERP files share.
 * Apart from the registry so that `<id>/page-ui.ts` can import it without an import cycle.
 */
import type { Inv01Invoice } from '../invoice/types';

/** A record of the ERP as the clerk knows it: its name there, and a link to open it when the ERP has one. */
export interface ErpLink {
  label: string;
  href?: string;
}

/** Where the ERP shows its own form actions: the button goes into `parent`, before `before`. */
export interface ErpActionSlot {
  parent: Element;
  before: Element | null;
  /** The ERP's own button classes, so the action looks like its neighbours. */
  className: string;
}

export interface ErpPageUi {
  /** The ERP's form toolbar/header on this page, or null (then the panel alone offers the action). */
  actionSlot(page: Document): ErpActionSlot | null;
  /** An invoice that cannot be registered yet, in the ERP's words. */
  notFinal: string;
  /** The ERP's label of its amount payable and of its round-off. */
  labels: { total: string; grandTotal: string; roundOff: string; taxable: string };
  /** The ERP's item for each INV-01 line, in `ItemList` order (`doc` is the module's own document). */
  lines(doc: unknown, invoice: Inv01Invoice, origin: string): ErpLink[];
  customer(doc: unknown, origin: string): ErpLink | null;
  /** Where in this ERP the field an issue names is set, or null when the validator's hint says it already. */
  fixFor(path: string, code: string): string | null;
}

/** The INV-01 line's own description, for ERPs that do not say more. */
export function inv01LineNames(invoice: Inv01Invoice): ErpLink[] {
  return (invoice.ItemList ?? []).map((it, i) => ({ label: it.PrdDesc || `Item ${i + 1}` }));
}

/** Which part of INV-01 a path is about: `ItemList[2].HsnCd` → { line: 2, field: 'HsnCd' }. */
export function pathParts(path: string): { section: string; line: number | null; field: string } {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (!m) return { section: path, line: null, field: '' };
  return { section: m[1], line: m[2] === undefined ? null : Number(m[2]), field: m[3] ?? '' };
}
