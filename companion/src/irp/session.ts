/**
 * IrpSession: one authenticated conversation with an IRP (NIC direct, a GSP pass-through, or the
 * offline IRP) for one GSTIN and API user. It owns the token (reuse, persistence, single-flight
 * refresh, one re-auth on 1005) and the encryption; callers see plain JSON or typed errors.
 */
import { aesDecrypt, decryptJson, encryptJson, newAppKey, rsaEncryptPkcs1 } from './crypto';
import { pick, readEnvelope } from './envelope';
import { IrpError, IrpTransportError } from './errors';
import { parseIstDateTime } from '@irn-bridge/shared/dates';
import { type CachedToken, MemoryTokenCache, type TokenCache, profileIdentity } from './token-cache';
import { exchange } from './transport';
import type {
  CancelEwbData,
  CancelEwbRequest,
  CancelIrnData,
  CancelIrnRequest,
  EwbByIrnRequest,
  EwbData,
  EwbDetailsData,
  GstinDetailsData,
  IrnResponseData,
  IrpResult,
} from './types';

export interface IrpSessionConfig {
  baseUrl: string;
  gstin: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** The IRP's RSA public key (SPKI PEM) for the auth payload. */
  publicKeyPem: string;
  /** Sent on every call including auth, e.g. a GSP's `aspid` / `password`. */
  extraHeaders?: Record<string, string>;
  /** Per-call timeout, default 30 s. */
  timeoutMs?: number;
}

export interface IrpLogEvent {
  op: string;
  path: string;
  status?: number;
  ms: number;
  codes?: string[];
}

export interface IrpSessionOptions {
  tokenCache?: TokenCache;
  /** Lets the companion call an in-process offline IRP (`app.fetch`) without a socket. */
  fetch?: typeof fetch;
  now?: () => Date;
  /** Never receives secrets: operation, path, status, duration and error codes only. */
  log?: (event: IrpLogEvent) => void;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export const AUTH_PATH = '/eivital/v1.04/auth';
/** Refresh this long before TokenExpiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 10 * 60_000;
/**
 * A login inside the margin returns the same token (NIC only issues a new one when forced, and we
 * force only after 1005). Such a token is used until just before its real expiry instead of
 * logging in again on every call.
 */
const LATE_TOKEN_MARGIN_MS = 30_000;
const RSA_2048_MAX_PLAINTEXT = 245;

export class IrpSession {
  readonly identity: string;
  readonly stats = { authCalls: 0, requests: 0 };

  private readonly config: IrpSessionConfig;
  private readonly cache: TokenCache;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => Date;
  private readonly log?: (event: IrpLogEvent) => void;
  private token: CachedToken | null = null;
  private inflight: Promise<CachedToken> | null = null;
  /** The token a login returned although it was already inside the refresh margin. */
  private lateToken: string | null = null;

  constructor(config: IrpSessionConfig, opts: IrpSessionOptions = {}) {
    this.config = { ...config, baseUrl: config.baseUrl.replace(/\/+$/, '') };
    this.cache = opts.tokenCache ?? new MemoryTokenCache();
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log;
    this.identity = profileIdentity(this.config);
  }

  private fresh(t: CachedToken | null): t is CachedToken {
    if (!t) return false;
    const margin = t.authToken === this.lateToken ? LATE_TOKEN_MARGIN_MS : EXPIRY_MARGIN_MS;
    return this.now().getTime() < t.expiresAt - margin;
  }

  /**
   * A usable token: from memory, else from the cache, else from the IRP. Concurrent callers share
   * one auth request. `forceRefresh` drops the cached token and asks the IRP for a new one.
   */
  async authenticate(opts: { forceRefresh?: boolean } = {}): Promise<CachedToken> {
    if (!opts.forceRefresh && this.fresh(this.token)) return this.token;
    if (this.inflight) return this.inflight;
    this.inflight = this.obtainToken(!!opts.forceRefresh).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private obtainToken(force: boolean): Promise<CachedToken> {
    // A cache shared by several processes (team mode) lets one of them authenticate at a time.
    const failed = force ? this.token?.authToken ?? null : null;
    const run = () => this.obtainTokenNow(force, failed);
    return this.cache.exclusive ? this.cache.exclusive(this.identity, run) : run();
  }

  private async obtainTokenNow(force: boolean, failed: string | null): Promise<CachedToken> {
    if (force) {
      this.token = null;
      if (this.cache.exclusive && failed) {
        // Another process may have re-authenticated since our token was refused: its token is the one to use.
        const shared = await this.cache.get(this.identity);
        if (this.fresh(shared) && shared.authToken !== failed) return (this.token = shared);
      }
      await this.cache.delete(this.identity);
    } else {
      const cached = await this.cache.get(this.identity);
      if (this.fresh(cached)) return (this.token = cached);
    }
    const token = await this.callAuth(force);
    this.lateToken = this.now().getTime() >= token.expiresAt - EXPIRY_MARGIN_MS ? token.authToken : null;
    this.token = token;
    await this.cache.set(this.identity, token);
    return token;
  }

  private baseHeaders(): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      Gstin: this.config.gstin,
      ...this.config.extraHeaders,
    };
  }

