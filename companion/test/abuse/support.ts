/**
 * Tools for the abuse tests: a raw HTTP client that can send what `fetch` refuses to (a lying Host,
 * invalid UTF-8, literal `../`, chunked bodies), the assertion every refusal must pass, and a
 * snapshot of the ledger (over the API and straight from the SQLite file) to prove nothing changed.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PostgresStorage } from '../../src/storage/postgres';
import type { ApiErrorCode } from '@irn-bridge/shared/api/contract';
import type { TestCompanion } from '../service/helpers';

/** Every code of the contract; `Record<ApiErrorCode, true>` makes the compiler keep this list complete. */
const CODES: Record<ApiErrorCode, true> = {
  BAD_REQUEST: true, INVALID_INVOICE: true, INVALID_GSTIN: true, UNAUTHORIZED: true, FORBIDDEN: true, NOT_FOUND: true,
  CONFLICT: true, ALREADY_CANCELLED: true, IRP_REJECTED: true, IRP_UNAVAILABLE: true, OUTCOME_UNKNOWN: true,
  PAYLOAD_TOO_LARGE: true, UNSUPPORTED_MEDIA_TYPE: true, RATE_LIMITED: true, PROFILE_NOT_FOUND: true, INTERNAL: true,
};
export const API_ERROR_CODES = new Set(Object.keys(CODES) as ApiErrorCode[]);

/** Seed for every property test: IRNB_SEED reproduces a failing run; each test prints the seed it used. */
export const SEED = Number(process.env.IRNB_SEED ?? Date.now() % 2_147_483_647);
/** Runs per property: small by default (2 shared cores), raise with IRNB_RUNS for a deeper search. */
export const RUNS = Number(process.env.IRNB_RUNS ?? 60);

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

export interface RawRequest {
  method?: string;
  /** Sent as-is on the request line: no URL normalisation. */
  path: string;
  headers?: Record<string, string>;
  /** Bearer key; omit for none. */
  key?: string;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  /** Send no Host header at all (as an HTTP/1.0 client may). */
  omitHost?: boolean;
}

/** Guards against a hang: a refusal must come back quickly, whatever the input. */
const HANG_LIMIT_MS = 20_000;

/** One request on its own connection (a 413 may leave the socket unusable). */
export function rawRequest(port: number, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { host: `127.0.0.1:${port}`, ...(r.headers ?? {}) };
    if (r.omitHost) delete headers.host;
    if (r.key) headers.authorization = `Bearer ${r.key}`;
    const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
    if (body && !r.chunked) headers['content-length'] = body.length;
    if (body && r.chunked) headers['transfer-encoding'] = 'chunked';
    const req = request({ host: '127.0.0.1', port, path: r.path, method: r.method ?? (body ? 'POST' : 'GET'), headers, agent: false, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${HANG_LIMIT_MS} ms: ${r.method ?? 'GET'} ${r.path.slice(0, 80)}`)), HANG_LIMIT_MS);
    // The server may answer 413 and close before the whole body is written: that answer is what we want.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') { clearTimeout(timer); reject(e); }
    });
    if (body && r.chunked) {
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else req.end(body);
  });
}

/**
 * The contract for every refusal: a 4xx (never 5xx), a JSON body in the ApiError shape, a code the
 * contract knows and a message. `expect` narrows status and code when the test knows them.
 */
export function assertRefused(res: RawResponse | { status: number; body: any; text: string }, what: string,
  expect: { status?: number | number[]; code?: ApiErrorCode | ApiErrorCode[] } = {}): { code: ApiErrorCode; message: string; issues?: any[] } {
  const body = 'json' in res ? res.json : res.body;
  const context = `${what} → ${res.status} ${res.text.slice(0, 300)}`;
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx: ${context}`);
  if (expect.status !== undefined) assert.ok([expect.status].flat().includes(res.status), `expected status ${expect.status}: ${context}`);
  assert.ok(body && typeof body === 'object' && body.error && typeof body.error === 'object', `expected the ApiError shape: ${context}`);
  assert.ok(API_ERROR_CODES.has(body.error.code), `unknown error code: ${context}`);
  if (expect.code !== undefined) assert.ok([expect.code].flat().includes(body.error.code), `expected code ${expect.code}: ${context}`);
  assert.equal(typeof body.error.message, 'string', context);
  assert.ok(body.error.message.length > 0, context);
  return body.error;
}

/** An INVALID_INVOICE answer must name the field of every blocking issue (a warning about a key spelled "" may not). */
export function assertNamesFields(error: { code: string; issues?: any[] }, what: string): void {
  assert.equal(error.code, 'INVALID_INVOICE', what);
  assert.ok(Array.isArray(error.issues) && error.issues.length > 0, `${what}: no issues`);
  for (const issue of error.issues!) {
    if (issue.code === 'TOO_MANY_ISSUES' || issue.severity === 'warning') continue; // the cap's summary line
    assert.ok(typeof issue.path === 'string' && issue.path.length > 0, `${what}: an issue without a field: ${JSON.stringify(issue)}`);
  }
}

export interface LedgerSnapshot {
  /** GET /v1/einvoices (whole ledger, newest first). */
  api: unknown;
  /** Every row of the einvoices table, read from the file. */
  rows: unknown[];
}

/** Reads the ledger through the API and, read-only, from the SQLite file (after an integrity check) or the PostgreSQL table. */
export async function snapshotLedger(c: TestCompanion): Promise<LedgerSnapshot> {
  const res = await c.api('/v1/einvoices?limit=1000');
  assert.equal(res.status, 200, res.text);
  const storage = c.running.companion.storage;
  if (storage.kind === 'postgres') {
    return { api: res.body, rows: (await (storage as PostgresStorage).pool.query('SELECT * FROM einvoices ORDER BY id')).rows };
  }
  const db = new Database(join(c.home, 'irn-bridge.db'), { readonly: true, fileMustExist: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    return { api: res.body, rows: db.prepare('SELECT * FROM einvoices ORDER BY id').all() };
  } finally {
    db.close();
  }
}

/** Log lines that betray an error the routes did not anticipate (app.ts logs them as "unexpected error"). */
export const unexpectedErrors = (c: TestCompanion): string[] => c.logs.filter((l) => /unexpected error/i.test(l));

/** Keys added to Object.prototype: must stay empty whatever `__proto__` keys the requests carry. */
export const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE_PROTO.has(k));
const BASELINE_PROTO = new Set(Object.getOwnPropertyNames(Object.prototype));
