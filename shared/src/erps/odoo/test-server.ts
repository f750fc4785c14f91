/**
 * For this folder's tests only (never imported by product code): an in-memory JSON-RPC server over
 * fixture records that answers as Odoo 17.0 does, its two known read failures included
 * (account.move.line `read` without fields; res.partner `read` of two ids), and records writes.
 */
import { env, fakeFetch, type Call } from '../testing/fakes';
import type { ErpIo } from '../module';

type Row = Record<string, unknown> & { id: number };
export type Tables = Record<string, Row[]>;

export interface StubOptions {
  /** Models whose fields_get leaves these out (an Odoo without account_edi has no edi_document_ids). */
  hideFields?: Record<string, string[]>;
  /** account.edi.format rows (l10n_in_edi installed when it has in_einvoice_1_03). */
  ediFormats?: Row[];
  /** `/web/action/load` answers: action id or path → res_model. */
  actions?: Record<string, string>;
}

export interface Stub {
  io: ErpIo;
  calls: Call[];
  tables: Tables;
  /** method calls other than read/search/fields_get, in order: `model.method`. */
  writes: { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> }[];
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function odooStub(fixtureTables: Tables, options: StubOptions = {}): Stub {
  const tables = clone(fixtureTables);
  tables['account.edi.format'] = options.ediFormats ?? [];
  for (const m of ['ir.attachment', 'account.edi.document', 'mail.message']) tables[m] ??= [];
  const writes: Stub['writes'] = [];
  let nextId = 5000;
  const ok = (c: Call, result: unknown) => ({ json: { jsonrpc: '2.0', id: c.body.id, result } });
  const fail = (c: Call, message: string) => ({ json: { jsonrpc: '2.0', id: c.body.id, error: { code: 200, message: 'Odoo Server Error', data: { name: 'builtins.TypeError', message } } } });
  const { fetch, calls } = fakeFetch((c) => {
    if (c.url.pathname === '/web/action/load') {
      const model = options.actions?.[String(c.body.params.action_id)];
      return ok(c, model ? { type: 'ir.actions.act_window', res_model: model } : false);
    }
    const m = /^\/web\/dataset\/call_kw\/([\w.]+)\/(\w+)$/.exec(c.url.pathname);
    if (!m || c.method !== 'POST') return undefined;
    const { model, method, args = [], kwargs = {} } = c.body.params as { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> };
    const rows = (tables[model] ??= []);
    if (method === 'fields_get') {
      const hidden = new Set(options.hideFields?.[model] ?? []);
      const names = new Set(rows.flatMap((r) => Object.keys(r)));
      if (model === 'account.move' && !hidden.has('edi_document_ids')) names.add('edi_document_ids');
      return ok(c, Object.fromEntries([...names].filter((n) => !hidden.has(n)).map((n) => [n, { type: 'char' }])));
    }
    if (method === 'read') {
      const [ids, fields] = args as [number[], string[] | undefined];
      if (model === 'account.move.line' && !fields) return fail(c, 'keys must be str, int, float, bool or None, not frozendict');
      if (model === 'res.partner' && ids.length > 1) return fail(c, `Expected singleton: res.partner(${ids.join(', ')})`);
      const pick = (r: Row) => (fields ? Object.fromEntries([['id', r.id], ...fields.map((f) => [f, f in r ? r[f] : false])]) : r);
      return ok(c, rows.filter((r) => ids.includes(r.id)).map(pick));
    }
    if (method === 'search') {
      const [domain] = args as [[string, string, unknown][]];
      return ok(c, rows.filter((r) => domain.every(([f, , v]) => r[f] === v)).map((r) => r.id));
    }
    writes.push({ model, method, args, kwargs });
    if (method === 'create') {
      const ids = (args[0] as Row[]).map((vals) => {
        const id = ++nextId;
        // many2one values read back as [id, display_name], as Odoo answers
        rows.push({ ...Object.fromEntries(Object.entries(vals).map(([k, v]) => [k, k.endsWith('_id') && typeof v === 'number' ? [v, ''] : v])), id });
        // account_edi's one2many on the move
        const move = model === 'account.edi.document' ? tables['account.move'].find((mv) => mv.id === vals.move_id) : undefined;
        if (move) move.edi_document_ids = [...((move.edi_document_ids as number[]) ?? []), id];
        return id;
      });
      return ok(c, ids);
    }
    if (method === 'write') {
      const [ids, vals] = args as [number[], Row];
      const m2o = Object.fromEntries(Object.entries(vals).map(([k, v]) => [k, k.endsWith('_id') && typeof v === 'number' ? [v, ''] : v]));
      rows.filter((r) => ids.includes(r.id)).forEach((r) => Object.assign(r, m2o));
      return ok(c, true);
    }
    if (method === 'message_post') return ok(c, ++nextId);
    if (method === 'button_draft' || method === 'button_cancel') {
      rows.filter((r) => (args[0] as number[]).includes(r.id)).forEach((r) => { r.state = method === 'button_draft' ? 'draft' : 'cancel'; });
      return ok(c, true);
    }
    return fail(c, `The method '${method}' does not exist on the model '${model}'`);
  });
  return { io: env('https://odoo.example.test', fetch), calls, tables, writes };
}
