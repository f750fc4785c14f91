/**
 * The Frappe desk's REST API with the user's session cookie. Writes carry the session's CSRF token
 * (frappe/auth.py `validate_csrf_token` compares the X-Frappe-CSRF-Token header with the session's):
 * the desk page has it in an inline boot script (`frappe.csrf_token = "…"`), which the isolated content
 * script can read from the DOM, else the page's main world is asked. A token goes stale when the user
 * logs in again in another tab; Frappe then answers 400 CSRFTokenError, and the desk page is fetched
 * once for the new token (www/app.py renders it into the page) before the write is sent again.
 */
import { ErpError, type ErpIo } from '../module';

const CSRF_IN_HTML = /frappe\.csrf_token\s*=\s*["']([^"']+)["']/;
const tokens = new WeakMap<ErpIo, string>();

export const invoicePath = (name: string) => `/api/resource/${encodeURIComponent('Sales Invoice')}/${encodeURIComponent(name)}`;

/** The desk's route prefix: `/app` on Frappe v15, `/desk` on v16 (frappe/frappe#35330). */
export function deskPrefix(io: ErpIo): '/app' | '/desk' {
  return io.document?.location?.pathname.startsWith('/desk/') ? '/desk' : '/app';
}

export async function getJson<T>(io: ErpIo, path: string): Promise<T> {
  const res = await io.fetch(io.origin + path, { credentials: 'include', headers: { Accept: 'application/json' } });
  if (res.status === 404) throw new ErpError('NOT_FOUND', `ERPNext has no ${decodeURIComponent(path.replace(/^\/api\/resource\//, ''))}.`, 404);
  if (!res.ok) throw new ErpError(res.status === 403 || res.status === 401 ? 'ERP_LOGIN' : 'ERP_REQUEST', `ERPNext refused ${decodeURIComponent(path)} (HTTP ${res.status}). Are you still logged in?`, res.status);
  const body = (await res.json()) as { data?: T; message?: T };
  return (body.data ?? body.message) as T;
}

async function pageToken(io: ErpIo): Promise<string | null> {
  for (const s of Array.from(io.document?.querySelectorAll('script:not([src])') ?? [])) {
    const m = CSRF_IN_HTML.exec(s.textContent ?? '');
    if (m) return m[1];
  }
  const globals = await io.pageGlobals(['frappe.csrf_token']).catch(() => ({}) as Record<string, unknown>);
  const t = globals['frappe.csrf_token'];
  return typeof t === 'string' && t ? t : null;
}

/** The current token, as the desk renders it into a fresh page. */
async function freshToken(io: ErpIo): Promise<string | null> {
  const res = await io.fetch(io.origin + deskPrefix(io), { credentials: 'include', headers: { Accept: 'text/html' } });
  const m = res.ok ? CSRF_IN_HTML.exec(await res.text()) : null;
  return m && m[1] !== 'None' ? m[1] : null;
}

async function isCsrfError(res: Response): Promise<boolean> {
  if (res.status !== 400) return false;
  const body = (await res.clone().json().catch(() => ({}))) as { exc_type?: string };
  return body.exc_type === 'CSRFTokenError';
}

/** A write (JSON body, or a FormData for upload_file), retried once with a fresh token when Frappe says the token is stale. */
export async function send(io: ErpIo, method: 'POST' | 'PUT', path: string, body: unknown): Promise<Response> {
  const attempt = (token: string | null) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!(body instanceof FormData)) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Frappe-CSRF-Token'] = token;
    return io.fetch(io.origin + path, { method, credentials: 'include', headers, body: body instanceof FormData ? body : JSON.stringify(body) });
  };
  let token = tokens.get(io) ?? (await pageToken(io));
  let res = await attempt(token);
  if (await isCsrfError(res)) {
    token = await freshToken(io);
    if (token) {
      tokens.set(io, token);
      res = await attempt(token);
    }
  }
  return res;
}

/** The message Frappe put in an error response (its `_server_messages`), for the clerk. */
export async function frappeMessage(res: Response): Promise<string> {
  const body = (await res.clone().json().catch(() => ({}))) as { _server_messages?: string; exception?: string; message?: unknown };
  try {
    if (body._server_messages) {
      const msgs = (JSON.parse(body._server_messages) as string[]).map((m) => String((JSON.parse(m) as { message?: string }).message ?? m));
      return msgs.join(' ').replace(/<[^>]+>/g, '').trim();
    }
  } catch {
    // fall through
  }
  return typeof body.exception === 'string' ? body.exception.replace(/^[\w.]+: /, '') : `HTTP ${res.status}`;
}
