/**
 * The local API v1 contract: the one source of truth for the routes, request and response shapes
 * that the companion serves and the extension (and any other tool) calls.
 */
import type { ValidationIssue } from '../invoice/issue';

export const API_VERSION = 'v1';
/** Default port of the companion on 127.0.0.1 (overridable by `--port` or IRN_BRIDGE_PORT). */
export const DEFAULT_COMPANION_PORT = 47321;

export type ProfileKind = 'offline' | 'sandbox' | 'production' | 'gsp';

export interface ProfileRef {
  name: string;
  kind: ProfileKind;
  /** True for the demo profile backed by the embedded offline IRP: every UI shows a DEMO badge. */
  demo: boolean;
}

export interface ProfileSummary extends ProfileRef {
  gstin: string;
  isDefault: boolean;
  baseUrl: string;
}

// ---- GET /v1/health (no key)
export interface HealthResponse {
  service: 'irn-bridge-companion';
  version: string;
  apiVersion: typeof API_VERSION;
  /** Whether the caller's Authorization key (if any) is valid. */
  paired: boolean;
  profiles: ProfileRef[];
  defaultProfile: string | null;
}

// ---- POST /v1/pair (no key)
export interface PairRequest {
  code: string;
  /** A name for the key, e.g. "Chrome extension on clerk-pc". */
  client: string;
}
export interface PairResponse {
  apiKey: string;
  keyId: string;
  client: string;
}

// ---- GET /v1/profiles
export interface ProfilesResponse {
  profiles: ProfileSummary[];
}

// ---- GET /v1/gstin/:gstin?profile=
export interface GstinDetails {
  gstin: string;
  legalName: string | null;
  tradeName: string | null;
  /** One line, built from the IRP's address parts. */
  address: string | null;
  addressParts: {
    building: string | null; buildingNo: string | null; floor: string | null;
    street: string | null; location: string | null; pincode: number | null;
  };
  stateCode: string | null;
  stateName: string | null;
  /** ACT, CNL, INA or PRO. */
  status: string | null;
  /** B = e-way bill generation blocked; null/U = not blocked. */
  blockStatus: string | null;
  taxpayerType: string | null;
  registrationDate: string | null;
  deregistrationDate: string | null;
  profile: ProfileRef;
}

// ---- POST /v1/einvoices/validate
export interface ValidateRequest {
  invoice: unknown;
  profile?: string;
}
export interface ValidateResponse {
  valid: boolean;
  issues: ValidationIssue[];
}

// ---- POST /v1/einvoices
export interface GenerateRequest {
  profile?: string;
  invoice: unknown;
}

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

export type EInvoiceStatus = 'ACT' | 'CNL';

/** An e-invoice as the ledger knows it (the response of generate, get and list). */
export interface EInvoiceResult {
  irn: string;
  ackNo: string;
  /** IST, `yyyy-MM-dd HH:mm:ss` as the IRP sends it. */
  ackDt: string;
  status: EInvoiceStatus;
  signedInvoice: string;
  signedQrCode: string;
  qr: QrFields | null;
  ewbNo?: string | null;
  ewbDt?: string | null;
  ewbValidTill?: string | null;
  /** True when the IRN was recovered from a duplicate (2150) or an unknown outcome instead of freshly registered. */
  recovered?: boolean;
  /** True when the ledger already had it and no IRP call was made. */
  fromLedger?: boolean;
  cancelDate?: string | null;
  document: DocumentKey;
  buyerGstin: string | null;
  totalValue: number;
  profile: ProfileRef;
}

export type DocType = 'INV' | 'CRN' | 'DBN';

export interface DocumentKey {
  sellerGstin: string;
  /** Financial year, `2026-27`. */
  fy: string;
  docType: DocType;
  docNo: string;
  /** dd/mm/yyyy */
  docDate: string;
}

// ---- GET /v1/einvoices?docType=&docNo=&docDate=&profile=   (lookup by document: returns EInvoiceResult or 404)
// ---- GET /v1/einvoices?status=&from=&to=&q=&limit=&offset=&profile=   (the ledger)
export type LedgerState = 'pending' | 'unknown' | 'generated' | 'cancelled' | 'failed';

