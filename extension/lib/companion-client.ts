/**
 * Typed calls to the companion's local API v1. Used by the background only; takes `fetch` and
 * the connection settings as parameters so it can be tested without a browser.
 */
import {
  routes, type ApiError, type CancelRequest, type CancelResponse, type DocType, type EInvoiceResult, type EwaybillRequest,
  type EwaybillResponse, type EwaybillCancelRequest, type EwaybillCancelResponse, type EInvoicesQuery, type GenerateRequest, type GstinDetails, type HealthResponse, type LedgerListResponse, type PairResponse, type ProfilesResponse,
} from '@irn-bridge/shared/api/contract';
import { fromApiError } from './api-error';
import type { UiError } from './messages';
import { companionDown, notPaired, UiFailure } from './ui-error';

export interface CompanionConnection {
  port: number;
  /** A shared companion on the office network (https://host:port); default http://127.0.0.1:port. */
  baseUrl?: string;
  apiKey: string | null;
  fetch: typeof fetch;
}

export class CompanionClient {
  constructor(private readonly conn: CompanionConnection) {}

  get baseUrl(): string {
    return this.conn.baseUrl ?? `http://127.0.0.1:${this.conn.port}`;
  }

  /** A shared companion has no pairing: the clerk pastes the key the administrator made for them. */
  private unpaired(): UiError {
    if (!this.conn.baseUrl) return notPaired();
    return {
      code: 'NOT_PAIRED',
      message: `The shared IRN Bridge companion at ${this.conn.baseUrl} does not accept the key saved in this browser (none, mistyped or revoked).`,
      hint: 'Ask your administrator for your key (irn-bridge keys create --user NAME --role clerk) and paste it in IRN Bridge options → Companion. No pairing code is needed.',
    };
  }

  /** Nothing answered: on this computer, how to get it running; a shared one, what to tell the admin. */
  private down(): UiFailure {
    if (!this.conn.baseUrl) return new UiFailure(companionDown(this.conn.port));
    return new UiFailure({
      code: 'COMPANION_DOWN',
      message: `The shared IRN Bridge companion at ${this.conn.baseUrl} does not answer, or this browser does not trust its certificate.`,
      hint: `Open ${this.conn.baseUrl}/v1/health in a tab: a certificate warning means your administrator must install the companion's certificate on this computer; no answer means it is not running or the address is wrong. Nothing was sent to the IRP.`,
    });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { auth?: boolean; allow404?: boolean } = {}): Promise<T | null> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.auth !== false) {
      if (!this.conn.apiKey) throw new UiFailure(this.unpaired());
      headers.Authorization = `Bearer ${this.conn.apiKey}`;
    }
    let res: Response;
    try {
      res = await this.conn.fetch(this.baseUrl + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw this.down();
    }
    const parsed = await res.json().catch(() => null);
    if (res.ok) return parsed as T;
    if (res.status === 404 && opts.allow404) return null;
    if (res.status === 401) throw new UiFailure(this.conn.baseUrl ? this.unpaired() : { ...notPaired(), message: fromApiError(parsed, 401).message || notPaired().message });
    throw new UiFailure(fromApiError(parsed, res.status));
  }

  /** Health never needs a key; with one it also tells whether the key is still valid. */
  async health(): Promise<HealthResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.conn.apiKey) headers.Authorization = `Bearer ${this.conn.apiKey}`;
    let res: Response;
    try {
      res = await this.conn.fetch(this.baseUrl + routes.health, { headers });
    } catch {
      throw this.down();
    }
    const parsed = await res.json().catch(() => null);
    // The companion refuses extension origins it has not paired with: running, but not paired.
    if (res.status === 403 && (parsed as ApiError | null)?.error?.code === 'FORBIDDEN') throw new UiFailure(this.unpaired());
    if (!res.ok || (parsed as HealthResponse | null)?.service !== 'irn-bridge-companion') {
      throw new UiFailure({ ...this.down().error, message: `Something else answers on ${this.baseUrl.replace(/^https?:\/\//, '')}, not the IRN Bridge companion.` });
    }
    return parsed as HealthResponse;
  }

  async pair(code: string, client: string): Promise<PairResponse> {
    return (await this.call<PairResponse>('POST', routes.pair, { code, client }, { auth: false }))!;
  }

  async profiles(): Promise<ProfilesResponse> {
    return (await this.call<ProfilesResponse>('GET', routes.profiles))!;
  }

  async gstin(gstin: string, profile?: string | null): Promise<GstinDetails> {
    return (await this.call<GstinDetails>('GET', routes.gstin(gstin) + query({ profile })))!;
  }

  async recent(limit: number, profile?: string | null): Promise<LedgerListResponse> {
    return (await this.call<LedgerListResponse>('GET', routes.einvoices + query({ limit: String(limit), profile })))!;
  }

  /** What the ledger knows of a document; never an IRP call (each view of an invoice would cost one). */
  async lookup(doc: { docType: DocType; docNo: string; docDate: string }, profile?: string | null): Promise<EInvoiceResult | null> {
    return this.call<EInvoiceResult>('GET', routes.einvoices + query({ ...doc, profile, ledgerOnly: 'true' }), undefined, { allow404: true });
  }

  async generate(req: GenerateRequest): Promise<EInvoiceResult> {
    return (await this.call<EInvoiceResult>('POST', routes.einvoices, req))!;
  }

  async cancel(irn: string, req: CancelRequest): Promise<CancelResponse> {
    return (await this.call<CancelResponse>('POST', routes.cancel(irn), req))!;
  }

  async ewaybill(irn: string, req: EwaybillRequest): Promise<EwaybillResponse> {
    return (await this.call<EwaybillResponse>('POST', routes.ewaybill(irn), req))!;
  }

  async cancelEwaybill(irn: string, req: EwaybillCancelRequest): Promise<EwaybillCancelResponse> {
    return (await this.call<EwaybillCancelResponse>('POST', routes.ewaybillCancel(irn), req))!;
  }

  /** The ledger, filtered (state, from/to as dd/mm/yyyy, q) and paged. */
  async list(q: Omit<EInvoicesQuery, 'docType' | 'docNo' | 'docDate' | 'limit' | 'offset'> & { limit?: number; offset?: number }): Promise<LedgerListResponse> {
    const { limit, offset, ...rest } = q;
    return (await this.call<LedgerListResponse>('GET', routes.einvoices + query({
      ...rest, limit: limit === undefined ? undefined : String(limit), offset: offset === undefined ? undefined : String(offset),
    })))!;
  }
}

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