  private async callAuth(force: boolean): Promise<CachedToken> {
    const appKey = newAppKey();
    const payload = JSON.stringify({
      UserName: this.config.username,
      Password: this.config.password,
      AppKey: appKey,
      ForceRefreshAccessToken: force,
    });
    const encoded = Buffer.from(Buffer.from(payload, 'utf8').toString('base64'), 'utf8');
    if (encoded.length > RSA_2048_MAX_PLAINTEXT) {
      throw new Error('The IRP username and password are too long to fit in one RSA-2048 block');
    }
    let data: string;
    try {
      data = rsaEncryptPkcs1(this.config.publicKeyPem, encoded).toString('base64');
    } catch {
      throw new Error('Could not encrypt the IRP login with the configured public key (is it an RSA public key PEM?)');
    }

    this.stats.authCalls++;
    const { reply: json, env } = await this.send('auth', 'POST', AUTH_PATH, this.baseHeaders(), JSON.stringify({ Data: data }));
    if (!env.ok) throw new IrpError({ details: env.errors, info: env.info, raw: json.json, httpStatus: json.status });

    const d = typeof env.data === 'string' ? safeJson(env.data) : env.data;
    const authToken = pick(d, 'AuthToken');
    const sekEnc = pick(d, 'Sek');
    const tokenExpiry = pick(d, 'TokenExpiry');
    if (typeof authToken !== 'string' || typeof sekEnc !== 'string' || typeof tokenExpiry !== 'string') {
      throw new IrpTransportError('bad-response', 'The IRP auth response lacks AuthToken, Sek or TokenExpiry', json.status);
    }
    let sek: Buffer;
    let expiresAt: number;
    try {
      // Always decrypt with the AppKey we just sent: a repeat auth re-wraps the same SEK in it.
      sek = aesDecrypt(Buffer.from(appKey, 'base64'), Buffer.from(sekEnc, 'base64'));
      expiresAt = parseIstDateTime(tokenExpiry).getTime();
    } catch {
      throw new IrpTransportError('bad-response', 'The IRP auth response could not be decoded', json.status);
    }
    if (sek.length !== 32 || Number.isNaN(expiresAt)) {
      throw new IrpTransportError('bad-response', 'The IRP auth response could not be decoded', json.status);
    }
    const clientId = pick(d, 'ClientId');
    return {
      authToken,
      sek: sek.toString('base64'),
      tokenExpiry,
      expiresAt,
      ...(typeof clientId === 'string' ? { clientId } : {}),
      userName: String(pick(d, 'UserName') ?? this.config.username),
    };
  }

