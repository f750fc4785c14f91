/**
 * The ledger: one row per document (seller GSTIN, FY, doc type, upper-cased doc no) and its state.
 * Pure persistence; the rules about when to call the IRP live in generate.ts and reconcile.ts.
 * LedgerStore is the SQLite implementation, synchronous (storage/sqlite.ts wraps it in the async
 * storage interface without a thread hop); storage/postgres/ledger.ts is the other one.
 */
import type { DocumentKey, LedgerEntry, LedgerState } from '@irn-bridge/shared/api/contract';
import { documentKeyOfRow } from '@irn-bridge/shared/irn';
import type { Db } from './db';
import { ownedByOther, SELF } from './owner';
import { assertLedgerFile } from './file-check';
import type { ApiErrorBody, InvoiceSource } from '@irn-bridge/shared/api/contract';
import { historyFieldsOf } from './history-fields';
import type { Attempt, AuditEntry } from '../storage/types';

export interface LedgerRow {
  id: number;
  seller_gstin: string; fy: string; doc_type: string; doc_no_key: string; doc_no: string; doc_date: string;
  state: LedgerState;
  profile: string;
  request_json: string;
  irn: string | null; ack_no: string | null; ack_dt: string | null;
  signed_invoice: string | null; signed_qr_code: string | null;
  ewb_no: string | null; ewb_dt: string | null; ewb_valid_till: string | null;
  recovered: number;
  buyer_gstin: string | null; total_value: number | null;
  cancel_date: string | null; cancel_reason: string | null; cancel_remark: string | null;
  last_error: string | null;
  attempts: number;
  created_at: string; updated_at: string;
  /** The process working on a pending row (see owner.ts); null when nobody is. */
  owner_pid: number | null; owner_nonce: string | null; owner_heartbeat: string | null;
  /** Migration 3: the e-way bill's cancellation, and the invoice's origin (InvoiceSource JSON). */
  ewb_cancel_date?: string | null; ewb_cancel_reason?: string | null; ewb_cancel_remark?: string | null;
  source_json?: string | null;
  /** Migration 4 (team mode): who asked for the attempt that made or last retried the row. */
  created_by?: string | null;
  /** PostgreSQL only: the host of the owner process (a pid is checked only on its own host). */
  owner_host?: string | null;
}

/** What claiming a document for an attempt found. */
export type Claim =
  | { kind: 'send'; row: LedgerRow }      // new or failed: now pending and ours, send it
  | { kind: 'check'; row: LedgerRow }     // pending/unknown and now ours: ask the IRP before any resend
  | { kind: 'busy'; row: LedgerRow }      // another live process is working on it
  | { kind: 'done'; row: LedgerRow };     // generated or cancelled

/** The IRP's answer as the ledger stores it. */
export interface Registration {
  Irn: string; AckNo: number | string; AckDt: string; SignedInvoice: string; SignedQRCode: string;
  EwbNo?: number | string | null; EwbDt?: string | null; EwbValidTill?: string | null;
}

export interface LedgerFilter {
  state?: LedgerState; from?: string; to?: string; q?: string; profile?: string; limit?: number; offset?: number;
  /** For exports: lift the 1000-row page cap. */
  unbounded?: boolean;
}

export const documentOf = (r: LedgerRow): DocumentKey => documentKeyOfRow(r);

export function toLedgerEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id, state: r.state, document: documentOf(r), profile: r.profile, irn: r.irn, ackNo: r.ack_no, ackDt: r.ack_dt,
    buyerGstin: r.buyer_gstin, totalValue: r.total_value, recovered: !!r.recovered, ewbNo: r.ewb_no,
    cancelDate: r.cancel_date, lastError: r.last_error ? (JSON.parse(r.last_error) as ApiErrorBody) : null,
    createdAt: r.created_at, updatedAt: r.updated_at,
    ewbDt: r.ewb_dt, ewbValidTill: r.ewb_valid_till, ewbCancelDate: r.ewb_cancel_date ?? null,
    createdBy: r.created_by ?? null,
    ...historyFieldsOf(r),
  };
}

export function isUnresolved(r: LedgerRow): boolean {
  if (r.state === 'pending' || r.state === 'unknown') return true;
  if (r.state !== 'failed' || r.irn) return false;
  try { return (JSON.parse(r.last_error ?? 'null') as ApiErrorBody | null)?.code === 'CONFLICT'; } catch { return false; }
}

/**
 * What claiming an existing row means, for both storages (each decides inside its own transaction or
 * row lock): settled → done; owned by another live process → busy; failed → send again; pending or
 * unknown (its owner gone) → ours, to be checked at the IRP before anything is sent.
 */
