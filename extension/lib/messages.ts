/**
 * The typed message protocol between the extension's own contexts (content script, popup,
 * options) and the background, the only context that talks to the companion.
 */
import type {
  ApiError, CancelReason, CancelResponse, DocType, EInvoiceResult, EwaybillCancelResponse, EwaybillRequest, EwaybillResponse, EwbCancelReason,
  GstinDetails, HealthResponse, InvoiceSource, LedgerListResponse, LedgerState, ProfileSummary,
} from '@irn-bridge/shared/api/contract';
import type { ErpDocumentRef } from '@irn-bridge/shared/erps/module';
import type { FormRefresh } from '@irn-bridge/shared/erps/form-refresh';
import type { ErpInvoiceSummary, ErpTotals } from '@irn-bridge/shared/erps/module';
import type { ErpLink, ErpPageUi } from '@irn-bridge/shared/erps/page-ui-kit';
import type { Recipe } from '@irn-bridge/shared/erps/recipe/index';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import type { Breakdown } from '../ui/breakdown';
import type { InvoiceSummary } from '../ui/summary';
import type { QrMatrix } from './qr-matrix';

export interface Settings {
  port: number;
  /** Team mode: the shared companion's https:// origin; null = the companion on this computer. */
  sharedUrl: string | null;
  defaultProfile: string | null;
  paired: boolean;
}

export interface CompanionStatus {
  running: boolean;
  paired: boolean;
  port: number;
  /** Team mode: the shared companion's address (then `port` is unused). */
  sharedUrl: string | null;
  health: HealthResponse | null;
  /** The profile generate will use: the chosen default, else the companion's default. */
  activeProfile: ProfileSummary | null;
  error: UiError | null;
}

export interface SiteEntry {
  /** Match pattern, e.g. `https://erp.example.com/*`. */
  pattern: string;
  registered: boolean;
  granted: boolean;
}

export interface RecipeEntry {
  recipe: Recipe;
  /** The recipe's site as a match pattern, and whether IRN Bridge runs there. */
  pattern: string;
  siteEnabled: boolean;
}

/** What the panel shows of an ERP document the page read, computed in the background (background/prepare.ts). */
export interface PreparedInvoice {
  erp: ErpInvoiceSummary;
  /** The ERP's words for an invoice that cannot be registered yet. */
  notFinal: string;
  /** Only for a final invoice: the INV-01 it maps to and what the preview shows of it. */
  mapped: {
    invoice: Inv01Invoice;
    /** What the ERP did not say (code ERP_MAPPING). */
    issues: ValidationIssue[];
    summary: InvoiceSummary;
    breakdown: Breakdown;
    /** Null when the module cannot say. */
    totals: ErpTotals | null;
    /** The ERP's item for each INV-01 line, and its customer, with links where the ERP has them. */
    lines: ErpLink[];
    customer: ErpLink | null;
    labels: ErpPageUi['labels'];
  } | null;
}

