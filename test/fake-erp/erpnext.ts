/**
 * A fake ERPNext v15 site (Frappe desk + REST API) for the end-to-end tests and the demo.
 *
 * Faithful where the extension's adapter touches it:
 * - Login: `POST /api/method/login` with `usr`/`pwd` (JSON or form) sets the `sid` cookie.
 *   Test convenience (not in Frappe): `GET /login?usr=…&pwd=…&redirect-to=/app/…` logs in and redirects.
 * - Desk: `GET /app/sales-invoice/<name>` (session required, else 302 to `/login?redirect-to=…`) renders
 *   the `frappe` global (`boot`, `csrf_token`, `session`), `cur_frm` and `locals`.
 * - REST: `GET /api/resource/Sales Invoice/<name>` and `/api/resource/Address/<name>` → `{ data }`.
 * - Writes need the session's `X-Frappe-CSRF-Token` header, else 400 `CSRFTokenError` (Frappe's status for
 *   that exception): `POST /api/method/india_compliance.gst_india.utils.e_invoice.mark_e_invoice_as_generated`
 *   (india-compliance variant only), `PUT /api/resource/Sales Invoice/<name>`, `POST /api/resource/Comment`.
 * - PUT on a submitted invoice: fields the variant's doctype has and allows on submit are saved; fields the
 *   doctype does not have are silently ignored (as Frappe does: they are not in the DocType meta); changing
 *   any other existing field answers 417 `UpdateAfterSubmitError`. A PUT that saved nothing is not recorded.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ErpnextAddress, ErpnextSalesInvoice } from '@irn-bridge/shared/erps/erpnext/records';
import { clone, randomToken, type RecordedWrite } from './common';
import { WRITABLE_AFTER_SUBMIT, loadErpnextAddresses, loadErpnextInvoices, type ErpnextVariant } from './erpnext-data';
import { loginPage, notFoundPage, routeName, salesInvoiceListPage, salesInvoicePage, type DeskContext } from './erpnext-pages';
import { frappeError, readArgs } from './frappe-http';

export type { ErpnextVariant } from './erpnext-data';
export type { RecordedWrite } from './common';

/** The one user of the fake site (Frappe's default administrator). */
export const FAKE_ERPNEXT_LOGIN = { usr: 'Administrator', pwd: 'admin', fullName: 'Administrator' } as const;
export const MARK_E_INVOICE_METHOD = 'india_compliance.gst_india.utils.e_invoice.mark_e_invoice_as_generated';

export interface FakeErpnextOptions {
  variant?: ErpnextVariant;
  /** Called after each accepted write (the demo prints them). */
  onWrite?: (write: RecordedWrite) => void;
}

export interface FakeErpnext {
  app: Hono;
  variant: ErpnextVariant;
  /** Every accepted write, oldest first. */
  writes: RecordedWrite[];
  /** Sales Invoices by name (live: writes change them). */
  invoices: Map<string, ErpnextSalesInvoice>;
  addresses: Map<string, ErpnextAddress>;
  /** Comments posted, by reference name. */
  comments: Array<Record<string, unknown>>;
  /** Back to the fixtures: clears writes and comments, reloads invoices. Sessions survive. */
  reset(): void;
}

interface Session {
  user: string;
  csrfToken: string;
}