export function claimDecision(row: LedgerRow, now: Date): Claim['kind'] {
  if (row.state === 'generated' || row.state === 'cancelled') return 'done';
  if (ownedByOther(row, now)) return 'busy';
  return row.state === 'failed' ? 'send' : 'check';
}

/** Whether start-up reconciliation may take the row now (unsettled, and no live process owns it). */
export const reconcilable = (row: LedgerRow, now: Date): boolean => isUnresolved(row) && !ownedByOther(row, now);

/** An audit entry's columns (at, profile, operation, document, irn, outcome, irp_codes, duration_ms, user_name), for both storages. */
export function auditValues(e: AuditEntry, at: string): (string | number | null)[] {
  const doc = e.document ? `${e.document.sellerGstin}/${e.document.fy}/${e.document.docType}/${e.document.docNo}` : null;
  return [at, e.profile, e.operation, doc, e.irn ?? null, e.outcome, e.irpCodes?.length ? e.irpCodes.join(',') : null,
    e.durationMs == null ? null : Math.round(e.durationMs), e.user ?? null];
}

/** dd/mm/yyyy → yyyy-mm-dd, so date ranges compare as text. */
const isoDay = (ddmmyyyy: string) => ddmmyyyy.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$2-$1');

/**
 * The ledger list's WHERE clause (with `?` placeholders) for either storage: SQLite's LIKE ignores
 * ASCII case, PostgreSQL's ILIKE is the same; the stored INV-01 is JSON text in both.
 */
export function listQuery(f: LedgerFilter, dialect: 'sqlite' | 'postgres'): { clause: string; args: unknown[]; limit: number; offset: number } {
  const like = dialect === 'sqlite' ? 'LIKE' : 'ILIKE';
  const buyerName = dialect === 'sqlite' ? "json_extract(request_json, '$.BuyerDtls.LglNm')" : "(request_json::jsonb #>> '{BuyerDtls,LglNm}')";
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.state) { where.push('state = ?'); args.push(f.state); }
  if (f.profile) { where.push('profile = ?'); args.push(f.profile); }
  const day = `substr(doc_date, 7, 4) || '-' || substr(doc_date, 4, 2) || '-' || substr(doc_date, 1, 2)`;
  if (f.from) { where.push(`${day} >= ?`); args.push(isoDay(f.from)); }
  if (f.to) { where.push(`${day} <= ?`); args.push(isoDay(f.to)); }
  // A NUL ends SQLite's LIKE pattern early ('%X\0Y%' would match every X) and PostgreSQL's text cannot hold one: it matches nothing.
  if (f.q?.includes('\0')) where.push('1 = 0');
  else if (f.q) {
    // Number, IRN, either GSTIN, the buyer's name (the stored INV-01's BuyerDtls.LglNm) and, for a figure, the invoice total.
    const amount = Number(f.q.replace(/[₹,\s]/g, ''));
    where.push(`(doc_no_key ${like} ? OR irn ${like} ? OR buyer_gstin ${like} ? OR seller_gstin ${like} ?
      OR ${buyerName} ${like} ?${Number.isFinite(amount) && /\d/.test(f.q) ? ' OR ABS(total_value - ?) < 0.005' : ''})`);
    const pattern = `%${f.q.toUpperCase().replace(/[%_]/g, '')}%`;
    args.push(pattern, f.q.toLowerCase().replace(/[%_]/g, '') + '%', pattern, pattern, `%${f.q.replace(/[%_]/g, '')}%`);
    if (Number.isFinite(amount) && /\d/.test(f.q)) args.push(amount);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(Math.max(f.limit ?? 50, 1), f.unbounded ? Number.MAX_SAFE_INTEGER : 1000);
  const offset = Math.max(f.offset ?? 0, 0);
  return { clause, args, limit, offset };
}

export class LedgerStore {
  constructor(readonly db: Db, private readonly now: () => Date = () => new Date()) {}

  private stamp() { return this.now().toISOString(); }

  find(key: DocumentKey): LedgerRow | undefined {
    return this.db.prepare('SELECT * FROM einvoices WHERE seller_gstin = ? AND fy = ? AND doc_type = ? AND doc_no_key = ?')
      .get(key.sellerGstin, key.fy, key.docType, key.docNo.toUpperCase()) as LedgerRow | undefined;
  }

  findByIrn(irn: string): LedgerRow | undefined {
    return this.db.prepare('SELECT * FROM einvoices WHERE irn = ?').get(irn) as LedgerRow | undefined;
  }

  get(id: number): LedgerRow {
    return this.db.prepare('SELECT * FROM einvoices WHERE id = ?').get(id) as LedgerRow;
  }