/** A request and the data its successful reply carries. */
export interface Protocol {
  /** `sellerGstin`: the invoice on screen, so the active profile is the one generate will use for it. */
  status: { req: { sellerGstin?: string }; res: CompanionStatus };
  pair: { req: { code: string; client?: string }; res: { paired: true } };
  'settings.get': { req: {}; res: Settings };
  'settings.set': { req: { port?: number; defaultProfile?: string | null; /** null: back to this computer's companion. */ sharedUrl?: null }; res: Settings };
  /** Options page only: use the shared companion at `url` with the key the administrator made; checked before it is saved. */
  'companion.share': { req: { url: string; key: string }; res: { settings: Settings; health: HealthResponse } };
  unpair: { req: {}; res: Settings };
  profiles: { req: {}; res: ProfileSummary[] };
  gstin: { req: { gstin: string }; res: GstinDetails };
  'einvoices.recent': { req: { limit?: number }; res: LedgerListResponse };
  /** The history page's search: `q` matches number, IRN, GSTIN, buyer name or total; dates dd/mm/yyyy. */
  'einvoices.list': { req: { state?: LedgerState; from?: string; to?: string; q?: string; limit?: number; offset?: number }; res: LedgerListResponse };
  /** `sellerGstin` picks the seller's profile, as generate does, so a lookup finds what generate would return. */
  'einvoices.lookup': { req: { docType: DocType; docNo: string; docDate: string; sellerGstin?: string }; res: EInvoiceResult | null };
  /**
   * The ERP document the page read (through the page's session) → summary, INV-01 mapping, breakdown and the ERP's
   * names (background/prepare.ts), so the mapping code stays out of the page. `origin`: the ERP's, for its links.
   */
  'invoice.prepare': { req: { doc: unknown; origin: string }; res: PreparedInvoice };
  /** Where in the ERP `erp` (a module id) each issue's field is fixed, in order; null where the IRP's hint says it. */
  'erp.fixes': { req: { erp: string; issues: Array<{ path: string; code: string }> }; res: Array<string | null> };
  /** Injects the panel's code (erp-panel.js) into the sender frame's isolated world, on its first invoice (lib/panel-loader.ts). */
  'panel.load': { req: {}; res: { loaded: true } };
  /** The signed QR as a PNG (base64) for an ERP that stores the image (ErpIo.qrPngBase64: Odoo without l10n_in_edi); null when it cannot be made. */
  'qr.png': { req: { text: string }; res: string | null };
  /** The QR matrix of a SignedQRCode (lib/qr-matrix.ts), so the QR encoder stays out of the page. */
  'qr.matrix': { req: { text: string }; res: QrMatrix };
  /** The preview's check of the mapped invoice (background/validate.ts), so the HSN master stays out of the page. */
  'invoice.validate': { req: { invoice: unknown; allowSandboxGstins?: boolean }; res: ValidationIssue[] };
  /** Only sent by the in-page panel after a trusted click (see ui/panel.ts). */
  'einvoices.generate': { req: { invoice: unknown; source?: InvoiceSource }; res: EInvoiceResult };
  'einvoices.cancel': { req: { irn: string; reason: CancelReason; remark: string }; res: CancelResponse };
  /** E-way bill by IRN; like cancel, under the profile the ledger registered the IRN with. */
  'einvoices.ewaybill': { req: { irn: string } & Omit<EwaybillRequest, 'profile'>; res: EwaybillResponse };
  /** Cancels the IRN's e-way bill (e-way bill reason numbering), so that the IRN can be cancelled next. */
  'einvoices.ewaybill.cancel': { req: { irn: string; reason: EwbCancelReason; remark: string }; res: EwaybillCancelResponse };
  'sites.list': { req: {}; res: SiteEntry[] };
  'sites.enable': { req: { origin: string; tabId?: number }; res: SiteEntry[] };
  'sites.remove': { req: { pattern: string }; res: SiteEntry[] };
  'recipes.list': { req: {}; res: RecipeEntry[] };
  /** Validates and stores a recipe (replacing one with the same id), then enables its site when access was granted. Options page only. */
  'recipes.save': { req: { recipe: unknown }; res: { recipes: RecipeEntry[]; siteEnabled: boolean } };
  /** Options page only. The site stays enabled (the user removes sites separately). */
  'recipes.remove': { req: { id: string }; res: RecipeEntry[] };
  /** The recipes for a page's origin, for the content script's adapter registry. */
  'recipes.forOrigin': { req: { origin: string }; res: Recipe[] };
  /** From the content script on an ERP's invoice list: opens the bulk page (entrypoints/bulk/) for the ticked invoices, beside the sender's tab. */
  'bulk.open': { req: { erp: string; refs: ErpDocumentRef[]; skipped: { label: string; reason: string }[] }; res: { tabId: number } };
  /** After a write-back: the ERP form open in the sender's tab (or `tabId`'s) shows what was recorded, reloaded by the ERP's own client when it has no unsaved edits. */
  'page.refreshForm': { req: { erp: string; ref: ErpDocumentRef; tabId?: number }; res: FormRefresh };
  /** After a bulk batch (bulk page only): the ERP list's tab runs its own list reload. */
  'page.refreshList': { req: { erp: string; tabId: number }; res: FormRefresh };
  /** Reads primitive values of page globals (e.g. `frappe.csrf_token`) from the sender tab's main world. */
  'page.globals': { req: { names: string[] }; res: Record<string, string | number | boolean | null> };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { type: T } & Protocol[T]['req'];

export type UiErrorCode = ApiError['error']['code'] | 'COMPANION_DOWN' | 'NOT_PAIRED' | 'UNTRUSTED_SENDER' | 'PERMISSION';

/** An error as every UI shows it: a sentence, a hint, and the IRP's codes when it refused. */
export interface UiError {
  code: UiErrorCode;
  message: string;
  hint?: string;
  issues?: ApiError['error']['issues'];
  irp?: { codes: string[]; messages: string[] };
  /**
   * Whether the same request may pass later, decided where the error is made (the background's
   * companion client, from the IRP error catalogue), so the catalogue stays out of the page.
   * Absent: the UI decides by `code`.
   */
  retryable?: boolean;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: UiError };

/** Contexts that may ask for generate/cancel/e-way bill: the extension's pages and its own content scripts. */
export const PRIVILEGED: ReadonlySet<MessageType> = new Set(['einvoices.generate', 'einvoices.cancel', 'einvoices.ewaybill', 'einvoices.ewaybill.cancel']);
