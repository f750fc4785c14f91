/**
 * A fake ERPNext site (Frappe desk + REST API) for the end-to-end tests and the demo. It imitates
 * frappe 15.101.1 / erpnext 15.99.1 / india_compliance 15.25.6 as the real server answers
 * (test/real/erpnext/ drives that server; what is checked there is imitated here), and exists only
 * for what the real one cannot serve here: Frappe v16's `/desk/` route (`desk: '/desk'`), sites
 * without India Compliance (variants), fault injection, and runs without ../shared.
 *
 * Imitated:
 * - Login: `POST /api/method/login` with `usr`/`pwd` (JSON or form) sets the `sid` cookie.
 *   Test convenience (not in Frappe): `GET /login?usr=…&pwd=…&redirect-to=/app/…` logs in and redirects.
 * - Desk: `GET <desk>/sales-invoice/<name>` (session required, else 302 to `/login?redirect-to=…`) renders
 *   the `frappe` global (`boot`, `csrf_token`, `session`), `cur_frm` and `locals`; `<desk>` is `/app` (v15) or `/desk` (v16).
 * - REST: `GET /api/resource/<DocType>/<name>` → `{ data }` without null fields (Frappe's as_dict(no_nulls));
 *   `GET /api/method/frappe.client.get_value` names every field asked for, and fails (417) for a field the doctype lacks.
 * - Writes need the session's `X-Frappe-CSRF-Token`, else 400 `CSRFTokenError`: India Compliance's
 *   `mark_e_invoice_as_generated`, `mark_e_invoice_as_cancelled` (only once the invoice is cancelled),
 *   `mark_e_waybill_as_generated` (india-compliance variant), `frappe.client.cancel`, `upload_file`
 *   (multipart), `frappe.desk.form.utils.add_comment`, `PUT /api/resource/Sales Invoice/<name>`.
 * Not imitated: tax and total computation (the fixtures hold ERPNext's figures), background jobs (India
 * Compliance's logs are written at once, and not served), print views, roles (the one user may do everything:
 * the real server's Accounts User limits are tested in test/real/erpnext/writeback.test.ts).
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ErpnextAddress, ErpnextSalesInvoice } from '@irn-bridge/shared/erps/erpnext/records';
import { clone, randomToken, type RecordedWrite } from './common';
import { WRITABLE_AFTER_SUBMIT, loadErpnextAddresses, loadErpnextInvoices, type ErpnextVariant } from './erpnext-data';
import { loginPage, notFoundPage, routeName, salesInvoiceListPage, salesInvoicePage, type DeskContext } from './erpnext-pages';
import { frappeError, readArgs } from './frappe-http';
import { erpnextMethods } from './erpnext-methods';

export type { ErpnextVariant } from './erpnext-data';
export type { RecordedWrite } from './common';

/** The one user of the fake site (Frappe's default administrator). */
export const FAKE_ERPNEXT_LOGIN = { usr: 'Administrator', pwd: 'admin', fullName: 'Administrator' } as const;
export { MARK_E_INVOICE_METHOD } from './erpnext-methods';
/** India Compliance's custom fields on Sales Invoice (they exist even while empty or hidden). */
const IC_FIELDS = ['irn', 'einvoice_status', 'ewaybill', 'e_waybill_status'];

/** A write the fake accepted; ERPNext adds India Compliance's other methods, cancel and attachments to the shared kinds. */
export interface ErpnextWrite extends Omit<RecordedWrite, 'kind'> {
  kind: RecordedWrite['kind'] | 'mark_e_invoice_as_cancelled' | 'mark_e_waybill_as_generated' | 'mark_e_waybill_as_cancelled' | 'cancel' | 'upload_file';
}

/** An attachment stored by `upload_file`. */
export interface FakeAttachment {
  name: string;
  file_name: string;
  attached_to_name: string;
  is_private: number;
  content: string;
}

export interface FakeErpnextOptions {
  variant?: ErpnextVariant;
  /** The desk's route prefix: `/app` (Frappe v15, default) or `/desk` (v16, frappe/frappe#35330). */
  desk?: '/app' | '/desk';
  /** Called after each accepted write (the demo prints them). */
  onWrite?(write: ErpnextWrite): void;
}

