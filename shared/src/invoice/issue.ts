/** One problem found in an invoice, named by the field it concerns. */
export interface ValidationIssue {
  /** JSON path into the INV-01 document, e.g. `ItemList[2].HsnCd` or `ValDtls.TotInvVal`. */
  path: string;
  /** The IRP error code the IRP itself would return (e.g. "2176"), or a local code ("SCHEMA", "GSTIN_CHECKSUM", ...). */
  code: string;
  /** What is wrong, in a clerk's words. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** `error` blocks generation; `warning` does not. */
  severity: 'error' | 'warning';
}
