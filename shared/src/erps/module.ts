/**
 * The ERP module contract, in the spirit of Zotero's site translators: everything about one ERP
 * (which pages are its invoices, how to read one through its own API, how to map it to INV-01,
 * its own totals, what the clerk sees before mapping, how to record an outcome back) lives in one
 * folder under `erps/<id>/` and is registered by id in `erps/index.ts`. A module is plain,
 * browser-safe code with its I/O injected (`ErpIo`), so its fixture tests run under Node and its
 * real-server tests run against the genuine ERP.
 */
import type { CancelReason, DocType, EInvoiceResult, EwbCancelReason } from '../api/contract';
import type { ValidationIssue } from '../invoice/issue';
import type { Inv01Invoice } from '../invoice/types';

export type PagePrimitive = string | number | boolean | null;

/** What a module may use to talk to its ERP: the page's origin, with the user's session. */
export interface ErpIo {
  /** The ERP page's origin; every request goes there, with the page's session cookie. */
  origin: string;
  fetch: typeof fetch;
  /** The page's document, for values the ERP leaves in its HTML (e.g. Frappe's CSRF token). */
  document?: Document;
  /** Reads primitive page globals from the page's main world (content scripts cannot see them). */
  pageGlobals(names: string[]): Promise<Record<string, PagePrimitive>>;
  /**
   * The signed QR as a PNG (base64), for an ERP that stores the image itself (Odoo without
   * l10n_in_edi); null when it cannot be made. Made outside the page (the extension's background,
   * `qr.png`), so the QR encoder is not shipped into every ERP page; absent: no image is attached.
   */
  qrPngBase64?(text: string): Promise<string | null>;
}

/** Names one invoice in one ERP: ERPNext's `name`, Odoo's record `id` (plus a name), a recipe's document id. */
export interface ErpDocumentRef {
  erp: string;
  name: string;
  id?: number;
}

/** Every document a module reads carries its module's id, so the registry can find the module again. */
export interface ErpDocumentBase {
  erp: string;
}

export interface ErpMapping {
  invoice: Inv01Invoice;
  /** What the ERP did not say (missing address, unknown unit, a tax it cannot place…), in the validator's shape (code "ERP_MAPPING"). */
  issues: ValidationIssue[];
}

/** What the extension shows about an ERP invoice before mapping it. */
export interface ErpInvoiceSummary {
  ref: ErpDocumentRef;
  docType: DocType;
  docNo: string;
  /** dd/mm/yyyy */
  docDate: string;
  partyName: string;
  partyGstin: string | null;
  /** What the customer pays, as the ERP computed it (positive for credit notes too). */
  grandTotal: number;
  currency: string;
  /** Submitted (ERPNext docstatus 1) / posted (Odoo): only these can be registered. */
  final: boolean;
  /** The IRN the ERP already holds for it, if any. */
  irn: string | null;
  /** What the ERP itself shows of the IRP's outcomes, to compare with the ledger (erps/drift.ts); absent when the module cannot tell. */
  recorded?: ErpRecorded | null;
}

/** The IRP outcomes as the ERP shows them (India Compliance's fields, Odoo's e-invoice and IRN Bridge's attachments). */
export interface ErpRecorded {
  /** The IRN the ERP shows as registered and valid; null when none (or once it shows it cancelled). */
  irn: string | null;
  /**
   * The IRN's cancellation is noted on the record, but the ERP's own state still shows it valid (a user
   * without the right to cancel noted it): who may finish it, in the ERP's words ("an Accounts Manager").
   */
  cancellationNoted?: string;
  /** The ERP shows an e-invoice cancellation (of `cancelledIrn` when it names it). */
  irnCancelled: boolean;
  cancelledIrn?: string | null;
  /** The active e-way bill the ERP shows; null when none. */
  ewbNo: string | null;
  /** The ERP shows an e-way bill cancellation (of `cancelledEwbNo` when it names it). */
  ewbCancelled: boolean;
  cancelledEwbNo?: string | null;
}

/** The ERP's own totals, to compare with the mapped INV-01 `ValDtls`. Positive values, company currency. */
export interface ErpTotals {
  /** Amount payable, after round-off. */
  grandTotal: number;
  /** Total before taxes. */
  taxableTotal: number;
  /** Taxes and charges. */
  taxTotal: number;
  /** Round-off included in grandTotal. */
  roundOff: number;
  currency: string;
}

