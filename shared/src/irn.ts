/**
 * The IRN and the document key. The IRN is the lower-case hex SHA-256 of
 * SellerGstin + financial year + upper-case DocTyp + DocNo, with no separators.
 */
import type { Inv01Invoice } from './invoice/types';
import { parseDocDate } from './dates';
import { normalizeDocType, type DocType } from './codes/doc-types';

export type { DocType };

/** A document as the IRP identifies it for duplicates (2150), and as the ledger keys it. */
export interface DocumentKey {
  sellerGstin: string;
  /** Financial year, `2026-27`. */
  fy: string;
  docType: DocType;
  /** Upper-cased and trimmed. */
  docNo: string;
  /** dd/mm/yyyy */
  docDate: string;
}

/** What the IRP's signed QR code says about the document (the fields of its payload). */
export interface QrFields {
  SellerGstin: string;
  BuyerGstin: string;
  DocNo: string;
  DocTyp: string;
  DocDt: string;
  TotInvVal: number;
  ItemCnt: number;
  MainHsnCode: string;
  Irn: string;
  IrnDt: string;
}

/** An IRN as the IRP issues it: 64 hexadecimal characters (any case accepted from people). */
export const IRN_PATTERN = /^[0-9a-f]{64}$/i;

/** Indian financial year (1 April – 31 March) of a `dd/mm/yyyy` date: `12/11/2021` → `2021-22`. Throws on an invalid date. */
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
    docType,
    docNo: String(doc?.No ?? '').trim().toUpperCase(),
    docDate,
  };
}

/** The document key of a stored row (the ledger's columns), the one way every module builds it. */
export function documentKeyOfRow(row: { seller_gstin: string; fy: string; doc_type: string; doc_no_key: string; doc_date: string }): DocumentKey {
  return { sellerGstin: row.seller_gstin, fy: row.fy, docType: (normalizeDocType(row.doc_type) ?? 'INV'), docNo: row.doc_no_key, docDate: row.doc_date };
}
