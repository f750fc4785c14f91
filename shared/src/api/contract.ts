/**
 * The local API v1 contract: the types the companion serves and the extension (and any other tool)
 * calls, inferred from the zod schemas in ./schemas.ts (the one source of truth, which also
 * validates requests and generates the OpenAPI document), and the route paths from ./endpoints.ts.
 * Request types are what a client sends (zod's input); the companion works with the parsed output.
 */
import type { z } from 'zod';
import type * as s from './schemas';
import { endpoints, pathOf } from './endpoints';

export type { DocType, DocumentKey, QrFields } from '../irn';
export type { CancelReason } from '../codes/cancel-reasons';
export type { EwbCancelReason } from '../codes/ewb-cancel-reasons';
export { API_ERROR_CODES, LEDGER_STATES, PROFILE_KINDS, MAX_BATCH_CONCURRENCY, MAX_BATCH_INVOICES } from './schemas';

export const API_VERSION = 'v1';
/** Default port of the companion on 127.0.0.1 (overridable by `--port` or IRN_BRIDGE_PORT). */
export const DEFAULT_COMPANION_PORT = 47321;

export type ProfileKind = (typeof s.PROFILE_KINDS)[number];
export type ProfileRef = z.output<typeof s.ProfileRefSchema>;
export type ProfileSummary = z.output<typeof s.ProfileSummarySchema>;

export type HealthResponse = z.output<typeof s.HealthResponseSchema>;
export type PairRequest = z.input<typeof s.PairRequestSchema>;
export type KeyCreateRequest = z.input<typeof s.KeyCreateRequestSchema>;
export type KeyCreateResponse = z.output<typeof s.KeyCreateResponseSchema>;
export type KeysResponse = z.output<typeof s.KeysResponseSchema>;
export type KeyRevokeResponse = z.output<typeof s.KeyRevokeResponseSchema>;
export type PairResponse = z.output<typeof s.PairResponseSchema>;
export type ProfilesResponse = z.output<typeof s.ProfilesResponseSchema>;
export type GstinDetails = z.output<typeof s.GstinDetailsSchema>;
/** The invoice is typed `unknown` for clients: its content is validateInvoice's business, field by field. */
type WithInvoice<T> = Omit<T, 'invoice'> & { invoice: unknown };
export type ValidateRequest = WithInvoice<z.input<typeof s.ValidateRequestSchema>>;
export type ValidateResponse = z.output<typeof s.ValidateResponseSchema>;
export type GenerateRequest = WithInvoice<z.input<typeof s.GenerateRequestSchema>>;
export type EInvoiceStatus = EInvoiceResult['status'];
/** An e-invoice as the ledger knows it (the response of generate, get and list). */
export type EInvoiceResult = z.output<typeof s.EInvoiceResultSchema>;
export type EInvoicesQuery = z.input<typeof s.EInvoicesQuerySchema>;
export type LedgerState = (typeof s.LEDGER_STATES)[number];
export type LedgerEntry = z.output<typeof s.LedgerEntrySchema>;
export type LedgerListResponse = z.output<typeof s.LedgerListResponseSchema>;
export type CancelRequest = z.input<typeof s.CancelRequestSchema>;
/** A cancel request as the companion has checked it. */
export type CancelCommand = z.output<typeof s.CancelRequestSchema>;
export type CancelResponse = z.output<typeof s.CancelResponseSchema>;
export type EwaybillRequest = z.input<typeof s.EwaybillRequestSchema>;
export type EwaybillResponse = z.output<typeof s.EwaybillResponseSchema>;
export type EwaybillCancelRequest = z.input<typeof s.EwaybillCancelRequestSchema>;
export type EwaybillCancelCommand = z.output<typeof s.EwaybillCancelRequestSchema>;
export type EwaybillCancelResponse = z.output<typeof s.EwaybillCancelResponseSchema>;
export type InvoiceSource = z.output<typeof s.InvoiceSourceSchema>;
export type BatchRequest = z.input<typeof s.BatchRequestSchema>;
export type BatchAccepted = z.output<typeof s.BatchAcceptedSchema>;
export type BatchItemResult = z.output<typeof s.BatchItemResultSchema>;
export type BatchStatus = z.output<typeof s.BatchStatusSchema>;
export type RawIrpRequest = z.input<typeof s.RawIrpRequestSchema>;
export type RawIrpResponse = z.output<typeof s.RawIrpResponseSchema>;

export type ApiErrorCode = (typeof s.API_ERROR_CODES)[number];
export type ApiError = z.output<typeof s.ApiErrorSchema>;
export type ApiErrorBody = ApiError['error'];

/** Route paths, for clients: the contract's paths with their parameters filled in. */
export const routes = {
  health: endpoints.health.path,
  pair: endpoints.pair.path,
  profiles: endpoints.profiles.path,
  gstin: (gstin: string) => pathOf(endpoints.gstin.path, { gstin }),
  validate: endpoints.validate.path,
  einvoices: endpoints.einvoices.path,
  einvoice: (irn: string) => pathOf(endpoints.einvoice.path, { irn }),
  cancel: (irn: string) => pathOf(endpoints.cancel.path, { irn }),
  ewaybill: (irn: string) => pathOf(endpoints.ewaybill.path, { irn }),
  ewaybillCancel: (irn: string) => pathOf(endpoints.ewaybillCancel.path, { irn }),
  batch: endpoints.batch.path,
  batchStatus: (id: string) => pathOf(endpoints.batchStatus.path, { id }),
  raw: endpoints.raw.path,
  keys: endpoints.keys.path,
  keyRevoke: (id: string) => pathOf(endpoints.keyRevoke.path, { id }),
  openapi: endpoints.openapi.path,
} as const;