export function createFakeErpnext(opts: FakeErpnextOptions = {}): FakeErpnext {
  const variant = opts.variant ?? 'india-compliance';
  const sessions = new Map<string, Session>();
  const state: FakeErpnext = {
    app: new Hono(),
    variant,
    writes: [],
    invoices: loadErpnextInvoices(variant),
    addresses: loadErpnextAddresses(),
    comments: [],
    reset() {
      state.writes.length = 0;
      state.comments.length = 0;
      state.invoices.clear();
      for (const [k, v] of loadErpnextInvoices(variant)) state.invoices.set(k, v);
    },
  };
  const app = state.app;

  const sessionOf = (c: Context): Session | null => {
    const sid = getCookie(c, 'sid');
    return (sid && sessions.get(sid)) || null;
  };
  const deskContext = (s: Session): DeskContext => ({ user: s.user, fullName: FAKE_ERPNEXT_LOGIN.fullName, csrfToken: s.csrfToken, variant });

  function startSession(c: Context, usr: unknown, pwd: unknown): boolean {
    if (usr !== FAKE_ERPNEXT_LOGIN.usr || pwd !== FAKE_ERPNEXT_LOGIN.pwd) return false;
    const sid = randomToken(28);
    sessions.set(sid, { user: FAKE_ERPNEXT_LOGIN.usr, csrfToken: randomToken(24) });
    setCookie(c, 'sid', sid, { path: '/', httpOnly: true, sameSite: 'Lax' });
    setCookie(c, 'system_user', 'yes', { path: '/', sameSite: 'Lax' });
    setCookie(c, 'full_name', FAKE_ERPNEXT_LOGIN.fullName, { path: '/', sameSite: 'Lax' });
    setCookie(c, 'user_id', FAKE_ERPNEXT_LOGIN.usr, { path: '/', sameSite: 'Lax' });
    return true;
  }
  const safeRedirect = (to: string | undefined) => (to && to.startsWith('/') && !to.startsWith('//') ? to : '/app');

  // ---- login / logout
  app.post('/api/method/login', async (c) => {
    const args = await readArgs(c);
    if (!startSession(c, args.usr, args.pwd)) {
      return c.json({ message: 'Invalid Login. Try again.', exc_type: 'AuthenticationError' }, 401);
    }
    return c.json({ message: 'Logged In', home_page: '/app', full_name: FAKE_ERPNEXT_LOGIN.fullName });
  });
  app.get('/login', (c) => {
    const usr = c.req.query('usr');
    if (usr !== undefined) {
      if (!startSession(c, usr, c.req.query('pwd'))) return c.html(loginPage('Invalid Login. Try again.'), 401);
      return c.redirect(safeRedirect(c.req.query('redirect-to')), 302);
    }
    return c.html(loginPage());
  });
  app.post('/login', async (c) => {
    const args = await readArgs(c);
    if (!startSession(c, args.usr, args.pwd)) return c.html(loginPage('Invalid Login. Try again.'), 401);
    return c.redirect(safeRedirect(c.req.query('redirect-to')), 302);
  });
  const logout = (c: Context) => {
    const sid = getCookie(c, 'sid');
    if (sid) sessions.delete(sid);
    deleteCookie(c, 'sid', { path: '/' });
    return c.json({});
  };
  app.get('/api/method/logout', logout);
  app.post('/api/method/logout', logout);
  app.get('/api/method/frappe.auth.get_logged_user', (c) => {
    const s = sessionOf(c);
    return s ? c.json({ message: s.user }) : frappeError(c, 401, 'AuthenticationError', 'Not logged in');
  });

  // ---- desk pages
  const requireDesk = (c: Context): Session | Response => sessionOf(c) ?? c.redirect(`/login?redirect-to=${encodeURIComponent(c.req.path)}`, 302);
  app.get('/', (c) => c.redirect(sessionOf(c) ? '/app' : '/login', 302));
  app.get('/app', (c) => c.redirect('/app/sales-invoice', 302));
  app.get('/app/sales-invoice', (c) => {
    const s = requireDesk(c);
    if (s instanceof Response) return s;
    return c.html(salesInvoiceListPage([...state.invoices.values()], deskContext(s)));
  });
  app.get('/app/sales-invoice/:name', (c) => {
    const s = requireDesk(c);
    if (s instanceof Response) return s;
    const inv = state.invoices.get(c.req.param('name'));
    return inv ? c.html(salesInvoicePage(inv, deskContext(s))) : c.html(notFoundPage(`Sales Invoice ${c.req.param('name')}`, deskContext(s)), 404);
  });

  // ---- REST reads
  const requireApi = (c: Context): Session | Response =>
    sessionOf(c) ?? frappeError(c, 403, 'PermissionError', 'You need to be logged in to access this resource.');
  const docOf = (doctype: string, name: string): Record<string, unknown> | undefined =>
    doctype === 'Sales Invoice' ? state.invoices.get(name) : doctype === 'Address' ? state.addresses.get(name) : undefined;

  app.get('/api/resource/:doctype', (c) => {
    const s = requireApi(c);
    if (s instanceof Response) return s;
    const doctype = c.req.param('doctype');
    const all = doctype === 'Sales Invoice' ? [...state.invoices.values()] : doctype === 'Address' ? [...state.addresses.values()] : null;
    if (!all) return frappeError(c, 404, 'DoesNotExistError', `DocType ${doctype} not found`);
    let fields = ['name'];
    try {
      const f = JSON.parse(c.req.query('fields') ?? '["name"]');
      if (Array.isArray(f)) fields = f.map(String);
    } catch {
      return frappeError(c, 417, 'ValidationError', 'fields must be a JSON list');
    }
    const pickFields = (d: Record<string, unknown>) => (fields.includes('*') ? d : Object.fromEntries(fields.map((k) => [k, d[k] ?? null])));
    return c.json({ data: all.map((d) => pickFields(d as Record<string, unknown>)) });
  });
  app.get('/api/resource/:doctype/:name', (c) => {
    const s = requireApi(c);
    if (s instanceof Response) return s;
    const { doctype, name } = c.req.param();
    const doc = docOf(doctype, name);
    return doc ? c.json({ data: doc }) : frappeError(c, 404, 'DoesNotExistError', `${doctype} ${name} not found`);
  });

  // ---- writes (session + CSRF)
  const requireWrite = (c: Context): Session | Response => {
    const s = sessionOf(c);
    if (!s) return frappeError(c, 403, 'PermissionError', 'Not permitted');
    if (c.req.header('X-Frappe-CSRF-Token') !== s.csrfToken) return frappeError(c, 400, 'CSRFTokenError', 'Invalid Request');
    return s;
  };
  const record = (w: Omit<RecordedWrite, 'erp' | 'at'>) => {
    const write: RecordedWrite = { erp: 'erpnext', at: new Date().toISOString(), ...w };
    state.writes.push(write);
    opts.onWrite?.(write);
  };

  app.post(`/api/method/:method`, async (c) => {
    const s = requireWrite(c);
    if (s instanceof Response) return s;
    const method = c.req.param('method');
    if (method !== MARK_E_INVOICE_METHOD || variant !== 'india-compliance') {
      const module = method.split('.')[0];
      return frappeError(c, 404, 'DoesNotExistError', `Failed to get method for command ${method} with No module named '${module}'`);
    }
    const args = await readArgs(c);
    let values: Record<string, unknown>;
    try {
      values = typeof args.values === 'string' ? JSON.parse(args.values) : ((args.values as Record<string, unknown>) ?? {});
    } catch {
      return frappeError(c, 417, 'ValidationError', 'values is not valid JSON');
    }
    const doctype = String(args.doctype ?? '');
    const inv = doctype === 'Sales Invoice' ? state.invoices.get(String(args.docname ?? '')) : undefined;
    if (!inv) return frappeError(c, 404, 'DoesNotExistError', `${doctype} ${args.docname} not found`);
    if (!values.irn) return frappeError(c, 417, 'ValidationError', 'IRN is required');
    inv.irn = String(values.irn);
    inv.einvoice_status = 'Manually Generated';
    inv.modified = new Date().toISOString().replace('T', ' ').replace('Z', '');
    record({ kind: 'mark_e_invoice_as_generated', doctype, name: inv.name, values: { irn: values.irn, ack_no: values.ack_no ?? null, ack_dt: values.ack_dt ?? null }, user: s.user });
    // India Compliance answers through send_updated_doc: the saved document in `docs`.
    return c.json({ docs: [clone(inv)] });
  });

  app.put('/api/resource/:doctype/:name', async (c) => {
    const s = requireWrite(c);
    if (s instanceof Response) return s;
    const { doctype, name } = c.req.param();
    if (doctype !== 'Sales Invoice') return frappeError(c, 403, 'PermissionError', `No permission to write ${doctype}`);
    const inv = state.invoices.get(name);
    if (!inv) return frappeError(c, 404, 'DoesNotExistError', `Sales Invoice ${name} not found`);
    const body = await readArgs(c);
    const allowed = new Set(WRITABLE_AFTER_SUBMIT[variant]);
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (['name', 'doctype', 'modified', 'docstatus'].includes(k)) continue;
      if (allowed.has(k) || (inv.docstatus === 0 && k in inv)) changes[k] = v;
      else if (k in inv && JSON.stringify(inv[k]) !== JSON.stringify(v)) {
        return frappeError(c, 417, 'UpdateAfterSubmitError', `Not allowed to change ${k} after submission from ${String(inv[k])} to ${String(v)}`);
      }
      // Fields the doctype does not have: ignored, as Frappe does.
    }
    Object.assign(inv, changes);
    if (Object.keys(changes).length) {
      inv.modified = new Date().toISOString().replace('T', ' ').replace('Z', '');
      record({ kind: 'update', doctype, name, values: changes, user: s.user });
    }
    return c.json({ data: clone(inv) });
  });

  app.post('/api/resource/:doctype', async (c) => {
    const s = requireWrite(c);
    if (s instanceof Response) return s;
    if (c.req.param('doctype') !== 'Comment') return frappeError(c, 403, 'PermissionError', `No permission to create ${c.req.param('doctype')}`);
    const body = await readArgs(c);
    const refType = String(body.reference_doctype ?? '');
    const refName = String(body.reference_name ?? '');
    if (!docOf(refType, refName)) return frappeError(c, 404, 'LinkValidationError', `Could not find Reference Name: ${refName}`);
    if (!String(body.content ?? '').trim()) return frappeError(c, 417, 'MandatoryError', 'Error: Value missing for Comment: Content');
    const comment = {
      name: randomToken(5),
      doctype: 'Comment',
      comment_type: String(body.comment_type ?? 'Comment'),
      reference_doctype: refType,
      reference_name: refName,
      content: String(body.content),
      comment_email: s.user,
      owner: s.user,
      creation: new Date().toISOString().replace('T', ' ').replace('Z', ''),
    };
    state.comments.push(comment);
    record({ kind: 'comment', doctype: refType, name: refName, values: { comment_type: comment.comment_type, content: comment.content }, user: s.user });
    return c.json({ data: comment });
  });

  return state;
}

export { routeName as erpnextInvoicePath };

/** A link that logs in to the fake desk (its test convenience route) and lands on `path`. */
export function erpnextLoginUrl(origin: string, path: string): string {
  return `${origin}/login?usr=${FAKE_ERPNEXT_LOGIN.usr}&pwd=${FAKE_ERPNEXT_LOGIN.pwd}&redirect-to=${encodeURIComponent(path)}`;
}