  /**
   * Records an attempt as `pending` before the IRP is called. Returns null if the row is in a state
   * that must not be overwritten (generated, cancelled, or pending/unknown: those need reconciling).
   */
  beginAttempt(a: Attempt, reusable: LedgerState[] = ['failed']): LedgerRow | null {
    return this.db.transaction(() => {
      const existing = this.find(a.key);
      const now = this.stamp();
      const json = JSON.stringify(a.request);
      if (!existing) {
        const info = this.db.prepare(`INSERT INTO einvoices (seller_gstin, fy, doc_type, doc_no_key, doc_no, doc_date, state, profile,
          request_json, buyer_gstin, total_value, attempts, created_at, updated_at, owner_pid, owner_nonce, owner_heartbeat, created_by)
          VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`)
          .run(a.key.sellerGstin, a.key.fy, a.key.docType, a.key.docNo.toUpperCase(), a.docNo, a.key.docDate, a.profile, json,
            a.buyerGstin, a.totalValue, now, now, SELF.pid, SELF.nonce, now, a.user ?? null);
        return this.get(Number(info.lastInsertRowid));
      }
      if (!reusable.includes(existing.state) || ownedByOther(existing, this.now())) return null;
      this.db.prepare(`UPDATE einvoices SET state = 'pending', profile = ?, request_json = ?, doc_no = ?, doc_date = ?, buyer_gstin = ?,
        total_value = ?, last_error = NULL, attempts = attempts + 1, updated_at = ?, owner_pid = ?, owner_nonce = ?, owner_heartbeat = ?,
        created_by = COALESCE(?, created_by) WHERE id = ?`)
        .run(a.profile, json, a.docNo, a.key.docDate, a.buyerGstin, a.totalValue, now, SELF.pid, SELF.nonce, now, a.user ?? null, existing.id);
      return this.get(existing.id);
    }).immediate();
  }

  /**
   * Takes a document for an attempt, in one IMMEDIATE transaction, so two processes cannot both take
   * it: a row a live process owns is left to it ('busy'); any other unsettled row becomes ours.
   */
  claim(a: Attempt): Claim {
    assertLedgerFile(this.db); // never send to the IRP what a deleted or replaced file would record
    return this.db.transaction((): Claim => {
      const existing = this.find(a.key);
      const decision = existing ? claimDecision(existing, this.now()) : 'send';
      if (decision === 'send') return { kind: 'send', row: this.beginAttempt(a)! };
      if (decision !== 'check') return { kind: decision, row: existing! };
      this.takeOwnership(existing!.id);
      return { kind: 'check', row: this.get(existing!.id) };
    }).immediate();
  }

  /** For reconciling: the row, now ours, if it is still unsettled and no live process owns it. */
  claimForReconcile(id: number): LedgerRow | null {
    assertLedgerFile(this.db);
    return this.db.transaction(() => {
      const row = this.get(id);
      if (!row || !reconcilable(row, this.now())) return null;
      this.takeOwnership(id);
      return this.get(id);
    }).immediate();
  }

  private takeOwnership(id: number): void {
    this.db.prepare('UPDATE einvoices SET owner_pid = ?, owner_nonce = ?, owner_heartbeat = ? WHERE id = ?')
      .run(SELF.pid, SELF.nonce, this.stamp(), id);
  }

  /** Refreshes this process's heartbeat on the rows it is working on. */
  heartbeat(ids: number[]): void {
    const stmt = this.db.prepare('UPDATE einvoices SET owner_heartbeat = ? WHERE id = ? AND owner_nonce = ?');
    for (const id of ids) stmt.run(this.stamp(), id, SELF.nonce);
  }

  /** Gives up ownership (the attempt ended without settling the row, e.g. the IRP could not be asked). */
  release(id: number): void {
    this.db.prepare('UPDATE einvoices SET owner_pid = NULL, owner_nonce = NULL, owner_heartbeat = NULL WHERE id = ? AND owner_nonce = ?')
      .run(id, SELF.nonce);
  }

  markGenerated(id: number, r: Registration, recovered: boolean): LedgerRow {
    this.db.prepare(`UPDATE einvoices SET state = 'generated', irn = ?, ack_no = ?, ack_dt = ?, signed_invoice = ?, signed_qr_code = ?,
      ewb_no = ?, ewb_dt = ?, ewb_valid_till = ?, recovered = ?, last_error = NULL, updated_at = ?,
      owner_pid = NULL, owner_nonce = NULL, owner_heartbeat = NULL WHERE id = ?`)
      .run(r.Irn, String(r.AckNo), r.AckDt, r.SignedInvoice, r.SignedQRCode, r.EwbNo == null ? null : String(r.EwbNo),
        r.EwbDt ?? null, r.EwbValidTill ?? null, recovered ? 1 : 0, this.stamp(), id);
    return this.get(id);
  }

