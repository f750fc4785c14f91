/** The fake Odoo's database: the project's Odoo fixtures merged into one record set per model, plus a draft. */
import type { OdooInvoiceRecords } from '@irn-bridge/shared/erps/odoo/records';
import { clone, loadFixture } from './common';

export type OdooDb = Record<string, Array<Record<string, unknown> & { id: number }>>;

/** Moves the demo lists: posted invoice, posted credit note, draft. */
export const ODOO_MOVES = { posted: 17, creditNote: 21, draft: 18 } as const;

export function loadOdooDb(): OdooDb {
  const db: OdooDb = {};
  for (const file of ['out-invoice-interstate.json', 'out-refund-interstate.json']) {
    const records = loadFixture<OdooInvoiceRecords>(`odoo/${file}`);
    for (const [model, rows] of Object.entries(records)) {
      const list = (db[model] ??= []);
      for (const row of rows as Array<Record<string, unknown> & { id: number }>) if (!list.some((r) => r.id === row.id)) list.push(row);
    }
  }
  // A draft: same customer and lines as the posted invoice, not yet posted, so no number and no IRN.
  const posted = db['account.move'].find((m) => m.id === ODOO_MOVES.posted)!;
  const draft = { ...clone(posted), id: ODOO_MOVES.draft, name: '/', state: 'draft', invoice_date: false, invoice_line_ids: [181, 182] };
  db['account.move'].push(draft);
  for (const line of db['account.move.line'].filter((l) => (l.move_id as [number, string])[0] === ODOO_MOVES.posted)) {
    db['account.move.line'].push({ ...clone(line), id: line.id + 80, move_id: [ODOO_MOVES.draft, ''] });
  }
  db['mail.message'] = [];
  db['ir.attachment'] = [];
  return db;
}

type Domain = unknown[];

/** Odoo domains, the subset adapters use: leaves `[field, op, value]` with =, !=, in, not in, joined by implicit AND. */
export function matchesDomain(record: Record<string, unknown>, domain: Domain): boolean {
  return domain.every((leaf) => {
    if (!Array.isArray(leaf)) return true; // '&' and friends: AND is the default
    const [field, op, value] = leaf as [string, string, unknown];
    const raw = record[field];
    const v = Array.isArray(raw) && typeof raw[0] === 'number' && typeof raw[1] === 'string' ? raw[0] : raw; // many2one → id
    const list = Array.isArray(value) ? value : [value];
    switch (op) {
      case '=':
        return Array.isArray(v) ? v.includes(value) : v === value;
      case '!=':
        return v !== value;
      case 'in':
        return Array.isArray(v) ? v.some((x) => list.includes(x)) : list.includes(v);
      case 'not in':
        return !list.includes(v);
      default:
        throw new Error(`Invalid domain operator ${op}`);
    }
  });
}

/** Fields every Odoo 17.0 model has beside those in the fixtures. */
const BASE_FIELDS = ['id', 'display_name', 'create_date', 'write_date'];
/** Fields of 17.0 models that the fixtures leave empty (so they hold no row with them). */
const EXTRA_FIELDS: Record<string, string[]> = {
  'ir.attachment': ['name', 'datas', 'mimetype', 'res_model', 'res_id', 'type'],
  'mail.message': ['body', 'model', 'res_id', 'message_type', 'subtype_id', 'attachment_ids'],
  'l10n_in.port.code': ['code', 'name', 'state_id'],
};

/** The fields a model has on this fake server: what its fixture rows carry (they are 17.0's names, read from a real server). */
export function modelFields(db: OdooDb, model: string): Set<string> {
  return new Set([...BASE_FIELDS, ...(EXTRA_FIELDS[model] ?? []), ...(db[model] ?? []).flatMap((r) => Object.keys(r))]);
}

/**
 * `read`/`search_read` field selection, `id` always included. A field the model has but the record
 * leaves empty reads as `false`, as Odoo answers; unknown fields are refused before (modelFields).
 */
export function pickFields(record: Record<string, unknown>, fields: unknown): Record<string, unknown> {
  if (!Array.isArray(fields) || fields.length === 0) return clone(record);
  const out: Record<string, unknown> = { id: record.id };
  for (const f of fields) out[String(f)] = f in record ? clone(record[String(f)]) : false;
  return out;
}
