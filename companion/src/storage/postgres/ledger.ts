/**
 * The ledger on PostgreSQL, for several companion processes (on one or more computers) at once.
 * Exactly once rests on the database, not on a check-then-insert: the UNIQUE (seller_gstin, fy,
 * doc_type, doc_no_key) key makes a second INSERT of a document wait for the first transaction and
 * then find its row (ON CONFLICT DO NOTHING), and SELECT … FOR UPDATE serialises every decision on
 * an existing row. A pending row names its owner (pid, nonce, host, heartbeat: ledger/owner.ts);
 * others are told 'busy' until the owner settles it or its heartbeat goes stale. Reconciliation
 * claims rows with FOR UPDATE SKIP LOCKED, so two processes never reconcile the same row.
 */
import type { ApiErrorBody, DocumentKey, InvoiceSource, LedgerState } from '@irn-bridge/shared/api/contract';
import { auditValues, claimDecision, isUnresolved, listQuery, reconcilable, type Claim, type LedgerFilter, type LedgerRow, type Registration } from '../../ledger/store';
import { ownedByOther, SELF } from '../../ledger/owner';
import type { Attempt, AuditEntry, LedgerStorage } from '../types';
import { sql, type Client, type Pool } from './connect';

type Exec = Pick<Client, 'query'>;

const KEY_WHERE = 'seller_gstin = ? AND fy = ? AND doc_type = ? AND doc_no_key = ?';
const keyArgs = (k: DocumentKey) => [k.sellerGstin, k.fy, k.docType, k.docNo.toUpperCase()];
const hasNul = (args: unknown[]) => args.some((a) => typeof a === 'string' && a.includes('\0'));
const OWNER_CLEARED = 'owner_pid = NULL, owner_nonce = NULL, owner_heartbeat = NULL, owner_host = NULL';

export class PgLedger implements LedgerStorage {
  constructor(private readonly pool: Pool, readonly location: string, private readonly now: () => Date = () => new Date()) {}

  private stamp() { return this.now().toISOString(); }

  private async rows(q: Exec, text: string, args: unknown[] = []): Promise<LedgerRow[]> {
    // PostgreSQL text cannot hold NUL (SQLite's can): a lookup by such a value finds nothing, as it would on SQLite.
    if (hasNul(args) && /^\s*SELECT/i.test(text)) return [];
    return (await q.query(sql(text), args)).rows as LedgerRow[];
  }

  private async row(q: Exec, text: string, args: unknown[] = []): Promise<LedgerRow | undefined> {
    return (await this.rows(q, text, args))[0];
  }

