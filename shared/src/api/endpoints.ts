/**
 * Every route of the local API v1: method, path (OpenAPI style, `{irn}`), the schemas of what it
 * takes and answers, and the error statuses it may answer. The companion registers its routes from
 * this list (paths included) and generates /v1/openapi.json from it; clients build URLs with `routes`.
 */
import type { z } from 'zod';
import * as s from './schemas';

export interface Endpoint {
  method: 'get' | 'post';
  path: string;
  summary: string;
  /** False for the three routes that need no API key. */
  auth: boolean;
  request?: { params?: z.ZodObject; query?: z.ZodType; body?: z.ZodObject };
  responses: Partial<Record<200 | 202, z.ZodType>>;
  /** Error statuses this route may answer (always with the ApiError body). */
  errors: number[];
}

const ep = <E extends Endpoint>(e: E) => e;

export const endpoints = {
  health: ep({ method: 'get', path: '/v1/health', auth: false, summary: 'Is the companion running, and is this key paired?', responses: { 200: s.HealthResponseSchema }, errors: [] }),
  pair: ep({
    method: 'post', path: '/v1/pair', auth: false, summary: 'Trade a one-time pairing code for an API key',
    request: { body: s.PairRequestSchema }, responses: { 200: s.PairResponseSchema }, errors: [400, 401, 415, 429],
  }),
  profiles: ep({ method: 'get', path: '/v1/profiles', auth: true, summary: 'IRP profiles (no secrets)', responses: { 200: s.ProfilesResponseSchema }, errors: [401] }),
  gstin: ep({
    method: 'get', path: '/v1/gstin/{gstin}', auth: true, summary: 'Taxpayer details from the IRP (checksum checked first)',
    request: { params: s.GstinParamsSchema, query: s.ProfileQuerySchema }, responses: { 200: s.GstinDetailsSchema }, errors: [400, 401, 404, 422, 503],
  }),
  validate: ep({
    method: 'post', path: '/v1/einvoices/validate', auth: true, summary: 'Check an invoice without calling the IRP',
    request: { body: s.ValidateRequestSchema }, responses: { 200: s.ValidateResponseSchema }, errors: [400, 401, 404, 413, 415],
  }),
  generate: ep({
    method: 'post', path: '/v1/einvoices', auth: true, summary: 'Generate an IRN, exactly once per document',
    request: { body: s.GenerateRequestSchema }, responses: { 200: s.EInvoiceResultSchema }, errors: [400, 401, 404, 409, 413, 415, 422, 503],
  }),
  einvoices: ep({
    method: 'get', path: '/v1/einvoices', auth: true,
    summary: 'With docType, docNo and docDate: one document (EInvoiceResult, 404 if none). Otherwise: the ledger.',
    request: { query: s.EInvoicesQuerySchema }, responses: { 200: s.EInvoiceResultSchema.or(s.LedgerListResponseSchema) }, errors: [400, 401, 404, 503],
  }),
  einvoice: ep({
    method: 'get', path: '/v1/einvoices/{irn}', auth: true, summary: 'An e-invoice by IRN (ledger first, then the IRP)',
    request: { params: s.IrnParamsSchema, query: s.ProfileQuerySchema }, responses: { 200: s.EInvoiceResultSchema }, errors: [400, 401, 404, 503],
  }),
  cancel: ep({
    method: 'post', path: '/v1/einvoices/{irn}/cancel', auth: true, summary: 'Cancel an IRN (within 24 hours of generation)',
    request: { params: s.IrnParamsSchema, body: s.CancelRequestSchema }, responses: { 200: s.CancelResponseSchema }, errors: [400, 401, 404, 409, 415, 422, 503],
  }),
  ewaybill: ep({
    method: 'post', path: '/v1/einvoices/{irn}/ewaybill', auth: true, summary: 'Generate an e-way bill for an IRN',
    request: { params: s.IrnParamsSchema, body: s.EwaybillRequestSchema }, responses: { 200: s.EwaybillResponseSchema }, errors: [400, 401, 404, 415, 422, 503],
  }),
  ewaybillCancel: ep({
    method: 'post', path: '/v1/einvoices/{irn}/ewaybill/cancel', auth: true, summary: 'Cancel the e-way bill of an IRN (within 24 hours of generating it); then the IRN can be cancelled',
    request: { params: s.IrnParamsSchema, body: s.EwaybillCancelRequestSchema }, responses: { 200: s.EwaybillCancelResponseSchema }, errors: [400, 401, 404, 409, 415, 422, 503],
  }),
  batch: ep({
    method: 'post', path: '/v1/einvoices/batch', auth: true, summary: 'Generate many IRNs with bounded concurrency',
    request: { body: s.BatchRequestSchema }, responses: { 200: s.BatchStatusSchema, 202: s.BatchAcceptedSchema }, errors: [400, 401, 404, 413, 415],
  }),
  batchStatus: ep({
    method: 'get', path: '/v1/einvoices/batch/{id}', auth: true, summary: 'Progress and per-invoice results of a batch',
    request: { params: s.BatchParamsSchema }, responses: { 200: s.BatchStatusSchema }, errors: [401, 404],
  }),
  raw: ep({
    method: 'post', path: '/v1/irp/raw', auth: true, summary: 'Call a read-only IRP endpoint; the companion adds authentication and encryption (an admin\'s key)',
    request: { body: s.RawIrpRequestSchema }, responses: { 200: s.RawIrpResponseSchema }, errors: [400, 401, 403, 404, 415, 422, 503],
  }),
  keys: ep({
    method: 'get', path: '/v1/keys', auth: true, summary: 'API keys: people with their role, and paired clients (an admin\'s key)',
    responses: { 200: s.KeysResponseSchema }, errors: [401, 403],
  }),
  keyCreate: ep({
    method: 'post', path: '/v1/keys', auth: true, summary: 'Make a key for a person, with a role; the key is in this answer only (an admin\'s key)',
    request: { body: s.KeyCreateRequestSchema }, responses: { 200: s.KeyCreateResponseSchema }, errors: [400, 401, 403, 413, 415],
  }),
  keyRevoke: ep({
    method: 'post', path: '/v1/keys/{id}/revoke', auth: true, summary: 'Revoke a key: refused from its next request on (an admin\'s key)',
    request: { params: s.KeyIdParamsSchema, body: s.KeyRevokeRequestSchema }, responses: { 200: s.KeyRevokeResponseSchema }, errors: [400, 401, 403, 404, 415],
  }),
  openapi: ep({ method: 'get', path: '/v1/openapi.json', auth: false, summary: 'This document (OpenAPI 3.1)', responses: { 200: s.OpenApiDocumentSchema }, errors: [] }),
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof endpoints;

/** A concrete URL path: `{name}` placeholders filled in, URL-encoded. */
export function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Hono's spelling of a contract path (`{irn}` → `:irn`). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
