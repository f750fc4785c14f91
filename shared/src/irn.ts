/**
 * The IRN and the document key. The IRN is the lower-case hex SHA-256 of
 * SellerGstin + financial year + upper-case DocTyp + DocNo, with no separators.
 */
import type { DocumentKey, DocType } from './api/contract';
import type { Inv01Invoice } from './invoice/types';
import { parseDocDate } from './dates';
import { normalizeDocType } from './codes/doc-types';

/** Indian financial year (1 April – 31 March) of a `dd/mm/yyyy` date: `12/11/2021` → `2021-22`. Throws on an invalid date. */

/** An IRN as the IRP issues it: 64 hexadecimal characters (any case accepted from people). */
export const IRN_PATTERN = /^[0-9a-f]{64}$/i;
export function financialYear(docDate: string): string {
  const d = parseDocDate(docDate);
  if (!d) throw new Error(`Not a valid document date (dd/mm/yyyy): ${String(docDate).slice(0, 20)}`);
  const start = d.month >= 4 ? d.year : d.year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface IrnInputs {
  sellerGstin: string;
  docDate: string;
  docType: string;
  docNo: string;
}

/**
 * Computes the IRN the IRP will assign.
 *
 * `upperCaseDocNo` defaults to true: since 1 June 2025 the IRP treats document numbers
 * case-insensitively and upper-cases them before hashing, so "inv/1" and "INV/1" are the same
 * document. Pass false to reproduce IRNs issued before that date (e.g. the 2022 sandbox samples,
 * which hashed a lower-case number as sent).
 */
export async function computeIrn(k: IrnInputs, opts: { upperCaseDocNo?: boolean } = {}): Promise<string> {
  const upper = opts.upperCaseDocNo ?? true;
  const docNo = upper ? k.docNo.toUpperCase() : k.docNo;
  const text = k.sellerGstin + financialYear(k.docDate) + k.docType.toUpperCase() + docNo;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The ledger's dedupe key for an invoice: (seller GSTIN, FY, doc type, doc no), the same identity
 * the IRP uses for duplicate detection (2150). Doc type and number are upper-cased and trimmed
 * because the IRP compares them case-insensitively. Throws if the invoice lacks a valid date or type:
 * call validateInvoice first.
 */
export function documentKeyOf(invoice: Inv01Invoice): DocumentKey {
  const doc = invoice?.DocDtls;
  const docType = normalizeDocType(String(doc?.Typ ?? ''));
  if (!docType) throw new Error('The invoice has no valid document type (INV, CRN or DBN)');
  const docDate = String(doc?.Dt ?? '').trim();
  return {
    sellerGstin: String(invoice?.SellerDtls?.Gstin ?? '').trim().toUpperCase(),
    fy: financialYear(docDate),
    docType: docType as DocType,
    docNo: String(doc?.No ?? '').trim().toUpperCase(),
    docDate,
  };
}
