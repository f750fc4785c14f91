/**
 * GET /v1/openapi.json: the local API v1 described by hand from shared/src/api/contract.ts.
 * A test compares its paths with the routes the app registers, so the two cannot drift apart.
 */
import { Hono } from 'hono';
import { API_VERSION, DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import { COMPANION_VERSION } from './health';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const nstr: Schema = { type: ['string', 'null'] };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: 'object', properties, required });
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: Schema) => ({ description, ...json(schema) });
const err = (description: string) => ({ description, ...json(ref('ApiError')) });
const errors = (...codes: string[]) => Object.fromEntries(codes.map((c) => [c, err(ERROR_TEXT[c] ?? 'Error')]));
const ERROR_TEXT: Record<string, string> = {
  '400': 'Bad request', '401': 'Missing, unknown or revoked API key', '404': 'Not found', '409': 'Conflict',
  '413': 'Body too large', '415': 'Body is not JSON', '422': 'Invalid input or IRP refusal', '429': 'Too many attempts',
  '503': 'IRP unreachable or outcome unknown',
};
const query = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: str });
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: str });
const profileQuery = query('profile', 'Profile name; default: the default profile.');

const documentKey = obj({ sellerGstin: str, fy: str, docType: { enum: ['INV', 'CRN', 'DBN'] }, docNo: str, docDate: str },
  ['sellerGstin', 'fy', 'docType', 'docNo', 'docDate']);
