/**
 * A fake Odoo for fault injection, the demo and the extension's e2e tests. The genuine Odoo 17.0
 * (../shared/odoo17, test/real/odoo) is what the Odoo module is verified against; this fake is kept
 * for what the real one cannot do on demand (a failing write-back, an expired session) and for
 * machines without ../shared. It imitates **Odoo 17.0 community with account + l10n_in, without
 * l10n_in_edi** (so the write-back is the chatter note with the IRP response and the QR as
 * attachments), with 17.0's field names as the real server answers them (checked against it):
 * the HSN on `product.product` (`l10n_in_hsn_code`), a tax's kind in its repartition tags and tax
 * group, company-currency `balance` on lines, `*_signed` totals, `commercial_partner_id`.
 *
 * - Login: `GET /web/login` (form with csrf_token) and `POST /web/login` (login, password, csrf_token,
 *   redirect) set the `session_id` cookie; JSON-RPC `POST /web/session/authenticate` too.
 *   Test convenience (not in Odoo): `GET /web/login?login=…&password=…&redirect=/web#…`.
 * - Web client: `/web`, the form chosen by `#id=<id>&model=account.move&view_type=form` (with
 *   `menu_id` and `action` when opened from the list, as the real one adds them); without a session
 *   → 303 to /web/login. Globals: `odoo.csrf_token`, `odoo.__session_info__`.
 * - JSON-RPC `POST /web/dataset/call_kw/<model>/<method>` (or model and method in params):
 *   `read` (a field the model does not have → ValueError "Invalid field", as 17.0 answers; no field
 *   list on account.move.line → the real 17.0 TypeError "keys must be str… not frozendict"; two
 *   res.partner ids → "Expected singleton", l10n_in's `_compute_display_pan_warning`), `search_read`,
 *   `search`, `search_count`, `fields_get`, `ir.attachment.create`, `account.move.message_post`
 *   (with `attachment_ids`); writes are recorded in `writes`. Errors in Odoo's shape, HTTP 200: no
 *   session → code 100 `odoo.http.SessionExpiredException`; others → code 200 "Odoo Server Error".
 *
 * - 18.0's invoice list at `/odoo/customer-invoices` (odoo-pages.ts `odoo18ListPage`) and
 *   `/web/action/load` naming the model of a few actions, for the bulk button on 18.0.
 *
 * Not imitated: l10n_in_edi and account_edi (no `account.edi.document`, no `edi_document_ids`),
 * 17.2+/18.0 `/odoo/…` form URLs, any computation (totals, taxes, fiscal
 * positions, posting, the reversal wizard: the records are fixed fixtures), access rights and
 * record rules, multi-company, the report (`/report/html/…`), translations.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clone, randomToken, type RecordedWrite } from './common';
import { ODOO_MOVES, loadOdooDb, matchesDomain, modelFields, pickFields, type OdooDb } from './odoo-data';
import { loginPage, odoo18ListPage, webClientPage, type MoveCard } from './odoo-pages';

export type { RecordedWrite } from './common';
export { ODOO_MOVES } from './odoo-data';

export const FAKE_ODOO_LOGIN = { login: 'admin', password: 'admin', db: 'arunaspice', uid: 2, name: 'Mitchell Admin' } as const;
const READABLE = new Set([
  'account.move', 'account.move.line', 'product.product', 'account.tax', 'account.tax.repartition.line', 'account.account.tag',
  'res.partner', 'res.country.state', 'uom.uom', 'res.company', 'l10n_in.port.code', 'ir.attachment', 'mail.message',
]);

export interface FakeOdoo {
  app: Hono;
  writes: RecordedWrite[];
  /** The records by model (live: message_post adds mail.message rows). */
  db: OdooDb;
  /** Back to the fixtures: clears writes and messages. Sessions survive. */
  reset(): void;
}

interface Session {
  uid: number | null;
  csrfToken: string;
}

class RpcError extends Error {
  constructor(readonly odooName: string, message: string, readonly code = 200) {
    super(message);
  }
}

/** The invoice form as the web client shows it when opened from Invoicing ▸ Customers ▸ Invoices (17.0). */
export const odooInvoicePath = (id: number) => `/web#id=${id}&cids=1&menu_id=101&action=244&model=account.move&view_type=form`;
/** The same form by its bare URL, as in a bookmark or a link someone sent. */
export const odooLegacyInvoicePath = (id: number) => `/web#id=${id}&model=account.move&view_type=form`;

