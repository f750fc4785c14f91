/**
 * The single-desk storage: <home>/irn-bridge.db through the synchronous SQLite stores
 * (ledger/store.ts, security/keys.ts, security/pairing.ts), wrapped so that they satisfy the async
 * storage interface. Each method runs its statement at once and returns a settled promise: no thread
 * hop, so the single-desk path costs what it did (docs/performance.md). Tokens stay in <home>/tokens,
 * as before, so existing homes keep working.
 */
import { join } from 'node:path';
import type { DocumentKey, InvoiceSource, LedgerState, ApiErrorBody } from '@irn-bridge/shared/api/contract';
import { ensurePrivateDir } from '../home';
import { FileTokenCache } from '../irp/token-cache';
import type { Db } from '../ledger/db';
import { LedgerStore, type LedgerFilter, type Registration } from '../ledger/store';
import { SqliteApiKeys } from '../security/keys';
import { PairingCodes } from '../security/pairing';
import type { Attempt, AuditEntry, KeyOptions, KeyStorage, LedgerStorage, PairingStorage, Storage } from './types';

export class SqliteLedger implements LedgerStorage {
  constructor(readonly sync: LedgerStore) {}
  get location() { return this.sync.db.name; }
  async find(key: DocumentKey) { return this.sync.find(key); }
  async findByIrn(irn: string) { return this.sync.findByIrn(irn); }
  async get(id: number) { return this.sync.get(id); }
  async beginAttempt(a: Attempt, reusable?: LedgerState[]) { return this.sync.beginAttempt(a, reusable); }
  async claim(a: Attempt) { return this.sync.claim(a); }
  async claimForReconcile(id: number) { return this.sync.claimForReconcile(id); }
  async heartbeat(ids: number[]) { this.sync.heartbeat(ids); }
  async release(id: number) { this.sync.release(id); }
  async markGenerated(id: number, r: Registration, recovered: boolean) { return this.sync.markGenerated(id, r, recovered); }
  async insertRecovered(key: DocumentKey, docNo: string, profile: string, r: Registration, buyerGstin: string | null, totalValue: number | null) {
    return this.sync.insertRecovered(key, docNo, profile, r, buyerGstin, totalValue);
  }
  async countByState() { return this.sync.countByState(); }
  async markCancelledFromIrp(id: number) { this.sync.markCancelledFromIrp(id); }
  async markState(id: number, state: 'unknown' | 'failed', error: ApiErrorBody) { return this.sync.markState(id, state, error); }
  async markCancelled(irn: string, cancelDate: string, reason: string, remark: string) { this.sync.markCancelled(irn, cancelDate, reason, remark); }
  async setEwaybill(irn: string, e: { ewbNo: string; ewbDt: string; ewbValidTill: string | null }) { this.sync.setEwaybill(irn, e); }
  async markEwaybillCancelled(irn: string, cancelDate: string, reason: string, remark: string) {
    this.sync.markEwaybillCancelled(irn, cancelDate, reason, remark);
  }
  async setSource(key: DocumentKey, source: InvoiceSource) { this.sync.setSource(key, source); }
  async unresolved() { return this.sync.unresolved(); }
  async list(f?: LedgerFilter) { return this.sync.list(f); }
  async audit(e: AuditEntry) { this.sync.audit(e); }
}

class SqliteKeys implements KeyStorage {
  constructor(private readonly sync: SqliteApiKeys) {}
  async issue(client: string, origin: string | null, opts?: KeyOptions) { return this.sync.issue(client, origin, opts); }
  async verify(apiKey: string) { return this.sync.verify(apiKey); }
  async list() { return this.sync.list(); }
  async revoke(id: string) { return this.sync.revoke(id); }
  async isPairedOrigin(origin: string) { return this.sync.isPairedOrigin(origin); }
}

class SqlitePairing implements PairingStorage {
  constructor(private readonly sync: PairingCodes) {}
  async create() { return this.sync.create(); }
  async newestCreatedAt() { return this.sync.newestCreatedAt(); }
  async redeem(code: string) { return this.sync.redeem(code); }
}

export interface SqliteStorage extends Storage {
  readonly kind: 'sqlite';
  /** The open file, for what only SQLite has: backups, file checks, doctor. */
  readonly db: Db;
  ledger: SqliteLedger;
}

/** The storage on an open SQLite ledger (ledger/open.ts or ledger/db.ts opened and migrated it). */
export function sqliteStorage(db: Db, home: string, now: () => Date = () => new Date()): SqliteStorage {
  return {
    kind: 'sqlite', location: db.name, db,
    ledger: new SqliteLedger(new LedgerStore(db, now)),
    keys: new SqliteKeys(new SqliteApiKeys(db, now)),
    pairing: new SqlitePairing(new PairingCodes(db, now)),
    tokens: new FileTokenCache(ensurePrivateDir(join(home, 'tokens'))),
    async close() { if (db.open) db.close(); },
  };
}