/** An outcome at the IRP that the ERP should hold too, so its printed invoice and its state agree with the IRP. */
export type ErpEvent =
  | { kind: 'generated'; result: EInvoiceResult }
  | { kind: 'cancelled'; result: EInvoiceResult; cancelDate: string; reason: CancelReason; remark: string }
  | { kind: 'ewaybill'; result: EInvoiceResult; ewbNo: string; ewbDt: string; ewbValidTill: string | null }
  /** The e-way bill was cancelled (e-way bill reason numbering); the IRN stays registered. */
  | { kind: 'ewaybill-cancelled'; result: EInvoiceResult; ewbNo: string; cancelDate: string; reason: EwbCancelReason; remark: string };

/** How the module recorded an event, named for the clerk's note ("Recorded on the invoice by India Compliance"). */
export type WriteBackMethod = string;

export type WriteBackOutcome =
  | { ok: true; method: WriteBackMethod; message: string }
  | { ok: false; method: WriteBackMethod | null; message: string };

export interface ErpModule<Doc extends ErpDocumentBase = ErpDocumentBase> {
  /** Registry id, also `ErpDocumentRef.erp` and `Doc.erp`. */
  id: string;
  /** The ERP's name as the clerk knows it. */
  label: string;
  /** False when the module cannot record anything in the ERP (a recipe without write-back). */
  writesBack: boolean;
  /** Cheap, no I/O: the invoice this URL (and page) shows, or null. The read still confirms it. */
  detect(url: URL, page?: Document): ErpDocumentRef | null;
  /**
   * Reads the document through the ERP's API. Throws `ErpError` (code NOT_AN_INVOICE when the
   * record is not a customer invoice or note: the extension then shows nothing).
   */
  read(io: ErpIo, ref: ErpDocumentRef): Promise<Doc>;
  map(doc: Doc): ErpMapping;
  totals(doc: Doc): ErpTotals;
  summary(doc: Doc): ErpInvoiceSummary;
  /** Records an IRP outcome in the ERP (IRN + QR, cancellation, e-way bill). Never throws: failures are outcomes. */
  record(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome>;
  /** The ERP's invoice list, for bulk registration (`<id>/list.ts`); absent when the module has none. */
  list?: ErpListView;
}

export interface ErpListSelection {
  refs: ErpDocumentRef[];
  /** Ticked rows that name no invoice the module can read (an Odoo draft has no number yet), and why. */
  skipped: { label: string; reason: string }[];
}

/** The ERP's own list of invoices: which page it is, and which invoices the clerk ticked there. */
export interface ErpListView {
  /** Cheap, no I/O: whether this URL (and page) is the ERP's customer-invoice list. */
  detect(url: URL, page?: Document): boolean;
  /** The invoices ticked on the page, in the list's order (a module may ask its ERP to name them). */
  selected(io: ErpIo, page: Document): Promise<ErpListSelection>;
  /** How many rows are ticked, without I/O (the bulk button's label follows it). */
  countSelected(page: Document): number;
  /** The form of one listed invoice, in the web client the list came from (`list` is the list page's address). */
  formUrl(list: URL, ref: ErpDocumentRef): string;
  /** Where the ERP keeps its own list actions, for the bulk button; null when that bar is not on screen. */
  actionSlot(page: Document): { parent: Element; before: Element | null; className: string } | null;
}

export type ErpErrorCode =
  /** The ERP answered with an HTTP error or a JSON-RPC error. */
  | 'ERP_REQUEST'
  /** The session expired: log in again. */
  | 'ERP_LOGIN'
  /** The record exists but is not something to register (a vendor bill, a journal entry…). */
  | 'NOT_AN_INVOICE'
  /** The record does not exist (deleted, wrong id). */
  | 'NOT_FOUND';

/** The one error a module throws; it knows nothing of how the extension shows it. */
export class ErpError extends Error {
  constructor(readonly code: ErpErrorCode, message: string, readonly status?: number) {
    super(message);
    this.name = 'ErpError';
  }
}