/** What `/web/action/load` says an action opens (18.0 paths and xml ids of the invoice and contact lists). */
const ACTION_MODELS: Record<string, string> = {
  'customer-invoices': 'account.move', 'account.action_move_out_invoice_type': 'account.move', '244': 'account.move', contacts: 'res.partner',
};

export interface FakeOdooOptions {
  /** Called after each accepted write (the demo prints them). */
  onWrite?: (write: RecordedWrite) => void;
  /** Fault injection: every write (attachment, note) fails with Odoo's AccessError. */
  refuseWrites?: boolean;
}

export function createFakeOdoo(opts: FakeOdooOptions = {}): FakeOdoo {
  const sessions = new Map<string, Session>();
  const state: FakeOdoo = {
    app: new Hono(),
    writes: [],
    db: loadOdooDb(),
    reset() {
      state.writes.length = 0;
      state.db = loadOdooDb();
    },
  };
  const app = state.app;

  /** The request's session, creating an anonymous one (as Odoo does on first visit). */
  function session(c: Context): Session {
    const sid = getCookie(c, 'session_id');
    const existing = sid ? sessions.get(sid) : undefined;
    if (existing) return existing;
    const fresh: Session = { uid: null, csrfToken: randomToken(20) };
    const newSid = randomToken(20);
    sessions.set(newSid, fresh);
    setCookie(c, 'session_id', newSid, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return fresh;
  }
  const loggedIn = (c: Context) => {
    const sid = getCookie(c, 'session_id');
    const s = sid ? sessions.get(sid) : undefined;
    return s && s.uid !== null ? s : null;
  };
  const credentialsOk = (login: unknown, password: unknown) => login === FAKE_ODOO_LOGIN.login && password === FAKE_ODOO_LOGIN.password;
  const safeRedirect = (to: string | undefined) => (to && to.startsWith('/') && !to.startsWith('//') ? to : '/web');

  const sessionInfo = (s: Session) => ({
    uid: s.uid,
    is_system: true,
    is_admin: true,
    user_context: { lang: 'en_IN', tz: 'Asia/Kolkata', uid: s.uid },
    db: FAKE_ODOO_LOGIN.db,
    server_version: '17.0',
    server_version_info: [17, 0, 0, 'final', 0, ''],
    name: FAKE_ODOO_LOGIN.name,
    username: FAKE_ODOO_LOGIN.login,
    partner_display_name: FAKE_ODOO_LOGIN.name,
    partner_id: 3,
    company_id: 1,
    user_companies: { current_company: 1, allowed_companies: { 1: { id: 1, name: 'Aruna Spice Works Private Limited' } } },
  });

  // ---- login
  app.get('/web/login', (c) => {
    const s = session(c);
    const login = c.req.query('login');
    if (login !== undefined) {
      if (!credentialsOk(login, c.req.query('password'))) return c.html(loginPage(s.csrfToken, '/web', 'Wrong login/password'), 401);
      s.uid = FAKE_ODOO_LOGIN.uid;
      return c.redirect(safeRedirect(c.req.query('redirect')), 303);
    }
    return c.html(loginPage(s.csrfToken, c.req.query('redirect') ?? '/web'));
  });
  app.post('/web/login', async (c) => {
    const s = session(c);
    const form = await c.req.parseBody();
    // Odoo's login form is an HTTP route with CSRF protection: the token must be this session's.
    if (form.csrf_token !== s.csrfToken) return c.text('Session expired (invalid CSRF token)', 400);
    if (!credentialsOk(form.login, form.password)) return c.html(loginPage(s.csrfToken, String(form.redirect ?? '/web'), 'Wrong login/password'), 200);
    s.uid = FAKE_ODOO_LOGIN.uid;
    return c.redirect(safeRedirect(typeof form.redirect === 'string' ? form.redirect : undefined), 303);
  });
  app.get('/web/session/logout', (c) => {
    const s = loggedIn(c);
    if (s) s.uid = null;
    return c.redirect('/web/login', 303);
  });

  // ---- web client
  const moveCards = (): MoveCard[] =>
    state.db['account.move'].map((m) => ({
      id: m.id,
      name: String(m.name),
      state: String(m.state),
      move_type: String(m.move_type),
      partner: Array.isArray(m.partner_id) ? String(m.partner_id[1]) : '',
      invoice_date: (m.invoice_date as string | false) ?? false,
      amount_total: Number(m.amount_total ?? 0),
    }));
  const client = (c: Context) => {
    const s = loggedIn(c);
    if (!s) return c.redirect(`/web/login?redirect=${encodeURIComponent(c.req.path)}`, 303);
    return c.html(webClientPage(s.csrfToken, sessionInfo(s), moveCards()));
  };
  app.get('/', (c) => c.redirect('/web', 303));
  app.get('/web', client);
  // 18.0's invoice list by its action's path (only the list: the 18.0 form paths are not imitated).
  app.get('/odoo/customer-invoices', (c) => {
    const s = loggedIn(c);
    if (!s) return c.redirect(`/web/login?redirect=${encodeURIComponent(c.req.path)}`, 303);
    return c.html(odoo18ListPage(s.csrfToken, sessionInfo(s), moveCards()));
  });

  // ---- JSON-RPC
  const rpc = async (c: Context, routeModel?: string, routeMethod?: string) => {
    let body: { id?: unknown; params?: Record<string, unknown> } = {};
    try {
      body = await c.req.json();
    } catch {
      return c.json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error', data: { name: 'werkzeug.exceptions.BadRequest', message: 'Invalid JSON data' } } });
    }
    const id = body.id ?? null;
    try {
      const s = loggedIn(c);
      const params = body.params ?? {};
      const path = c.req.path;
      if (path === '/web/session/authenticate') {
        const anon = session(c);
        if (!credentialsOk(params.login, params.password)) throw new RpcError('odoo.exceptions.AccessDenied', 'Access Denied');
        anon.uid = FAKE_ODOO_LOGIN.uid;
        return c.json({ jsonrpc: '2.0', id, result: sessionInfo(anon) });
      }
      if (!s) throw new RpcError('odoo.http.SessionExpiredException', 'Session expired', 100);
      if (path === '/web/session/get_session_info') return c.json({ jsonrpc: '2.0', id, result: sessionInfo(s) });
      // 18.0 addons/web/controllers/action.py: an action by id, xml id or path; false when none (only the model is imitated).
      if (path === '/web/action/load') return c.json({ jsonrpc: '2.0', id, result: ACTION_MODELS[String(params.action_id)] ? { type: 'ir.actions.act_window', res_model: ACTION_MODELS[String(params.action_id)] } : false });
      const model = String(routeModel ?? params.model ?? '');
      const method = String(routeMethod ?? params.method ?? '');
      const result = callKw(model, method, (params.args as unknown[]) ?? [], (params.kwargs as Record<string, unknown>) ?? {});
      return c.json({ jsonrpc: '2.0', id, result });
    } catch (e) {
      const err = e instanceof RpcError ? e : new RpcError('builtins.Exception', e instanceof Error ? e.message : String(e));
      const message = err.code === 100 ? 'Odoo Session Expired' : 'Odoo Server Error';
      return c.json({
        jsonrpc: '2.0',
        id,
        error: { code: err.code, message, data: { name: err.odooName, debug: `Traceback (most recent call last):\n  (fake Odoo)\n${err.odooName}: ${err.message}`, message: err.message, arguments: [err.message], context: {} } },
      });
    }
  };
  app.post('/web/session/authenticate', (c) => rpc(c));
  app.post('/web/session/get_session_info', (c) => rpc(c));
  app.post('/web/action/load', (c) => rpc(c));
  app.post('/web/dataset/call_kw', (c) => rpc(c));
  app.post('/web/dataset/call_kw/:model/:method', (c) => rpc(c, c.req.param('model'), c.req.param('method')));

  const fail = (name: string, message: string): never => { throw new RpcError(name, message); };
  const record = (kind: RecordedWrite['kind'], model: string, name: string, values: Record<string, unknown>) => {
    const write: RecordedWrite = { erp: 'odoo', kind, doctype: model, name, values: clone(values), user: FAKE_ODOO_LOGIN.login, at: new Date().toISOString() };
    state.writes.push(write);
    opts.onWrite?.(write);
  };
  const refuseWrite = (model: string) => {
    if (opts.refuseWrites) fail('odoo.exceptions.AccessError', `You are not allowed to modify '${model}' records.`);
  };

  function callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): unknown {
    if (!READABLE.has(model)) fail('builtins.KeyError', `'${model}'`);
    const table = (state.db[model] ??= []);
    const idsArg = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : v === undefined ? [] : [Number(v)]);
    const checkFields = (fields: unknown) => {
      for (const f of Array.isArray(fields) ? fields : []) {
        if (!modelFields(state.db, model).has(String(f))) fail('builtins.ValueError', `Invalid field '${String(f)}' on model '${model}'`);
      }
    };
    switch (method) {
      case 'fields_get':
        return Object.fromEntries([...modelFields(state.db, model)].map((f) => [f, { type: 'char', string: f }]));
      case 'read': {
        const ids = idsArg(args[0] ?? kwargs.ids);
        const fields = args[1] ?? kwargs.fields;
        const noFields = !Array.isArray(fields) || fields.length === 0;
        // The two read failures of a real 17.0 with l10n_in (see test/real/odoo and shared/src/erps/odoo/fields.ts).
        if (model === 'account.move.line' && noFields) fail('builtins.TypeError', 'keys must be str, int, float, bool or None, not frozendict');
        if (model === 'res.partner' && ids.length > 1 && (noFields || (fields as string[]).includes('display_pan_warning'))) {
          fail('builtins.ValueError', `Expected singleton: res.partner(${ids.join(', ')})`);
        }
        checkFields(fields);
        return ids.map((rid) => {
          const rec = table.find((r) => r.id === rid);
          if (!rec) fail('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: ${model}(${rid},), User: ${FAKE_ODOO_LOGIN.uid})`);
          return pickFields(rec!, fields);
        });
      }
      case 'search_read':
      case 'search':
      case 'search_count': {
        const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
        let rows = table.filter((r) => matchesDomain(r, domain));
        if (method === 'search_count') return rows.length;
        const offset = Number(kwargs.offset ?? 0);
        const limit = kwargs.limit ? Number(kwargs.limit) : undefined;
        rows = rows.slice(offset, limit !== undefined ? offset + limit : undefined);
        if (method === 'search_read') checkFields(args[1] ?? kwargs.fields);
        return method === 'search' ? rows.map((r) => r.id) : rows.map((r) => pickFields(r, args[1] ?? kwargs.fields));
      }
      case 'create': {
        if (model !== 'ir.attachment') fail('odoo.exceptions.AccessError', `The fake Odoo creates ir.attachment records only, not ${model}.`);
        refuseWrite(model);
        const list = (Array.isArray(args[0]) ? args[0] : [args[0]]) as Record<string, unknown>[];
        return list.map((vals) => {
          const id = 2000 + table.length + 1;
          table.push({ ...clone(vals), id });
          record('update', model, String(vals.res_id ?? ''), { name: vals.name, mimetype: vals.mimetype, res_model: vals.res_model, res_id: vals.res_id, bytes: Buffer.from(String(vals.datas ?? ''), 'base64').length });
          return id;
        });
      }
      case 'message_post': {
        if (model !== 'account.move') fail('builtins.AttributeError', `The method 'message_post' does not exist on the model '${model}'`);
        const ids = idsArg(args[0]);
        if (ids.length !== 1) fail('builtins.ValueError', `Expected singleton: account.move(${ids.join(', ')})`);
        if (!table.some((r) => r.id === ids[0])) fail('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: account.move(${ids[0]},), User: ${FAKE_ODOO_LOGIN.uid})`);
        refuseWrite('mail.message');
        const messages = state.db['mail.message'];
        const messageId = 1000 + messages.length + 1;
        messages.push({ id: messageId, model, res_id: ids[0], body: kwargs.body ?? '', message_type: kwargs.message_type ?? 'notification', subtype_xmlid: kwargs.subtype_xmlid ?? false, attachment_ids: kwargs.attachment_ids ?? [] });
        record('message_post', model, String(ids[0]), kwargs);
        return messageId;
      }
      default:
        return fail('builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`);
    }
  }

  return state;
}
