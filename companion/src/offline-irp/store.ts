/**
 * What the offline IRP remembers across restarts: issued tokens and registered IRNs (with their
 * e-way bills), in one small SQLite file. Restart-proof on purpose: duplicate detection after a
 * companion restart is exactly what the reliability tests exercise.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenRow {
  token: string;
  client_id: string;
  username: string;
  gstin: string;
  sek: string; // base64, 32 bytes
  expires_at: number; // epoch ms
  revoked: number;
}

export interface IrnRow {
  irn: string;
  seller_gstin: string;
  buyer_gstin: string;
  fy: string;
  doc_type: string;
  doc_no: string; // upper-cased: document numbers are case-insensitive at the IRP
  doc_date: string; // dd/mm/yyyy
  ack_no: number;
  ack_dt: string; // IST as returned
  ack_at: number; // epoch ms
  status: 'ACT' | 'CNL';
  cancel_date: string | null;
  signed_invoice: string | null;
  signed_qr: string | null;
  invoice_json: string;
  ewb_no: number | null;
  ewb_dt: string | null;
  ewb_valid_till: string | null;
  ewb_status: 'ACT' | 'CNL' | null;
}

export class OfflineStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    const file = join(dataDir, 'offline-irp.sqlite');
    const fresh = !existsSync(file);
    this.db = new Database(file);
    if (fresh) chmodSync(file, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (
        token TEXT PRIMARY KEY, client_id TEXT NOT NULL, username TEXT NOT NULL, gstin TEXT NOT NULL,
        sek TEXT NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS irns (
        irn TEXT PRIMARY KEY, seller_gstin TEXT NOT NULL, buyer_gstin TEXT NOT NULL, fy TEXT NOT NULL,
        doc_type TEXT NOT NULL, doc_no TEXT NOT NULL, doc_date TEXT NOT NULL,
        ack_no INTEGER NOT NULL UNIQUE, ack_dt TEXT NOT NULL, ack_at INTEGER NOT NULL,
        status TEXT NOT NULL, cancel_date TEXT, signed_invoice TEXT, signed_qr TEXT, invoice_json TEXT NOT NULL,
        ewb_no INTEGER UNIQUE, ewb_dt TEXT, ewb_valid_till TEXT, ewb_status TEXT,
        UNIQUE (seller_gstin, fy, doc_type, doc_no));
    `);
  }

  // ---- tokens

  /** The live (unrevoked, unexpired) token of this login, if any. */
  liveToken(clientId: string, username: string, gstin: string, nowMs: number): TokenRow | undefined {
    return this.db
      .prepare(`SELECT * FROM tokens WHERE client_id = ? AND username = ? AND gstin = ? AND revoked = 0 AND expires_at > ?
                ORDER BY expires_at DESC LIMIT 1`)
      .get(clientId, username, gstin, nowMs) as TokenRow | undefined;
  }

  token(token: string): TokenRow | undefined {
    return this.db.prepare('SELECT * FROM tokens WHERE token = ?').get(token) as TokenRow | undefined;
  }

  insertToken(t: Omit<TokenRow, 'revoked'>): void {
    this.db.prepare(`INSERT INTO tokens (token, client_id, username, gstin, sek, expires_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(t.token, t.client_id, t.username, t.gstin, t.sek, t.expires_at);
  }

  revokeToken(token: string): void {
    this.db.prepare('UPDATE tokens SET revoked = 1 WHERE token = ?').run(token);
  }

  revokeAllTokens(): void {
    this.db.prepare('UPDATE tokens SET revoked = 1').run();
  }

  // ---- IRNs

  irn(irn: string): IrnRow | undefined {
    return this.db.prepare('SELECT * FROM irns WHERE irn = ?').get(irn.toLowerCase()) as IrnRow | undefined;
  }

  byDoc(sellerGstin: string, fy: string, docType: string, docNo: string): IrnRow | undefined {
    return this.db
      .prepare('SELECT * FROM irns WHERE seller_gstin = ? AND fy = ? AND doc_type = ? AND doc_no = ?')
      .get(sellerGstin, fy, docType, docNo.toUpperCase()) as IrnRow | undefined;
  }

  /** Next AckNo: "11", the 2-digit year, then an 11-digit sequence (15 digits in all). */
  nextAckNo(yy: string): number {
    const base = Number(`11${yy}00000000000`);
    const row = this.db.prepare('SELECT MAX(ack_no) AS m FROM irns WHERE ack_no >= ? AND ack_no < ?').get(base, base + 1e11) as { m: number | null };
    return (row.m ?? base) + 1;
  }

  nextEwbNo(): number {
    const row = this.db.prepare('SELECT MAX(ewb_no) AS m FROM irns').get() as { m: number | null };
    return (row.m ?? 171000000000) + 1;
  }

  /** Reserve a registration synchronously (the duplicate check and the insert cannot interleave). */
  insertIrn(r: IrnRow): void {
    this.db.prepare(`INSERT INTO irns (irn, seller_gstin, buyer_gstin, fy, doc_type, doc_no, doc_date, ack_no, ack_dt, ack_at,
        status, cancel_date, signed_invoice, signed_qr, invoice_json, ewb_no, ewb_dt, ewb_valid_till, ewb_status)
      VALUES (@irn, @seller_gstin, @buyer_gstin, @fy, @doc_type, @doc_no, @doc_date, @ack_no, @ack_dt, @ack_at,
        @status, @cancel_date, @signed_invoice, @signed_qr, @invoice_json, @ewb_no, @ewb_dt, @ewb_valid_till, @ewb_status)`).run(r);
  }

  setSigned(irn: string, signedInvoice: string, signedQr: string): void {
    this.db.prepare('UPDATE irns SET signed_invoice = ?, signed_qr = ? WHERE irn = ?').run(signedInvoice, signedQr, irn);
  }

  deleteIrn(irn: string): void {
    this.db.prepare('DELETE FROM irns WHERE irn = ?').run(irn);
  }

  cancelIrn(irn: string, cancelDate: string): void {
    this.db.prepare(`UPDATE irns SET status = 'CNL', cancel_date = ? WHERE irn = ?`).run(cancelDate, irn);
  }

  setEwb(irn: string, ewb: { no: number; dt: string; validTill: string | null }): void {
    this.db.prepare(`UPDATE irns SET ewb_no = ?, ewb_dt = ?, ewb_valid_till = ?, ewb_status = 'ACT' WHERE irn = ?`)
      .run(ewb.no, ewb.dt, ewb.validTill, irn);
  }

  byEwbNo(ewbNo: number): IrnRow | undefined {
    return this.db.prepare('SELECT * FROM irns WHERE ewb_no = ?').get(ewbNo) as IrnRow | undefined;
  }

  cancelEwb(irn: string): void {
    this.db.prepare(`UPDATE irns SET ewb_status = 'CNL' WHERE irn = ?`).run(irn);
  }

  countIrns(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM irns').get() as { n: number }).n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
