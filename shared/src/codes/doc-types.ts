/** INV-01 `DocDtls.Typ` values: tax invoice, credit note, debit note. The IRP accepts any case and returns them upper-case. */
export const DOC_TYPE_CODES = ['INV', 'CRN', 'DBN'] as const;
export type DocType = (typeof DOC_TYPE_CODES)[number];

/** The canonical document type ("inv" → "INV"), or null when unknown. */
export function normalizeDocType(s: string): DocType | null {
  if (typeof s !== 'string') return null;
  const u = s.trim().toUpperCase();
  return (DOC_TYPE_CODES as readonly string[]).includes(u) ? (u as DocType) : null;
}
