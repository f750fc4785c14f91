/** Test doubles for ERP module tests (never imported by product code): a recorded fake `fetch`, a minimal Document, fixture loading. */
import { readFileSync } from 'node:fs';
import type { EInvoiceResult } from '../../api/contract';
import type { ErpIo } from '../module';
import { qrPngBase64 } from '../odoo/qr-png';

/** `<erp>/<file>` reads that module's fixture (`erps/<erp>/fixtures/<file>`). */
export function fixture<T = any>(path: string): T {
  const [erp, ...rest] = path.split('/');
  return JSON.parse(readFileSync(new URL(`../${erp}/fixtures/${rest.join('/')}`, import.meta.url), 'utf8')) as T;
}

export interface Call {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: any;
  credentials?: RequestCredentials;
}

export type Route = (call: Call) => { status?: number; json?: unknown } | undefined;

/** A fetch that answers from `route` and records every call (404 when the route has no answer). */
export function fakeFetch(route: Route): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const answer = route(call) ?? { status: 404, json: { exc_type: 'DoesNotExistError' } };
    return new Response(JSON.stringify(answer.json ?? {}), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** Just enough of a Document for detect() and for reading inline scripts. */
export function fakeDocument(href: string, inlineScripts: string[] = []): Document {
  const url = new URL(href);
  return {
    location: { href: url.href, pathname: url.pathname, hash: url.hash, origin: url.origin },
    querySelectorAll: (sel: string) => (sel.startsWith('script') ? inlineScripts.map((textContent) => ({ textContent })) : []),
  } as unknown as Document;
}

export function env(origin: string, f: typeof fetch, doc?: Document, globals: Record<string, string> = {}): ErpIo {
  return { origin, fetch: f, document: doc, pageGlobals: async (names) => Object.fromEntries(names.map((n) => [n, globals[n] ?? null])), qrPngBase64 };
}

export const RESULT: EInvoiceResult = {
  irn: 'a'.repeat(64),
  ackNo: '112610000012345',
  ackDt: '2026-11-20 12:00:00',
  status: 'ACT',
  signedInvoice: 'eyJ.signed.invoice',
  signedQrCode: 'eyJ.signed.qr',
  qr: null,
  document: { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType: 'INV', docNo: 'ASW-26-00042', docDate: '20/11/2026' },
  buyerGstin: '37AAGCR5310M1Z6',
  totalValue: 100,
  profile: { name: 'demo', kind: 'offline', demo: true },
};