  /** A document the IRP holds and the ledger lost (`ledger recover --from-irp`): stored as generated, recovered. */
  insertRecovered(key: DocumentKey, docNo: string, profile: string, r: Registration, buyerGstin: string | null, totalValue: number | null): LedgerRow {
    const now = this.stamp();
    const info = this.db.prepare(`INSERT INTO einvoices (seller_gstin, fy, doc_type, doc_no_key, doc_no, doc_date, state, profile,
      request_json, buyer_gstin, total_value, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 0, ?, ?)`)
      .run(key.sellerGstin, key.fy, key.docType, key.docNo.toUpperCase(), docNo, key.docDate, profile,
        JSON.stringify({ recoveredFromIrp: now }), buyerGstin, totalValue, now, now);
    return this.markGenerated(Number(info.lastInsertRowid), r, true);
  }

  /** Rows per state (recover's summary). */
  countByState(): Record<string, number> {
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM einvoices GROUP BY state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** The IRP's verdict on a registered IRN says it is cancelled (seen while reconciling). */
  markCancelledFromIrp(id: number): void {
    this.db.prepare(`UPDATE einvoices SET state = 'cancelled', updated_at = ? WHERE id = ?`).run(this.stamp(), id);
  }

  markState(id: number, state: 'unknown' | 'failed', error: ApiErrorBody): LedgerRow {
    this.db.prepare(`UPDATE einvoices SET state = ?, last_error = ?, updated_at = ?,
      owner_pid = NULL, owner_nonce = NULL, owner_heartbeat = NULL WHERE id = ?`)
      .run(state, JSON.stringify(error), this.stamp(), id);
    return this.get(id);
  }

  markCancelled(irn: string, cancelDate: string, reason: string, remark: string): void {
    this.db.prepare(`UPDATE einvoices SET state = 'cancelled', cancel_date = ?, cancel_reason = ?, cancel_remark = ?, updated_at = ? WHERE irn = ?`)
      .run(cancelDate, reason, remark, this.stamp(), irn);
  }

  setEwaybill(irn: string, e: { ewbNo: string; ewbDt: string; ewbValidTill: string | null }): void {
    this.db.prepare(`UPDATE einvoices SET ewb_no = ?, ewb_dt = ?, ewb_valid_till = ?, ewb_cancel_date = NULL, ewb_cancel_reason = NULL,
      ewb_cancel_remark = NULL, updated_at = ? WHERE irn = ?`)
      .run(e.ewbNo, e.ewbDt, e.ewbValidTill, this.stamp(), irn);
  }

  /** The IRN's e-way bill was cancelled (the number stays, for the history); the IRN may now be cancelled. */
  markEwaybillCancelled(irn: string, cancelDate: string, reason: string, remark: string): void {
    this.db.prepare('UPDATE einvoices SET ewb_cancel_date = ?, ewb_cancel_reason = ?, ewb_cancel_remark = ?, updated_at = ? WHERE irn = ?')
      .run(cancelDate, reason, remark, this.stamp(), irn);
  }

  /** Where the document's invoice came from (the ERP page), for the history. */
  setSource(key: DocumentKey, source: InvoiceSource): void {
    this.db.prepare('UPDATE einvoices SET source_json = ? WHERE seller_gstin = ? AND fy = ? AND doc_type = ? AND doc_no_key = ?')
      .run(JSON.stringify(source), key.sellerGstin, key.fy, key.docType, key.docNo.toUpperCase());
  }

  /** Rows start-up reconciliation settles: pending/unknown, and failed ones the IRP may hold (a 409 on a registered number). */
  unresolved(): LedgerRow[] {
    return (this.db.prepare(`SELECT * FROM einvoices WHERE state IN ('pending', 'unknown')
      OR (state = 'failed' AND irn IS NULL AND last_error LIKE '%"code":"CONFLICT"%') ORDER BY id`).all() as LedgerRow[]).filter(isUnresolved);
  }

  list(f: LedgerFilter = {}): { rows: LedgerRow[]; total: number; limit: number; offset: number } {
    const { clause, args, limit, offset } = listQuery(f, 'sqlite');
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM einvoices ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM einvoices ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as LedgerRow[];
    return { rows, total, limit, offset };
  }

  audit(e: AuditEntry): void {
    this.db.prepare('INSERT INTO audit (at, profile, operation, document, irn, outcome, irp_codes, duration_ms, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...auditValues(e, this.stamp()));
  }
}