  /** One transaction on one connection; a broken connection is dropped from the pool, not reused. */
  private async tx<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch((err: Error) => { broken = err; });
      throw e;
    } finally {
      c.release(broken);
    }
  }

  find(key: DocumentKey) { return this.row(this.pool, `SELECT * FROM einvoices WHERE ${KEY_WHERE}`, keyArgs(key)); }
  findByIrn(irn: string) { return this.row(this.pool, 'SELECT * FROM einvoices WHERE irn = ?', [irn]); }
  async get(id: number) { return (await this.row(this.pool, 'SELECT * FROM einvoices WHERE id = ?', [id]))!; }

  /** A new pending row owned by this process, or undefined when the document already has one (after any concurrent insert commits). */
  private insertPending(c: Exec, a: Attempt, now: string): Promise<LedgerRow | undefined> {
    return this.row(c, `INSERT INTO einvoices (seller_gstin, fy, doc_type, doc_no_key, doc_no, doc_date, state, profile, request_json,
      buyer_gstin, total_value, attempts, created_at, updated_at, owner_pid, owner_nonce, owner_heartbeat, owner_host, created_by)
      VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (seller_gstin, fy, doc_type, doc_no_key) DO NOTHING RETURNING *`,
    [...keyArgs(a.key), a.docNo, a.key.docDate, a.profile, JSON.stringify(a.request), a.buyerGstin, a.totalValue, now, now,
      SELF.pid, SELF.nonce, now, SELF.host, a.user ?? null]);
  }

  private lockRow(c: Exec, key: DocumentKey) {
    return this.row(c, `SELECT * FROM einvoices WHERE ${KEY_WHERE} FOR UPDATE`, keyArgs(key));
  }

  private async restart(c: Exec, id: number, a: Attempt, now: string): Promise<LedgerRow> {
    return (await this.row(c, `UPDATE einvoices SET state = 'pending', profile = ?, request_json = ?, doc_no = ?, doc_date = ?, buyer_gstin = ?,
      total_value = ?, last_error = NULL, attempts = attempts + 1, updated_at = ?, owner_pid = ?, owner_nonce = ?, owner_heartbeat = ?,
      owner_host = ?, created_by = COALESCE(?, created_by) WHERE id = ? RETURNING *`,
    [a.profile, JSON.stringify(a.request), a.docNo, a.key.docDate, a.buyerGstin, a.totalValue, now, SELF.pid, SELF.nonce, now, SELF.host,
      a.user ?? null, id]))!;
  }

  private async takeOwnership(c: Exec, id: number): Promise<LedgerRow> {
    return (await this.row(c, 'UPDATE einvoices SET owner_pid = ?, owner_nonce = ?, owner_heartbeat = ?, owner_host = ? WHERE id = ? RETURNING *',
      [SELF.pid, SELF.nonce, this.stamp(), SELF.host, id]))!;
  }

  beginAttempt(a: Attempt, reusable: LedgerState[] = ['failed']): Promise<LedgerRow | null> {
    return this.tx(async (c) => {
      const now = this.stamp();
      const inserted = await this.insertPending(c, a, now);
      if (inserted) return inserted;
      const existing = (await this.lockRow(c, a.key))!;
      if (!reusable.includes(existing.state) || ownedByOther(existing, this.now())) return null;
      return this.restart(c, existing.id, a, now);
    });
  }

  claim(a: Attempt): Promise<Claim> {
    return this.tx(async (c): Promise<Claim> => {
      const now = this.stamp();
      const inserted = await this.insertPending(c, a, now);
      if (inserted) return { kind: 'send', row: inserted };
      const existing = (await this.lockRow(c, a.key))!;
      const decision = claimDecision(existing, this.now());
      if (decision === 'send') return { kind: 'send', row: await this.restart(c, existing.id, a, now) };
      if (decision === 'check') return { kind: 'check', row: await this.takeOwnership(c, existing.id) };
      return { kind: decision, row: existing };
    });
  }

  claimForReconcile(id: number): Promise<LedgerRow | null> {
    return this.tx(async (c) => {
      // SKIP LOCKED: a row another process is deciding on right now is its to reconcile.
      const row = await this.row(c, 'SELECT * FROM einvoices WHERE id = ? FOR UPDATE SKIP LOCKED', [id]);
      if (!row || !reconcilable(row, this.now())) return null;
      return this.takeOwnership(c, id);
    });
  }

  async heartbeat(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.pool.query('UPDATE einvoices SET owner_heartbeat = $1 WHERE id = ANY($2::int[]) AND owner_nonce = $3', [this.stamp(), ids, SELF.nonce]);
  }

  async release(id: number): Promise<void> {
    await this.pool.query(sql(`UPDATE einvoices SET ${OWNER_CLEARED} WHERE id = ? AND owner_nonce = ?`), [id, SELF.nonce]);
  }

  async markGenerated(id: number, r: Registration, recovered: boolean): Promise<LedgerRow> {
    return (await this.row(this.pool, `UPDATE einvoices SET state = 'generated', irn = ?, ack_no = ?, ack_dt = ?, signed_invoice = ?, signed_qr_code = ?,
      ewb_no = ?, ewb_dt = ?, ewb_valid_till = ?, recovered = ?, last_error = NULL, updated_at = ?, ${OWNER_CLEARED} WHERE id = ? RETURNING *`,
    [r.Irn, String(r.AckNo), r.AckDt, r.SignedInvoice, r.SignedQRCode, r.EwbNo == null ? null : String(r.EwbNo), r.EwbDt ?? null,
      r.EwbValidTill ?? null, recovered ? 1 : 0, this.stamp(), id]))!;
  }

  async insertRecovered(key: DocumentKey, docNo: string, profile: string, r: Registration, buyerGstin: string | null, totalValue: number | null) {
    const now = this.stamp();
    const row = (await this.row(this.pool, `INSERT INTO einvoices (seller_gstin, fy, doc_type, doc_no_key, doc_no, doc_date, state, profile,
      request_json, buyer_gstin, total_value, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 0, ?, ?) RETURNING id`,
    [...keyArgs(key), docNo, key.docDate, profile, JSON.stringify({ recoveredFromIrp: now }), buyerGstin, totalValue, now, now]))!;
    return this.markGenerated(row.id, r, true);
  }

  async countByState(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query('SELECT state, COUNT(*)::int AS n FROM einvoices GROUP BY state');
    return Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]));
  }

  async markCancelledFromIrp(id: number): Promise<void> {
    await this.pool.query(`UPDATE einvoices SET state = 'cancelled', updated_at = $1 WHERE id = $2`, [this.stamp(), id]);
  }

  async markState(id: number, state: 'unknown' | 'failed', error: ApiErrorBody): Promise<LedgerRow> {
    return (await this.row(this.pool, `UPDATE einvoices SET state = ?, last_error = ?, updated_at = ?, ${OWNER_CLEARED} WHERE id = ? RETURNING *`,
      [state, JSON.stringify(error), this.stamp(), id]))!;
  }

  async markCancelled(irn: string, cancelDate: string, reason: string, remark: string): Promise<void> {
    await this.pool.query(sql(`UPDATE einvoices SET state = 'cancelled', cancel_date = ?, cancel_reason = ?, cancel_remark = ?, updated_at = ? WHERE irn = ?`),
      [cancelDate, reason, remark, this.stamp(), irn]);
  }

  async setEwaybill(irn: string, e: { ewbNo: string; ewbDt: string; ewbValidTill: string | null }): Promise<void> {
    await this.pool.query(sql(`UPDATE einvoices SET ewb_no = ?, ewb_dt = ?, ewb_valid_till = ?, ewb_cancel_date = NULL, ewb_cancel_reason = NULL,
      ewb_cancel_remark = NULL, updated_at = ? WHERE irn = ?`), [e.ewbNo, e.ewbDt, e.ewbValidTill, this.stamp(), irn]);
  }

  async markEwaybillCancelled(irn: string, cancelDate: string, reason: string, remark: string): Promise<void> {
    await this.pool.query(sql('UPDATE einvoices SET ewb_cancel_date = ?, ewb_cancel_reason = ?, ewb_cancel_remark = ?, updated_at = ? WHERE irn = ?'),
      [cancelDate, reason, remark, this.stamp(), irn]);
  }

  async setSource(key: DocumentKey, source: InvoiceSource): Promise<void> {
    await this.pool.query(sql(`UPDATE einvoices SET source_json = ? WHERE ${KEY_WHERE}`), [JSON.stringify(source), ...keyArgs(key)]);
  }

  async unresolved(): Promise<LedgerRow[]> {
    return (await this.rows(this.pool, `SELECT * FROM einvoices WHERE state IN ('pending', 'unknown')
      OR (state = 'failed' AND irn IS NULL AND last_error LIKE '%"code":"CONFLICT"%') ORDER BY id`)).filter(isUnresolved);
  }

  async list(f: LedgerFilter = {}) {
    const { clause, args, limit, offset } = listQuery(f, 'postgres');
    if (hasNul(args)) return { rows: [], total: 0, limit, offset };
    const total = Number((await this.pool.query(sql(`SELECT COUNT(*)::int AS n FROM einvoices ${clause}`), args)).rows[0].n);
    const rows = await this.rows(this.pool, `SELECT * FROM einvoices ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...args, f.unbounded ? null : limit, offset]);
    return { rows, total, limit, offset };
  }

  async audit(e: AuditEntry): Promise<void> {
    await this.pool.query(sql('INSERT INTO audit (at, profile, operation, document, irn, outcome, irp_codes, duration_ms, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      auditValues(e, this.stamp()));
  }
}
