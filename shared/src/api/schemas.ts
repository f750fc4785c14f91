/**
 * The local API v1 as zod schemas: the single source for the request validation (the companion
 * runs them as middleware), the TypeScript types both sides use (contract.ts infers them), and
 * the OpenAPI document (generated from them). Domain types come from the domain modules; the
 * `satisfies` lines prove each schema matches its domain type. `.meta({ id })` names a component.
 * Messages complete a sentence that starts with the field's name in quotes (see api/validate.ts).
 */
import { z } from 'zod';
import { DOC_TYPE_CODES } from '../codes/doc-types';
import { CANCEL_REASON_CHOICES, CANCEL_REASON_CODES, CANCEL_REMARK_MAX } from '../codes/cancel-reasons';
import { EWB_CANCEL_REASON_CHOICES, EWB_CANCEL_REASON_CODES, EWB_CANCEL_REMARK_MAX } from '../codes/ewb-cancel-reasons';
import { MAX_EWB_DISTANCE_KM } from '../ewaybill/rules';
import type { DocumentKey, QrFields } from '../irn';
import type { ValidationIssue } from '../invoice/issue';

export const PROFILE_KINDS = ['offline', 'sandbox', 'production', 'gsp'] as const;
export const LEDGER_STATES = ['pending', 'unknown', 'generated', 'cancelled', 'failed'] as const;
export const MAX_BATCH_INVOICES = 10_000;
export const MAX_BATCH_CONCURRENCY = 16;
const DDMMYYYY = /^\d{2}\/\d{2}\/\d{4}$/;

const text = (what = 'must be a string.') => z.string({ error: what });
const nullableText = z.string().nullable();
/** An optional profile name (omitted or null: the seller's profile, else the default). */
const profileField = text('must be a string (a profile name).').nullish().meta({ description: 'Profile name; default: the seller\'s, else the default profile.' });
const requiredText = (max: number) => z.string({ error: (i) => (i.input === undefined ? 'is required.' : 'must be a string.') })
  .refine((s) => s.trim().length > 0, { error: 'is required.' })
  .refine((s) => s.length <= max, { error: `is longer than ${max} characters.` });

export const DocTypeSchema = z.enum(DOC_TYPE_CODES, { error: 'must be INV, CRN or DBN.' });
export const DocumentKeySchema = z.object({
  sellerGstin: z.string(), fy: z.string(), docType: DocTypeSchema, docNo: z.string(), docDate: z.string(),
}).meta({ id: 'DocumentKey' }) satisfies z.ZodType<DocumentKey>;
export const QrFieldsSchema = z.object({
  SellerGstin: z.string(), BuyerGstin: z.string(), DocNo: z.string(), DocTyp: z.string(), DocDt: z.string(),
  TotInvVal: z.number(), ItemCnt: z.number(), MainHsnCode: z.string(), Irn: z.string(), IrnDt: z.string(),
}).meta({ id: 'QrFields' }) satisfies z.ZodType<QrFields>;
export const ValidationIssueSchema = z.object({
  path: z.string(), code: z.string(), message: z.string(), hint: z.string().optional(), severity: z.enum(['error', 'warning']),
}).meta({ id: 'ValidationIssue' }) satisfies z.ZodType<ValidationIssue>;
/** An INV-01 invoice in IRP field names; its content is checked by validateInvoice (field by field), not here. */
export const InvoiceSchema = z.record(z.string(), z.unknown(), { error: 'must be an INV-01 JSON object.' })
  .meta({ id: 'Inv01Invoice', description: 'An INV-01 e-invoice (schema version 1.1), IRP field names.' });
export const IrnSchema = z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be an IRN: 64 hexadecimal characters.' });

export const ProfileRefSchema = z.object({ name: z.string(), kind: z.enum(PROFILE_KINDS), demo: z.boolean() }).meta({ id: 'ProfileRef' });
export const ProfileSummarySchema = ProfileRefSchema.extend({ gstin: z.string(), isDefault: z.boolean(), baseUrl: z.string() }).meta({ id: 'ProfileSummary' });