  /** One HTTP exchange with logging (no secrets: op, path, status, ms, codes); the envelope is read here, once. */
  private async send(op: string, method: string, path: string, headers: Record<string, string>, body?: string) {
    const started = Date.now();
    try {
      const reply = await exchange(
        this.fetchFn,
        this.config.baseUrl + path,
        { method, headers, ...(body !== undefined ? { body } : {}) },
        this.config.timeoutMs ?? 30_000,
      );
      const env = readEnvelope(reply.json);
      this.log?.({ op, path: stripQuery(path), status: reply.status, ms: Date.now() - started, ...(env.ok ? {} : { codes: env.errors.map((e) => e.code) }) });
      return { reply, env };
    } catch (e) {
      this.log?.({ op, path: stripQuery(path), ms: Date.now() - started, ...(e instanceof IrpTransportError && e.httpStatus ? { status: e.httpStatus } : {}), codes: [e instanceof IrpTransportError ? `transport:${e.reason}` : 'error'] });
      throw e;
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body: unknown, opts: RequestOptions = {}): Promise<IrpResult<T>> {
    const url = opts.query ? `${path}?${new URLSearchParams(opts.query).toString()}` : path;
    let token = await this.authenticate();
    for (let attempt = 0; ; attempt++) {
      const sek = Buffer.from(token.sek, 'base64');
      const headers = { ...this.baseHeaders(), user_name: this.config.username, AuthToken: token.authToken, ...opts.headers };
      const payload = method === 'POST' ? JSON.stringify({ Data: encryptJson(sek, body) }) : undefined;
      this.stats.requests++;
      const { reply, env } = await this.send(`${method} ${path}`, method, url, headers, payload);
      if (env.ok) return { data: this.decodeData<T>(sek, env.data, reply.status), info: env.info, raw: reply.json, status: reply.status };
      if (attempt === 0 && env.errors.some((e) => e.code === '1005')) {
        token = await this.refreshAfterInvalidToken(token);
        continue;
      }
      throw new IrpError({ details: env.errors, info: env.info, raw: reply.json, httpStatus: reply.status });
    }
  }

  /**
   * After 1005: re-auth once for everyone. If another caller already replaced the rejected token,
   * use theirs instead of authenticating again.
   */
  private async refreshAfterInvalidToken(rejected: CachedToken): Promise<CachedToken> {
    if (this.inflight) return this.inflight;
    if (this.token && this.token.authToken !== rejected.authToken && this.fresh(this.token)) return this.token;
    return this.authenticate({ forceRefresh: true });
  }

  private decodeData<T>(sek: Buffer, data: unknown, status: number): T {
    if (typeof data !== 'string') return data as T; // already plain (or null)
    try {
      return decryptJson(sek, data) as T;
    } catch {
      // Some calls answer plain JSON text; anything else is undecodable.
      const plain = safeJson(data);
      if (plain !== undefined) return plain as T;
      throw new IrpTransportError('bad-response', 'The IRP response Data could not be decrypted', status);
    }
  }

  // ---- generic calls, for endpoints without a typed method

  get<T = unknown>(path: string, opts?: RequestOptions): Promise<IrpResult<T>> {
    return this.request<T>('GET', path, undefined, opts);
  }

  post<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<IrpResult<T>> {
    return this.request<T>('POST', path, body, opts);
  }

  // ---- typed calls, one per NIC endpoint the companion uses

  gstinDetails(gstin: string): Promise<IrpResult<GstinDetailsData>> {
    return this.get(`/eivital/v1.04/Master/gstin/${encodeURIComponent(gstin.toUpperCase())}`);
  }

  syncGstin(gstin: string): Promise<IrpResult<GstinDetailsData>> {
    return this.get(`/eivital/v1.04/Master/syncgstin/${encodeURIComponent(gstin.toUpperCase())}`);
  }

  generateIrn(invoice: unknown): Promise<IrpResult<IrnResponseData>> {
    return this.post('/eicore/v1.03/Invoice', invoice);
  }

  getByIrn(irn: string, opts: { supGstin?: string } = {}): Promise<IrpResult<IrnResponseData>> {
    return this.get(`/eicore/v1.03/Invoice/irn/${encodeURIComponent(irn)}`, supHeader(opts.supGstin));
  }

  /** `docDate` is `dd/mm/yyyy`, as in DocDtls.Dt. */
  getByDocDetails(q: { docType: string; docNo: string; docDate: string }): Promise<IrpResult<IrnResponseData>> {
    return this.get('/eicore/v1.03/Invoice/irnbydocdetails', {
      query: { doctype: q.docType.toUpperCase(), docnum: q.docNo, docdate: q.docDate },
    });
  }

  cancelIrn(req: CancelIrnRequest): Promise<IrpResult<CancelIrnData>> {
    return this.post('/eicore/v1.03/Invoice/Cancel', { Irn: req.irn, CnlRsn: String(req.reason), CnlRem: req.remark });
  }

  generateEwbByIrn(req: EwbByIrnRequest): Promise<IrpResult<EwbData>> {
    return this.post('/eiewb/v1.03/ewaybill', req);
  }

  /** The e-invoice sandbox's cancel e-way bill; on production the e-way bill system's own API is the one NIC names. */
  cancelEwb(req: CancelEwbRequest): Promise<IrpResult<CancelEwbData>> {
    return this.post('/ewayapi', { ewbNo: req.ewbNo, cancelRsnCode: Number(req.reason), cancelRmrk: req.remark });
  }

  getEwbByIrn(irn: string, opts: { supGstin?: string } = {}): Promise<IrpResult<EwbDetailsData>> {
    return this.get(`/eiewb/v1.03/ewaybill/irn/${encodeURIComponent(irn)}`, supHeader(opts.supGstin));
  }
}

function supHeader(supGstin?: string): RequestOptions {
  return supGstin ? { headers: { sup_gstin: supGstin } } : {};
}

function stripQuery(path: string): string {
  const i = path.indexOf('?');
  return i < 0 ? path : path.slice(0, i);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