export interface FakeErpnext {
  app: Hono;
  variant: ErpnextVariant;
  /** Every accepted write, oldest first. */
  writes: ErpnextWrite[];
  /** Files attached through `upload_file`. */
  attachments: FakeAttachment[];
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
  const desk = opts.desk ?? '/app';
  const sessions = new Map<string, Session>();
  const state: FakeErpnext = {
    app: new Hono(),
    variant,
    writes: [],
    invoices: loadErpnextInvoices(variant),
    addresses: loadErpnextAddresses(),
    comments: [],
    attachments: [],
    reset() {
      state.writes.length = 0;
      state.comments.length = 0;
      state.attachments.length = 0;
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
  const safeRedirect = (to: string | undefined) => (to && to.startsWith('/') && !to.startsWith('//') ? to : desk);

  // ---- login / logout
  app.post('/api/method/login', async (c) => {
    const args = await readArgs(c);
    if (!startSession(c, args.usr, args.pwd)) {
      return c.json({ message: 'Invalid Login. Try again.', exc_type: 'AuthenticationError' }, 401);
    }
    return c.json({ message: 'Logged In', home_page: desk, full_name: FAKE_ERPNEXT_LOGIN.fullName });
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
  app.get('/', (c) => c.redirect(sessionOf(c) ? desk : '/login', 302));
  // v16 moved the desk to /desk; its old /app links redirect there.
  if (desk === '/desk') app.get('/app/*', (c) => c.redirect(c.req.path.replace(/^\/app/, '/desk'), 302));
  app.get(desk, (c) => c.redirect(`${desk}/sales-invoice`, 302));
  app.get(`${desk}/sales-invoice`, (c) => {
    const s = requireDesk(c);
    if (s instanceof Response) return s;
    return c.html(salesInvoiceListPage([...state.invoices.values()], deskContext(s)));
  });
  app.get(`${desk}/sales-invoice/:name`, (c) => {
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
    if (doctype === 'GST Settings' && variant === 'india-compliance') return c.json({ data: { name: 'GST Settings', doctype, gst_uom_map: GST_UOM_MAP } });
    const doc = docOf(doctype, name);
    return doc ? c.json({ data: withoutNulls(doc) }) : frappeError(c, 404, 'DoesNotExistError', `${doctype} ${name} not found`);
  });
  // Only File is counted here: how many attachments match (attached_to_name, file_name), as write-back asks.
  app.get('/api/method/frappe.client.get_count', (c) => {
    const s = requireApi(c);
    if (s instanceof Response) return s;
    if (c.req.query('doctype') !== 'File') return frappeError(c, 403, 'PermissionError', 'Not permitted');
    let filters: [string, string, string][] = [];
    try {
      filters = JSON.parse(c.req.query('filters') ?? '[]') as [string, string, string][];
    } catch {
      return frappeError(c, 417, 'ValidationError', 'filters must be JSON');
    }
    const want = (k: string) => filters.find((f) => f[0] === k)?.[2];
    return c.json({ message: state.attachments.filter((a) => a.attached_to_name === want('attached_to_name') && (!want('file_name') || a.file_name === want('file_name'))).length });
  });
  app.get('/api/method/frappe.client.get_value', (c) => {
    const s = requireApi(c);
    if (s instanceof Response) return s;
    const doctype = c.req.query('doctype') ?? '';
    let fields: string[];
    let filters: Record<string, unknown>;
    try {
      fields = JSON.parse(c.req.query('fieldname') ?? '["name"]') as string[];
      const f = c.req.query('filters') ?? '{}';
      filters = f.startsWith('{') ? (JSON.parse(f) as Record<string, unknown>) : { name: f };
    } catch {
      return frappeError(c, 417, 'ValidationError', 'fieldname and filters must be JSON');
    }
    const doc = docOf(doctype, String(filters.name ?? ''));
    if (!doc) return c.json({ message: {} });
    const known = (f: string) => f in doc || ['name', 'docstatus'].includes(f) || (variant === 'india-compliance' && doctype === 'Sales Invoice' && IC_FIELDS.includes(f));
    const unknown = fields.find((f) => !known(f));
    // Frappe lets the database refuse an unknown column (pymysql OperationalError 1054 → 417 here).
    if (unknown) return frappeError(c, 417, 'DataError', `Unknown column '${unknown}' in 'field list'`);
    return c.json({ message: Object.fromEntries(fields.map((f) => [f, doc[f] ?? null])) });
  });

  // ---- writes (session + CSRF)
  const requireWrite = (c: Context): Session | Response => {
    const s = sessionOf(c);
    if (!s) return frappeError(c, 403, 'PermissionError', 'Not permitted');
    if (c.req.header('X-Frappe-CSRF-Token') !== s.csrfToken) return frappeError(c, 400, 'CSRFTokenError', 'Invalid Request');
    return s;
  };
  const record = (w: Omit<ErpnextWrite, 'erp' | 'at'>) => {
    const write: ErpnextWrite = { erp: 'erpnext', at: new Date().toISOString(), ...w };
    state.writes.push(write);
    opts.onWrite?.(write);
  };

  const methods = erpnextMethods({ invoices: state.invoices, comments: state.comments, docOf, record });
  const INDIA_COMPLIANCE_ONLY = (m: string) => m.startsWith('india_compliance.');

  app.post('/api/method/upload_file', async (c) => {
    const s = requireWrite(c);
    if (s instanceof Response) return s;
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = body.file;
    const inv = String(body.doctype ?? '') === 'Sales Invoice' ? state.invoices.get(String(body.docname ?? '')) : undefined;
    if (!(file instanceof File)) return frappeError(c, 417, 'ValidationError', 'No file attached');
    if (!inv) return frappeError(c, 404, 'DoesNotExistError', `${body.doctype} ${body.docname} not found`);
    const a: FakeAttachment = { name: randomToken(10), file_name: file.name, attached_to_name: inv.name, is_private: Number(body.is_private ?? 0), content: await file.text() };
    state.attachments.push(a);
    record({ kind: 'upload_file', doctype: 'Sales Invoice', name: inv.name, values: { file_name: a.file_name, is_private: a.is_private }, user: s.user });
    return c.json({ message: { name: a.name, file_name: a.file_name, file_url: `/private/files/${a.file_name}`, attached_to_doctype: 'Sales Invoice', attached_to_name: inv.name } });
  });

  app.post(`/api/method/:method`, async (c) => {
    const s = requireWrite(c);
    if (s instanceof Response) return s;
    const method = c.req.param('method');
    const handler = methods[method];
    if (!handler || (INDIA_COMPLIANCE_ONLY(method) && variant !== 'india-compliance')) {
      const module = method.split('.')[0];
      return frappeError(c, 404, 'DoesNotExistError', `Failed to get method for command ${method} with No module named '${module}'`);
    }
    let args: Record<string, unknown>;
    try {
      args = await readArgs(c);
      return await handler(c, s.user, args);
    } catch {
      return frappeError(c, 417, 'ValidationError', 'values is not valid JSON');
    }
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

/** India Compliance's default UOM map after the setup wizard (gst_india/setup/__init__.py map_default_uoms), as the real site has it. */
const GST_UOM_MAP = [
  { uom: 'Gram', gst_uom: 'GMS (Grammes)' }, { uom: 'Litre', gst_uom: 'LTR (Liters)' }, { uom: 'Meter', gst_uom: 'MTR (Meters)' }, { uom: 'Nos', gst_uom: 'NOS (Numbers)' },
];

/** Frappe's REST answer leaves null fields out (BaseDocument.as_dict(no_nulls=True)). */
function withoutNulls<T extends Record<string, unknown>>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (v === null || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? withoutNulls(x as Record<string, unknown>) : x)) : v;
  }
  return out as T;
}

/** A link that logs in to the fake desk (its test convenience route) and lands on `path`. */
export function erpnextLoginUrl(origin: string, path: string): string {
  return `${origin}/login?usr=${FAKE_ERPNEXT_LOGIN.usr}&pwd=${FAKE_ERPNEXT_LOGIN.pwd}&redirect-to=${encodeURIComponent(path)}`;
}