const profileRef = obj({ name: str, kind: { enum: ['offline', 'sandbox', 'production', 'gsp'] }, demo: bool }, ['name', 'kind', 'demo']);
const apiErrorBody = obj({
  code: { enum: ['BAD_REQUEST', 'INVALID_INVOICE', 'INVALID_GSTIN', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'ALREADY_CANCELLED',
    'IRP_REJECTED', 'IRP_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'PROFILE_NOT_FOUND', 'INTERNAL'] },
  message: str, hint: str, issues: { type: 'array', items: ref('ValidationIssue') },
  irp: obj({ codes: { type: 'array', items: str }, messages: { type: 'array', items: str } }),
}, ['code', 'message']);

const schemas: Record<string, Schema> = {
  ApiError: obj({ error: apiErrorBody }, ['error']),
  ValidationIssue: obj({ path: str, code: str, message: str, hint: str, severity: { enum: ['error', 'warning'] } }, ['path', 'code', 'message', 'severity']),
  DocumentKey: documentKey,
  ProfileRef: profileRef,
  ProfileSummary: { allOf: [profileRef, obj({ gstin: str, isDefault: bool, baseUrl: str }, ['gstin', 'isDefault', 'baseUrl'])] },
  Inv01Invoice: { type: 'object', description: 'An INV-01 e-invoice (schema version 1.1), IRP field names.' },
  QrFields: obj({ SellerGstin: str, BuyerGstin: str, DocNo: str, DocTyp: str, DocDt: str, TotInvVal: num, ItemCnt: num, MainHsnCode: str, Irn: str, IrnDt: str }),
  EInvoiceResult: obj({
    irn: str, ackNo: str, ackDt: str, status: { enum: ['ACT', 'CNL'] }, signedInvoice: str, signedQrCode: str,
    qr: { oneOf: [ref('QrFields'), { type: 'null' }] }, ewbNo: nstr, ewbDt: nstr, ewbValidTill: nstr, recovered: bool, fromLedger: bool,
    cancelDate: nstr, document: ref('DocumentKey'), buyerGstin: nstr, totalValue: num, profile: ref('ProfileRef'),
  }, ['irn', 'ackNo', 'ackDt', 'status', 'signedInvoice', 'signedQrCode', 'qr', 'document', 'buyerGstin', 'totalValue', 'profile']),
  LedgerEntry: obj({
    id: num, state: { enum: ['pending', 'unknown', 'generated', 'cancelled', 'failed'] }, document: ref('DocumentKey'), profile: str,
    irn: nstr, ackNo: nstr, ackDt: nstr, buyerGstin: nstr, totalValue: { type: ['number', 'null'] }, recovered: bool, ewbNo: nstr,
    cancelDate: nstr, lastError: { oneOf: [apiErrorBody, { type: 'null' }] }, createdAt: str, updatedAt: str,
  }),
  BatchStatus: obj({
    batchId: str, total: num, done: num, succeeded: num, failed: num, finished: bool,
    results: { type: 'array', items: obj({ index: num, ok: bool, result: ref('EInvoiceResult'), error: apiErrorBody }, ['index', 'ok']) },
  }, ['batchId', 'total', 'done', 'succeeded', 'failed', 'finished', 'results']),
};

const secured = [{ apiKey: [] }];

export const openapiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'IRN Bridge companion — local API',
    version: `${API_VERSION} (companion ${COMPANION_VERSION})`,
    description: 'Registers GST e-invoices with the IRP from this computer. Listens on 127.0.0.1 only. ' +
      'Get an API key by pairing (`irn-bridge pair`, then POST /v1/pair); send it as `Authorization: Bearer <key>`.',
  },
  servers: [{ url: `http://127.0.0.1:${DEFAULT_COMPANION_PORT}` }],
  security: secured,
  components: {
    securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A key from POST /v1/pair (prefix irnb_).' } },
    schemas,
  },
  paths: {
    '/v1/health': {
      get: {
        operationId: 'health', summary: 'Is the companion running, and is my key valid?', security: [],
        responses: { 200: ok('Status', obj({ service: str, version: str, apiVersion: str, paired: bool, profiles: { type: 'array', items: ref('ProfileRef') }, defaultProfile: nstr })) },
      },
    },
    '/v1/pair': {
      post: {
        operationId: 'pair', summary: 'Exchange a one-time pairing code for an API key', security: [],
        requestBody: { required: true, ...json(obj({ code: str, client: str }, ['code', 'client'])) },
        responses: { 200: ok('The new key (shown once)', obj({ apiKey: str, keyId: str, client: str }, ['apiKey', 'keyId', 'client'])), ...errors('400', '401', '415', '429') },
      },
    },
    '/v1/profiles': {
      get: {
        operationId: 'listProfiles', summary: 'IRP profiles (no secrets)',
        responses: { 200: ok('Profiles', obj({ profiles: { type: 'array', items: ref('ProfileSummary') } })), ...errors('401') },
      },
    },
    '/v1/gstin/{gstin}': {
      get: {
        operationId: 'gstinDetails', summary: 'Taxpayer details of a GSTIN (checksum checked locally first)',
        parameters: [pathParam('gstin', '15-character GSTIN'), profileQuery],
        responses: { 200: ok('Details', obj({ gstin: str, legalName: nstr, tradeName: nstr, address: nstr, stateCode: nstr, stateName: nstr, status: nstr, blockStatus: nstr, profile: ref('ProfileRef') })), ...errors('401', '404', '422', '503') },
      },
    },
    '/v1/einvoices/validate': {
      post: {
        operationId: 'validateInvoice', summary: 'Check an invoice without calling the IRP',
        requestBody: { required: true, ...json(obj({ invoice: ref('Inv01Invoice'), profile: str }, ['invoice'])) },
        responses: { 200: ok('Issues', obj({ valid: bool, issues: { type: 'array', items: ref('ValidationIssue') } })), ...errors('400', '401', '415') },
      },
    },
    '/v1/einvoices': {
      post: {
        operationId: 'generateEInvoice', summary: 'Generate an IRN, exactly once per document',
        requestBody: { required: true, ...json(obj({ invoice: ref('Inv01Invoice'), profile: str }, ['invoice'])) },
        responses: { 200: ok('The e-invoice (fresh, recovered, or from the ledger)', ref('EInvoiceResult')), ...errors('400', '401', '404', '409', '413', '415', '422', '503') },
      },
      get: {
        operationId: 'listOrFindEInvoices',
        summary: 'With docType, docNo and docDate: one document (EInvoiceResult, 404 if none). Otherwise: the ledger.',
        parameters: [query('docType', 'INV, CRN or DBN'), query('docNo', 'Document number'), query('docDate', 'dd/mm/yyyy'),
          query('state', 'pending | unknown | generated | cancelled | failed'), query('from', 'dd/mm/yyyy'), query('to', 'dd/mm/yyyy'),
          query('q', 'Search document number, IRN or GSTIN'), query('limit', 'Page size (1–1000, default 50)'), query('offset', 'Skip'), profileQuery],
        responses: {
          200: ok('A document or a ledger page', { oneOf: [ref('EInvoiceResult'), obj({ entries: { type: 'array', items: ref('LedgerEntry') }, total: num, limit: num, offset: num })] }),
          ...errors('400', '401', '404', '503'),
        },
      },
    },
    '/v1/einvoices/{irn}': {
      get: {
        operationId: 'getEInvoice', summary: 'An e-invoice by IRN (ledger first, then the IRP)',
        parameters: [pathParam('irn', '64 hex characters'), profileQuery],
        responses: { 200: ok('The e-invoice', ref('EInvoiceResult')), ...errors('400', '401', '404', '503') },
      },
    },
    '/v1/einvoices/{irn}/cancel': {
      post: {
        operationId: 'cancelEInvoice', summary: 'Cancel an IRN (within 24 hours of generation)',
        parameters: [pathParam('irn', '64 hex characters')],
        requestBody: { required: true, ...json(obj({ reason: { enum: ['1', '2', '3', '4'] }, remark: str, profile: str }, ['reason', 'remark'])) },
        responses: { 200: ok('Cancelled', obj({ irn: str, cancelDate: str, status: { const: 'CNL' } })), ...errors('400', '401', '409', '415', '422', '503') },
      },
    },
    '/v1/einvoices/{irn}/ewaybill': {
      post: {
        operationId: 'generateEwaybill', summary: 'Generate an e-way bill for an IRN',
        parameters: [pathParam('irn', '64 hex characters')],
        requestBody: { required: true, ...json(obj({ distance: num, transMode: str, transId: str, transName: str, transDocNo: str, transDocDt: str, vehNo: str, vehType: str, profile: str }, ['distance'])) },
        responses: { 200: ok('E-way bill', obj({ irn: str, ewbNo: str, ewbDt: str, ewbValidTill: nstr, info: {} })), ...errors('400', '401', '415', '422', '503') },
      },
    },
    '/v1/einvoices/batch': {
      post: {
        operationId: 'generateBatch', summary: 'Generate many IRNs with bounded concurrency',
        requestBody: { required: true, ...json(obj({ invoices: { type: 'array', items: ref('Inv01Invoice') }, profile: str, concurrency: num, wait: bool }, ['invoices'])) },
        responses: {
          200: ok('Final status (wait: true)', ref('BatchStatus')),
          202: ok('Accepted', obj({ batchId: str, total: num, statusUrl: str }, ['batchId', 'total', 'statusUrl'])),
          ...errors('400', '401', '404', '413', '415'),
        },
      },
    },
    '/v1/einvoices/batch/{id}': {
      get: {
        operationId: 'batchStatus', summary: 'Progress and per-invoice results of a batch',
        parameters: [pathParam('id', 'Batch id')],
        responses: { 200: ok('Status', ref('BatchStatus')), ...errors('401', '404') },
      },
    },
    '/v1/irp/raw': {
      post: {
        operationId: 'rawIrpCall', summary: 'Call any IRP endpoint; the companion adds authentication and encryption',
        requestBody: { required: true, ...json(obj({ method: { enum: ['GET', 'POST'] }, path: str, body: {}, profile: str }, ['method', 'path'])) },
        responses: { 200: ok('Decrypted Data and InfoDtls', obj({ data: {}, info: {} })), ...errors('400', '401', '415', '422', '503') },
      },
    },
    '/v1/openapi.json': {
      get: { operationId: 'openapi', summary: 'This document', security: [], responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } },
    },
  },
} as const;

export function openapiRoutes() {
  return new Hono().get('/v1/openapi.json', (c) => c.json(openapiDocument));
}
