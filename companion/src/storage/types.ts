/**
 * The companion's storage: the ledger (einvoices rows with their claims and owners), the audit log,
 * API keys, pairing codes and IRP tokens, behind one async interface with two implementations:
 * SQLite (sqlite.ts, the default for one desk: <home>/irn-bridge.db) and PostgreSQL (postgres/,
 * `irn-bridge start --database postgres://…`, several companion processes on one database).
 * The rules about when to call the IRP stay in ledger/generate.ts; this is persistence only.
 */
import type { DocumentKey, LedgerState, ApiErrorBody, InvoiceSource } from '@irn-bridge/shared/api/contract';
import type { TokenCache } from '../irp/token-cache';
import type { Claim, LedgerFilter, LedgerRow, Registration } from '../ledger/store';
import type { ApiKeyInfo, KeyRole } from '../security/keys';
import type { PairingOutcome } from '../security/pairing';

export type { Claim, LedgerFilter, LedgerRow, Registration };

/** One attempt at a document, as generate.ts claims it. `user` names who asked (the team mode's key), stored as created_by. */
export interface Attempt {
  key: DocumentKey; docNo: string; profile: string; request: unknown; buyerGstin: string | null; totalValue: number | null;
  user?: string | null;
}

export interface AuditEntry {
  profile: string | null; operation: string; document?: DocumentKey | null; irn?: string | null; outcome: string;
  irpCodes?: string[]; durationMs?: number;
  /** Who asked (the API key's user); null for the companion's own work (start-up reconciliation). */
  user?: string | null;
}

export interface LedgerStorage {
  /** For messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  find(key: DocumentKey): Promise<LedgerRow | undefined>;
  findByIrn(irn: string): Promise<LedgerRow | undefined>;
  get(id: number): Promise<LedgerRow>;
  /** Records an attempt as pending (new row, or a `reusable` one); null if the row must not be overwritten. */
  beginAttempt(a: Attempt, reusable?: LedgerState[]): Promise<LedgerRow | null>;
  /** Takes a document for an attempt, atomically across processes (see ledger/store.ts for the outcomes). */
  claim(a: Attempt): Promise<Claim>;
  /** The row, now ours, if it is still unsettled and no live process owns it (start-up reconciliation). */
  claimForReconcile(id: number): Promise<LedgerRow | null>;
  heartbeat(ids: number[]): Promise<void>;
  release(id: number): Promise<void>;
  markGenerated(id: number, r: Registration, recovered: boolean): Promise<LedgerRow>;
  insertRecovered(key: DocumentKey, docNo: string, profile: string, r: Registration, buyerGstin: string | null, totalValue: number | null): Promise<LedgerRow>;
  countByState(): Promise<Record<string, number>>;
  markCancelledFromIrp(id: number): Promise<void>;
  markState(id: number, state: 'unknown' | 'failed', error: ApiErrorBody): Promise<LedgerRow>;
  markCancelled(irn: string, cancelDate: string, reason: string, remark: string): Promise<void>;
  setEwaybill(irn: string, e: { ewbNo: string; ewbDt: string; ewbValidTill: string | null }): Promise<void>;
  markEwaybillCancelled(irn: string, cancelDate: string, reason: string, remark: string): Promise<void>;
  setSource(key: DocumentKey, source: InvoiceSource): Promise<void>;
  /** Rows start-up reconciliation settles (pending/unknown, and 409 rows the IRP may hold). */
  unresolved(): Promise<LedgerRow[]>;
  list(f?: LedgerFilter): Promise<{ rows: LedgerRow[]; total: number; limit: number; offset: number }>;
  audit(e: AuditEntry): Promise<void>;
}

export interface KeyOptions {
  /** 'admin' when not given: a key paired at the desk is its owner's. */
  role?: KeyRole;
  /** The person the key is for (team mode); ledger rows and audit entries name them. */
  userName?: string | null;
}

export interface KeyStorage {
  /** Creates a key and returns it in plain: the only moment it exists outside the caller (only its SHA-256 is stored). */
  issue(client: string, origin: string | null, opts?: KeyOptions): Promise<{ apiKey: string; keyId: string }>;
  /** The active key matching `apiKey`, or null (unknown or revoked). */
  verify(apiKey: string): Promise<ApiKeyInfo | null>;
  list(): Promise<ApiKeyInfo[]>;
  revoke(id: string): Promise<boolean>;
  isPairedOrigin(origin: string): Promise<boolean>;
}

export interface PairingStorage {
  create(): Promise<{ code: string; expiresAt: string }>;
  newestCreatedAt(): Promise<number>;
  redeem(code: string): Promise<PairingOutcome>;
}

/**
 * The IRP token cache on the storage. `exclusive` runs `fn` while no other process sharing this
 * storage runs it for the same identity (PostgreSQL: pg_advisory_lock), so one auth per GSTIN and
 * user at a time; the others then read the token it stored.
 */
export interface SharedTokenCache extends TokenCache {
  exclusive?<T>(identity: string, fn: () => Promise<T>): Promise<T>;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** For messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  ledger: LedgerStorage;
  keys: KeyStorage;
  pairing: PairingStorage;
  tokens: SharedTokenCache;
  close(): Promise<void>;
}
