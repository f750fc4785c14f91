import type { DocType } from '../api/contract';

/** INV-01 `DocDtls.Typ` values. The IRP accepts any case and returns them upper-case. */
export const DOC_TYPES: Readonly<Record<DocType, string>> = Object.freeze({
  INV: 'Tax invoice',
  CRN: 'Credit note',
  DBN: 'Debit note',
});

/** The canonical document type ("inv" → "INV"), or null when unknown. */
export function normalizeDocType(s: string): DocType | null {
  if (typeof s !== 'string') return null;
  const u = s.trim().toUpperCase();
  return u === 'INV' || u === 'CRN' || u === 'DBN' ? u : null;
}
