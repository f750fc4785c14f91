/**
 * A small JSON-RPC client for the real Odoo 17.0, as its web client talks to it:
 * `/web/session/authenticate` sets the `session_id` cookie, `/web/dataset/call_kw/<model>/<method>`
 * calls any public model method (Odoo 17.0 odoo/addons/web/controllers/dataset.py).
 */
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { qrPngBase64 } from '@irn-bridge/shared/erps/odoo/qr-png';

export interface OdooLogin {
  url: string;
  db: string;
  login: string;
  password: string;
}

export const ODOO17_LOGIN = { db: process.env.IRN_BRIDGE_ODOO17_DB ?? 'irn_odoo17', login: 'admin', password: 'admin' } as const;

export class OdooRpcError extends Error {
  constructor(readonly model: string, readonly method: string, readonly data: { name?: string; message?: string; debug?: string }) {
    super(`Odoo ${model}.${method}: ${data.message ?? data.name ?? 'error'}`);
  }
}

export class OdooRpc {
  private id = 0;
  private constructor(readonly url: string, readonly sessionId: string, readonly uid: number) {}

  static async login({ url, db, login, password }: OdooLogin): Promise<OdooRpc> {
    const res = await fetch(`${url}/web/session/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db, login, password } }),
    });
    const body = (await res.json()) as { result?: { uid: number }; error?: { data: { message: string } } };
    if (!body.result?.uid) throw new Error(`Odoo login failed: ${body.error?.data.message ?? res.status}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session_id='));
    if (!cookie) throw new Error('Odoo set no session_id cookie');
    return new OdooRpc(url, cookie.split(';')[0].slice('session_id='.length), body.result.uid);
  }

  async call<T = unknown>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.url}/web/dataset/call_kw/${model}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `session_id=${this.sessionId}` },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++this.id, params: { model, method, args, kwargs } }),
    });
    if (!res.ok) throw new Error(`Odoo ${model}.${method}: HTTP ${res.status}`);
    const body = (await res.json()) as { result?: T; error?: { data: OdooRpcError['data'] } };
    if (body.error) throw new OdooRpcError(model, method, body.error.data);
    return body.result as T;
  }

  read<T = Record<string, unknown>>(model: string, ids: number[], fields: string[]): Promise<T[]> {
    return this.call<T[]>(model, 'read', [ids, fields]);
  }

  searchRead<T = Record<string, unknown>>(model: string, domain: unknown[], fields: string[], kwargs: Record<string, unknown> = {}): Promise<T[]> {
    return this.call<T[]>(model, 'search_read', [domain, fields], kwargs);
  }

  async create(model: string, values: Record<string, unknown>, context?: Record<string, unknown>): Promise<number> {
    const ids = await this.call<number[] | number>(model, 'create', [[values]], context ? { context } : {});
    return Array.isArray(ids) ? ids[0] : ids;
  }

  write(model: string, ids: number[], values: Record<string, unknown>): Promise<boolean> {
    return this.call<boolean>(model, 'write', [ids, values]);
  }

  /** A GET of a web page (the report HTML) with this session. */
  async page(path: string): Promise<{ status: number; html: string }> {
    const res = await fetch(this.url + path, { headers: { Cookie: `session_id=${this.sessionId}` } });
    return { status: res.status, html: await res.text() };
  }

  /** What the extension's content script gets: the origin and a fetch that carries this session, as the page's would. */
  io(): ErpIo {
    const cookie = `session_id=${this.sessionId}`;
    return {
      origin: this.url,
      fetch: ((input: RequestInfo | URL, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('Cookie', cookie);
        return fetch(input, { ...init, headers });
      }) as typeof fetch,
      pageGlobals: async () => ({}),
      qrPngBase64, // the extension's background makes it (`qr.png`)
    };
  }
}
