/**
 * A Frappe REST client for the real-server tests, doing what a user's script would: log in with
 * `POST /api/method/login` (the `sid` cookie), read and write through `/api/resource/<DocType>`,
 * call whitelisted methods through `/api/method/<dotted.path>`. Frappe checks the CSRF token only
 * once a desk page has put one in the session (frappe/auth.py `validate_csrf_token`); `csrf()`
 * reads it from the desk page, as a browser tab has it.
 */
export interface FrappeResponse<T = unknown> {
  status: number;
  ok: boolean;
  body: T & { message?: unknown; data?: unknown; exc_type?: string; exception?: string; _server_messages?: string };
}

export class FrappeClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  private constructor(readonly url: string, readonly user: string) {}

  static async login(url: string, usr: string, pwd: string): Promise<FrappeClient> {
    const c = new FrappeClient(url, usr);
    const res = await c.request('POST', '/api/method/login', { usr, pwd });
    if (!res.ok) throw new Error(`Login as ${usr} failed (HTTP ${res.status}): ${res.body.message ?? ''}`);
    return c;
  }

  /** The session cookie header, for an `ErpIo.fetch` that acts as this user. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** `fetch` with this user's session, as a content script's fetch carries the page's cookies. */
  readonly fetch: typeof fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', this.cookieHeader());
    return fetch(input, { ...init, headers });
  };

  /** Opens the desk once (as a browser tab does), which gives the session its CSRF token. */
  async csrf(): Promise<string> {
    const res = await this.fetch(`${this.url}/app`, { redirect: 'manual' });
    const html = await res.text();
    const m = /frappe\.csrf_token\s*=\s*"([^"]+)"/.exec(html);
    if (!m) throw new Error(`No CSRF token in the desk page (HTTP ${res.status}).`);
    this.csrfToken = m[1];
    return m[1];
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<FrappeResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.csrfToken && method !== 'GET') headers['X-Frappe-CSRF-Token'] = this.csrfToken;
    const res = await this.fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { message: text.slice(0, 300) };
    }
    return { status: res.status, ok: res.ok, body: parsed as FrappeResponse<T>['body'] };
  }

  /** The request's data, or an error naming what Frappe said. */
  async must<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (!res.ok) throw new Error(`${method} ${decodeURIComponent(path)} → HTTP ${res.status}: ${frappeMessage(res.body)}`);
    return (res.body.data ?? res.body.message) as T;
  }

  get<T = Record<string, unknown>>(doctype: string, name: string): Promise<T> {
    return this.must('GET', `/api/resource/${enc(doctype)}/${enc(name)}`);
  }

  list<T = Record<string, unknown>>(doctype: string, filters: unknown[], fields: string[] = ['name'], limit = 100): Promise<T[]> {
    const q = new URLSearchParams({ filters: JSON.stringify(filters), fields: JSON.stringify(fields), limit_page_length: String(limit) });
    return this.must('GET', `/api/resource/${enc(doctype)}?${q}`);
  }

  insert<T = Record<string, unknown>>(doc: Record<string, unknown> & { doctype: string }): Promise<T> {
    return this.must('POST', `/api/resource/${enc(doc.doctype)}`, doc);
  }

  update<T = Record<string, unknown>>(doctype: string, name: string, values: Record<string, unknown>): Promise<T> {
    return this.must('PUT', `/api/resource/${enc(doctype)}/${enc(name)}`, values);
  }

  /** A draft → submitted (docstatus 1), which runs ERPNext's and India Compliance's submit hooks. */
  submit<T = Record<string, unknown>>(doctype: string, name: string): Promise<T> {
    return this.update<T>(doctype, name, { docstatus: 1 });
  }

  call<T = unknown>(method: string, args: Record<string, unknown> = {}): Promise<T> {
    return this.must('POST', `/api/method/${method}`, args);
  }
}

const enc = encodeURIComponent;

/** The message a clerk would see in the desk for a Frappe error response. */
export function frappeMessage(body: FrappeResponse['body']): string {
  try {
    if (body._server_messages) {
      return (JSON.parse(body._server_messages) as string[]).map((m) => String((JSON.parse(m) as { message?: string }).message ?? m)).join(' | ');
    }
  } catch {
    // fall through
  }
  return String(body.exception ?? body.exc_type ?? body.message ?? '');
}