export const API_ERROR_CODES = [
  'BAD_REQUEST', 'INVALID_INVOICE', 'INVALID_GSTIN', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'ALREADY_CANCELLED',
  'IRP_REJECTED', 'IRP_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'PROFILE_NOT_FOUND', 'INTERNAL',
] as const;
export const ApiErrorBodySchema = z.object({
  code: z.enum(API_ERROR_CODES), message: z.string(), hint: z.string().optional(),
  issues: z.array(ValidationIssueSchema).optional(),
  irp: z.object({ codes: z.array(z.string()), messages: z.array(z.string()) }).optional(),
}).meta({ id: 'ApiErrorBody' });
export const ApiErrorSchema = z.object({ error: ApiErrorBodySchema }).meta({ id: 'ApiError' });

// ---- Requests
export const PairRequestSchema = z.object({
  code: requiredText(32),
  /** A name for the key, e.g. "Chrome extension on clerk-pc". */
  client: requiredText(200),
});
export const ValidateRequestSchema = z.object({ invoice: InvoiceSchema, profile: profileField });
/** Where an invoice came from, so the ledger's history can open it in its ERP again. */
export const InvoiceSourceSchema = z.object({
  /** The ERP module's id (erpnext, odoo, recipe:<id>), when known. */
  erp: z.string({ error: 'must be a string.' }).max(100, { error: 'is longer than 100 characters.' }).optional(),
  /** The invoice's page in the ERP (http or https). */
  url: z.string({ error: 'must be a web address.' }).max(2000, { error: 'is longer than 2000 characters.' })
    .refine((u) => /^https?:\/\//i.test(u), { error: 'must start with http:// or https://.' }),
  /** The ERP's own record reference (e.g. Sales Invoice name, account.move id). */
  ref: z.string({ error: 'must be a string.' }).max(200, { error: 'is longer than 200 characters.' }).optional(),
}).meta({ id: 'InvoiceSource' });
export const GenerateRequestSchema = ValidateRequestSchema.extend({ source: InvoiceSourceSchema.optional() });
export const CancelRequestSchema = z.object({
  // A string or a number ("2" or 2), never anything else: String() on an object may throw or mislead (["1"] → "1").
  reason: z.union([z.string(), z.number()], { error: (i) => (i.input === undefined ? `is required: ${CANCEL_REASON_CHOICES}.` : `must be ${CANCEL_REASON_CHOICES}.`) })
    .meta({ description: `The IRP's cancel reason (CnlRsn): ${CANCEL_REASON_CHOICES}, as text or a number.`, examples: ['2'] })
    .transform(String).pipe(z.enum(CANCEL_REASON_CODES, { error: `must be ${CANCEL_REASON_CHOICES}.` })),
  remark: requiredText(CANCEL_REMARK_MAX).meta({ description: `Why (CnlRem), at most ${CANCEL_REMARK_MAX} characters; control and bidi characters are removed.` }),
  profile: profileField,
});
export const EwaybillRequestSchema = z.object({
  distance: z.number({ error: `must be a whole number of kilometres (0 to ${MAX_EWB_DISTANCE_KM}; 0 lets the IRP calculate it).` })
    .int({ error: `must be a whole number of kilometres (0 to ${MAX_EWB_DISTANCE_KM}; 0 lets the IRP calculate it).` })
    .min(0, { error: `must be a whole number of kilometres (0 to ${MAX_EWB_DISTANCE_KM}; 0 lets the IRP calculate it).` })
    .max(MAX_EWB_DISTANCE_KM, { error: `must be a whole number of kilometres (0 to ${MAX_EWB_DISTANCE_KM}; 0 lets the IRP calculate it).` }),
  transMode: z.enum(['1', '2', '3', '4'], { error: 'must be 1 (road), 2 (rail), 3 (air) or 4 (ship).' }).optional(),
  transId: text().optional(), transName: text().optional(), transDocNo: text().optional(),
  transDocDt: text().regex(DDMMYYYY, { error: 'must be a date as dd/mm/yyyy.' }).optional(),
  vehNo: text().optional(),
  vehType: z.enum(['R', 'O'], { error: 'must be R (regular) or O (over-dimensional cargo).' }).optional(),
  profile: profileField,
});
export const EwaybillCancelRequestSchema = z.object({
  reason: z.union([z.string(), z.number()], { error: (i) => (i.input === undefined ? `is required: ${EWB_CANCEL_REASON_CHOICES}.` : `must be ${EWB_CANCEL_REASON_CHOICES}.`) })
    .meta({ description: `The e-way bill system's cancel reason (cancelRsnCode): ${EWB_CANCEL_REASON_CHOICES}. Not the IRN's numbering.`, examples: ['2'] })
    .transform(String).pipe(z.enum(EWB_CANCEL_REASON_CODES, { error: `must be ${EWB_CANCEL_REASON_CHOICES}.` })),
  remark: requiredText(EWB_CANCEL_REMARK_MAX).meta({ description: `Why (cancelRmrk), at most ${EWB_CANCEL_REMARK_MAX} characters; control and bidi characters are removed.` }),
  profile: profileField,
});
export const BatchRequestSchema = z.object({
  invoices: z.array(z.unknown(), { error: 'must be an array of INV-01 objects.' })
    .max(MAX_BATCH_INVOICES, { error: `holds at most ${MAX_BATCH_INVOICES} invoices.` }).meta({ description: 'INV-01 invoices; each is checked on its own.' }),
  profile: profileField,
  /** Parallel IRP calls; default 4. */
  concurrency: z.number({ error: `must be between 1 and ${MAX_BATCH_CONCURRENCY}.` }).int({ error: `must be between 1 and ${MAX_BATCH_CONCURRENCY}.` })
    .min(1, { error: `must be between 1 and ${MAX_BATCH_CONCURRENCY}.` }).max(MAX_BATCH_CONCURRENCY, { error: `must be between 1 and ${MAX_BATCH_CONCURRENCY}.` }).optional(),
  /** When true the call waits and returns the final BatchStatus (200) instead of 202. */
  wait: z.boolean({ error: 'must be true or false.' }).optional(),
});
export const RawIrpRequestSchema = z.object({
  method: z.string({ error: (i) => (i.input === undefined ? 'is required.' : 'must be GET or POST.') })
    .transform((m) => m.toUpperCase()).pipe(z.enum(['GET', 'POST'], { error: 'must be GET or POST.' })),
  /** An IRP path such as `/eivital/v1.04/Master/gstin/29AAACP7879D1Z0`. */
  path: requiredText(500),
  body: z.unknown().optional(),
  profile: profileField,
});

// ---- Path and query parameters
const wholeNumber = (name: string) => z.string().regex(/^\d+$/, { error: `must be a whole number no larger than ${Number.MAX_SAFE_INTEGER}.` })
  .transform(Number).refine(Number.isSafeInteger, { error: `must be a whole number no larger than ${Number.MAX_SAFE_INTEGER}.` })
  .optional().meta({ description: name });
export const IrnParamsSchema = z.object({ irn: IrnSchema.meta({ description: '64 hex characters' }) });
export const GstinParamsSchema = z.object({ gstin: z.string().meta({ description: '15-character GSTIN' }) });
export const BatchParamsSchema = z.object({ id: z.string().meta({ description: 'Batch id' }) });
export const ProfileQuerySchema = z.object({ profile: z.string().optional().meta({ description: 'Profile name; default: the default profile.' }) });
/** With docType, docNo and docDate: one document. Otherwise: the ledger, filtered by `state` (the one name for it). */
export const EInvoicesQuerySchema = z.object({
  docType: z.string().transform((s) => s.toUpperCase()).pipe(DocTypeSchema).optional().meta({ description: 'INV, CRN or DBN', type: 'string' }),
  docNo: z.string().optional().meta({ description: 'Document number' }),
  docDate: z.string().regex(DDMMYYYY, { error: 'must be a date as dd/mm/yyyy.' }).optional().meta({ description: 'dd/mm/yyyy' }),
  state: z.enum(LEDGER_STATES, { error: `must be one of ${LEDGER_STATES.join(', ')}.` }).optional(),
  from: z.string().optional().meta({ description: 'dd/mm/yyyy' }),
  to: z.string().optional().meta({ description: 'dd/mm/yyyy' }),
  q: z.string().optional().meta({ description: 'Search document number, IRN or GSTIN' }),
  limit: wholeNumber('Page size (1–1000, default 50)'),
  offset: wholeNumber('Skip'),
  profile: z.string().optional(),
  // Viewing an invoice must cost nothing at the IRP (GSPs bill get-by-document, NIC rate-limits it):
  // the panel asks the ledger only; other tools keep "ledger, then the IRP" unless they say so.
  ledgerOnly: z.enum(['true', 'false'], { error: 'must be true or false.' }).optional()
    .meta({ description: 'With docType, docNo and docDate: "true" answers from the ledger only (404 when it has no IRN), never calling the IRP' }),
}).refine((q) => !(q.docType || q.docNo || q.docDate) || (q.docType && q.docNo && q.docDate), {
  error: 'Looking up a document needs docType, docNo and docDate together.', path: ['docNo'],
});

// ---- Responses
export const HealthResponseSchema = z.object({
  service: z.literal('irn-bridge-companion'), version: z.string(), apiVersion: z.literal('v1'),
  /** Whether the caller's Authorization key (if any) is valid. */
  paired: z.boolean(), profiles: z.array(ProfileRefSchema), defaultProfile: z.string().nullable(),
  /** With a valid key: the person it was made for (null for a paired browser's key) and its role (KEY_ROLES). */
  user: z.string().nullable().optional(), role: z.enum(['clerk', 'admin']).optional(),
  /** Over TLS (team mode): the SHA-256 fingerprint of the certificate served, for the clerk to compare with the admin's. */
  tlsFingerprint: z.string().optional(),
});
export const PairResponseSchema = z.object({ apiKey: z.string(), keyId: z.string(), client: z.string() });
export const ProfilesResponseSchema = z.object({ profiles: z.array(ProfileSummarySchema) });
export const GstinDetailsSchema = z.object({
  gstin: z.string(), legalName: nullableText, tradeName: nullableText,
  /** One line, built from the IRP's address parts. */
  address: nullableText,
  addressParts: z.object({
    building: nullableText, buildingNo: nullableText, floor: nullableText, street: nullableText, location: nullableText, pincode: z.number().nullable(),
  }),
  stateCode: nullableText, stateName: nullableText,
  /** ACT, CNL, INA or PRO. */
  status: nullableText,
  /** B = e-way bill generation blocked; null/U = not blocked. */
  blockStatus: nullableText,
  taxpayerType: nullableText, registrationDate: nullableText, deregistrationDate: nullableText,
  profile: ProfileRefSchema,
}).meta({ id: 'GstinDetails' });
export const ValidateResponseSchema = z.object({ valid: z.boolean(), issues: z.array(ValidationIssueSchema) });
export const EInvoiceResultSchema = z.object({
  irn: z.string(), ackNo: z.string(),
  /** IST, `yyyy-MM-dd HH:mm:ss` as the IRP sends it. */
  ackDt: z.string(),
  status: z.enum(['ACT', 'CNL']), signedInvoice: z.string(), signedQrCode: z.string(), qr: QrFieldsSchema.nullable(),
  ewbNo: nullableText.optional(), ewbDt: nullableText.optional(), ewbValidTill: nullableText.optional(),
  /** True when the IRN was recovered from a duplicate (2150) or an unknown outcome instead of freshly registered. */
  recovered: z.boolean().optional(),
  /** True when the ledger already had it and no IRP call was made. */
  fromLedger: z.boolean().optional(),
  cancelDate: nullableText.optional(),
  /** The cancellation's reason code (CnlRsn) and remark as the ledger keeps them, so an ERP can be told later. */
  cancelReason: nullableText.optional(), cancelRemark: nullableText.optional(),
  /** When the e-way bill was cancelled (then the IRN may be cancelled); null or absent while it is active. */
  ewbCancelDate: nullableText.optional(),
  /** The e-way bill cancellation's reason (e-way bill numbering) and remark. */
  ewbCancelReason: nullableText.optional(), ewbCancelRemark: nullableText.optional(),
  document: DocumentKeySchema, buyerGstin: nullableText, totalValue: z.number(), profile: ProfileRefSchema,
}).meta({ id: 'EInvoiceResult' });
export const LedgerEntrySchema = z.object({
  id: z.number(), state: z.enum(LEDGER_STATES), document: DocumentKeySchema, profile: z.string(),
  irn: nullableText, ackNo: nullableText, ackDt: nullableText, buyerGstin: nullableText, totalValue: z.number().nullable(),
  recovered: z.boolean(), ewbNo: nullableText, cancelDate: nullableText, lastError: ApiErrorBodySchema.nullable(),
  createdAt: z.string(), updatedAt: z.string(),
  ewbDt: nullableText.optional(), ewbValidTill: nullableText.optional(), ewbCancelDate: nullableText.optional(),
  /** From the stored INV-01: the buyer's legal name and the tax figures of ValDtls (null when not stored). */
  buyerName: nullableText.optional(),
  amounts: z.object({ assVal: z.number(), igst: z.number(), cgst: z.number(), sgst: z.number(), cess: z.number(), other: z.number(), roundOff: z.number() }).nullable().optional(),
  source: InvoiceSourceSchema.nullable().optional(),
  /** Team mode: the person whose key generated it (null for a desk's own pairing or an older row). */
  createdBy: nullableText.optional(),
}).meta({ id: 'LedgerEntry' });
export const LedgerListResponseSchema = z.object({ entries: z.array(LedgerEntrySchema), total: z.number(), limit: z.number(), offset: z.number() });
export const CancelResponseSchema = z.object({ irn: z.string(), cancelDate: z.string(), status: z.literal('CNL') });
export const EwaybillResponseSchema = z.object({ irn: z.string(), ewbNo: z.string(), ewbDt: z.string(), ewbValidTill: nullableText, info: z.unknown().optional() });
/** `cancelDate` as the e-way bill system writes it (dd/MM/yyyy hh:mm:ss AM). */
export const EwaybillCancelResponseSchema = z.object({ irn: z.string(), ewbNo: z.string(), cancelDate: z.string(), status: z.literal('CNL') });
export const BatchAcceptedSchema = z.object({ batchId: z.string(), total: z.number(), statusUrl: z.string() });
export const BatchItemResultSchema = z.union([
  z.object({ index: z.number(), ok: z.literal(true), result: EInvoiceResultSchema }),
  z.object({ index: z.number(), ok: z.literal(false), error: ApiErrorBodySchema }),
]);
export const BatchStatusSchema = z.object({
  batchId: z.string(), total: z.number(), done: z.number(), succeeded: z.number(), failed: z.number(), finished: z.boolean(),
  results: z.array(BatchItemResultSchema),
}).meta({ id: 'BatchStatus' });
export const RawIrpResponseSchema = z.object({
  /** The decrypted `Data` of the IRP envelope. */
  data: z.unknown(), info: z.unknown(),
});
export const OpenApiDocumentSchema = z.looseObject({ openapi: z.string() });

// ---- API keys for people (team mode); admin keys only (companion/src/security/roles.ts)
export const KEY_ROLES = ['clerk', 'admin'] as const;
/** A person's name as ledger rows and the audit log show it: one printable line. */
export const USER_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._@'-]{0,63}$/u;
export const USER_NAME_RULE = "letters, digits, spaces and . _ @ ' - (up to 64), starting with a letter or digit";
export const KeyCreateRequestSchema = z.object({
  user: z.string({ error: 'must be a string.' }).trim().regex(USER_NAME_PATTERN, { error: `must be a person's name: ${USER_NAME_RULE}.` })
    .meta({ description: 'The person the key is for; ledger rows and audit entries name them' }),
  role: z.enum(KEY_ROLES, { error: 'must be clerk or admin.' }).meta({ description: 'clerk: generate, cancel, e-way bills, read; admin: also raw IRP calls and keys' }),
});
export const KeyIdParamsSchema = z.object({ id: z.string().meta({ description: 'Key id (key_…)' }) });
/** Nothing to say but the id; a JSON body like every other POST (the media-type gate is one rule). */
export const KeyRevokeRequestSchema = z.object({});
export const ApiKeySummarySchema = z.object({
  id: z.string(), client: z.string(), userName: nullableText, role: z.enum(KEY_ROLES), origin: nullableText,
  createdAt: z.string(), lastUsedAt: nullableText, revokedAt: nullableText,
}).meta({ id: 'ApiKeySummary' });
export const KeysResponseSchema = z.object({ keys: z.array(ApiKeySummarySchema) });
/** The key in plain: in this answer only (the companion keeps its SHA-256). */
export const KeyCreateResponseSchema = z.object({ apiKey: z.string(), keyId: z.string(), user: z.string(), role: z.enum(KEY_ROLES) });
export const KeyRevokeResponseSchema = z.object({ keyId: z.string(), revoked: z.literal(true) });
