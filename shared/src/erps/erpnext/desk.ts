/**
 * The Frappe desk's REST API with the user's session cookie. Writing needs the desk's CSRF token:
 * the desk page carries it in an inline boot script (`frappe.csrf_token = "…"`), which the isolated
 * content script can read from the DOM; when it is not there, the page's main world is asked.
 */
import { ErpError, type ErpIo } from '../module';

const CSRF_IN_HTML = /frappe\.csrf_token\s*=\s*["']([^"']+)["']/;

export const invoicePath = (name: string) => `/api/resource/${encodeURIComponent('Sales Invoice')}/${encodeURIComponent(name)}`;

export async function getJson<T>(io: ErpIo, path: string): Promise<T> {
  const res = await io.fetch(io.origin + path, { credentials: 'include', headers: { Accept: 'application/json' } });
  if (res.status === 404) throw new ErpError('NOT_FOUND', `ERPNext has no ${decodeURIComponent(path.replace(/^\/api\/resource\//, ''))}.`, 404);
  if (!res.ok) throw new ErpError(res.status === 403 || res.status === 401 ? 'ERP_LOGIN' : 'ERP_REQUEST', `ERPNext refused ${decodeURIComponent(path)} (HTTP ${res.status}). Are you still logged in?`, res.status);
  return ((await res.json()) as { data: T }).data;
}

async function csrfToken(io: ErpIo): Promise<string | null> {
  for (const s of Array.from(io.document?.querySelectorAll('script:not([src])') ?? [])) {
    const m = CSRF_IN_HTML.exec(s.textContent ?? '');
    if (m) return m[1];
  }
  const globals = await io.pageGlobals(['frappe.csrf_token']).catch(() => ({} as Record<string, unknown>));
  const t = globals['frappe.csrf_token'];
  return typeof t === 'string' && t ? t : null;
}

export async function send(io: ErpIo, method: 'POST' | 'PUT', path: string, body: unknown): Promise<Response> {
  const token = await csrfToken(io);
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (token) headers['X-Frappe-CSRF-Token'] = token;
  return io.fetch(io.origin + path, { method, credentials: 'include', headers, body: JSON.stringify(body) });
}