export interface LedgerEntry {
  id: number;
  state: LedgerState;
  document: DocumentKey;
  profile: string;
  irn: string | null;
  ackNo: string | null;
  ackDt: string | null;
  buyerGstin: string | null;
  totalValue: number | null;
  recovered: boolean;
  ewbNo: string | null;
  cancelDate: string | null;
  lastError: ApiError['error'] | null;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerListResponse {
  entries: LedgerEntry[];
  total: number;
  limit: number;
  offset: number;
}

// ---- POST /v1/einvoices/:irn/cancel
export type CancelReason = '1' | '2' | '3' | '4';
export interface CancelRequest {
  reason: CancelReason;
  remark: string;
  profile?: string;
}
export interface CancelResponse {
  irn: string;
  cancelDate: string;
  status: 'CNL';
}

// ---- POST /v1/einvoices/:irn/ewaybill
export interface EwaybillRequest {
  profile?: string;
  distance: number;
  transMode?: '1' | '2' | '3' | '4';
  transId?: string;
  transName?: string;
  transDocNo?: string;
  transDocDt?: string;
  vehNo?: string;
  vehType?: 'R' | 'O';
}
export interface EwaybillResponse {
  irn: string;
  ewbNo: string;
  ewbDt: string;
  ewbValidTill: string | null;
  info?: unknown;
}

// ---- POST /v1/einvoices/batch  → 202 BatchAccepted; GET /v1/einvoices/batch/:id → BatchStatus
export interface BatchRequest {
  profile?: string;
  invoices: unknown[];
  /** Parallel IRP calls; default 4, at most 16. */
  concurrency?: number;
  /** When true the call waits and returns the final BatchStatus (200) instead of 202. */
  wait?: boolean;
}
export interface BatchAccepted {
  batchId: string;
  total: number;
  statusUrl: string;
}
export type BatchItemResult =
  | { index: number; ok: true; result: EInvoiceResult }
  | { index: number; ok: false; error: ApiError['error'] };
export interface BatchStatus {
  batchId: string;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  finished: boolean;
  results: BatchItemResult[];
}

// ---- POST /v1/irp/raw
export interface RawIrpRequest {
  profile?: string;
  method: 'GET' | 'POST';
  /** An IRP path such as `/eivital/v1.04/Master/gstin/29AAACP7879D1Z0`. */
  path: string;
  body?: unknown;
}
export interface RawIrpResponse {
  /** The decrypted `Data` of the IRP envelope. */
  data: unknown;
  info: unknown;
}

// ---- Error shape of every route
export const API_ERROR_CODES = [
  'BAD_REQUEST', 'INVALID_INVOICE', 'INVALID_GSTIN', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'ALREADY_CANCELLED',
  'IRP_REJECTED', 'IRP_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'PROFILE_NOT_FOUND', 'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  error: {
    code: ApiErrorCode;
    message: string;
    hint?: string;
    issues?: ValidationIssue[];
    irp?: { codes: string[]; messages: string[] };
  };
}
export type ApiErrorBody = ApiError['error'];

/** Route paths, for clients. */
export const routes = {
  health: '/v1/health',
  pair: '/v1/pair',
  profiles: '/v1/profiles',
  gstin: (gstin: string) => `/v1/gstin/${encodeURIComponent(gstin)}`,
  validate: '/v1/einvoices/validate',
  einvoices: '/v1/einvoices',
  einvoice: (irn: string) => `/v1/einvoices/${encodeURIComponent(irn)}`,
  cancel: (irn: string) => `/v1/einvoices/${encodeURIComponent(irn)}/cancel`,
  ewaybill: (irn: string) => `/v1/einvoices/${encodeURIComponent(irn)}/ewaybill`,
  batch: '/v1/einvoices/batch',
  batchStatus: (id: string) => `/v1/einvoices/batch/${encodeURIComponent(id)}`,
  raw: '/v1/irp/raw',
  openapi: '/v1/openapi.json',
} as const;
