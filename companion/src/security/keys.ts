/**
 * API keys for local clients (the extension, scripts). A key is 256 random bits; only its SHA-256 is stored,
 * so the database never holds a usable key. Every lookup goes to the database, which is how a revocation
 * made by the CLI in another process takes effect on the server's next request.
 * This file holds the SQLite implementation (synchronous; storage/sqlite.ts makes it async) and the
 * key format both storages share; storage/postgres/keys.ts is the other one.
 */
import type { Db } from '../ledger/db';
import type { KeyOptions, KeyStorage } from '../storage/types';
import { randomToken, sha256Hex } from './hash';

export const API_KEY_PREFIX = 'irnb_';

/** clerk: generate, cancel, read; admin: also profiles and keys (security/roles.ts decides per route). */
export type KeyRole = 'clerk' | 'admin';

/** The key store as the API uses it (either storage). */
export type ApiKeyStore = KeyStorage;

/** A new key in plain and its id: made here for both storages, so the format is one rule. */
export function newKey(): { apiKey: string; keyId: string; hash: string } {
  const apiKey = API_KEY_PREFIX + randomToken(32);
  return { apiKey, keyId: 'key_' + randomToken(6), hash: sha256Hex(apiKey) };
}

/** "Last used" is written at most once a minute: a write per request would cost more than the request. */
export const LAST_USED_EVERY_MS = 60_000;

export interface ApiKeyInfo {
  id: string;
  client: string;
  origin: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  role: KeyRole;
  /** The person the key is for; null for a key paired without one (then its client names it). */
  userName: string | null;
}

export interface KeyRow {
  id: string; client: string; origin: string | null; created_at: string; last_used_at: string | null; revoked_at: string | null;
  role?: string | null; user_name?: string | null;
}

export const toInfo = (r: KeyRow): ApiKeyInfo => ({
  id: r.id, client: r.client, origin: r.origin, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
  role: r.role === 'clerk' ? 'clerk' : 'admin', userName: r.user_name ?? null,
});

/** The SQLite key store (synchronous). */
export class SqliteApiKeys {
  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {}

  /** Creates a key and returns it in plain: the only moment it exists outside the caller. */
  issue(client: string, origin: string | null, opts: KeyOptions = {}): { apiKey: string; keyId: string } {
    const { apiKey, keyId, hash } = newKey();
    this.db.prepare('INSERT INTO api_keys (id, client, origin, key_hash, created_at, role, user_name) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(keyId, client, origin, hash, this.now().toISOString(), opts.role ?? 'admin', opts.userName ?? null);
    return { apiKey, keyId };
  }

  /** The active key matching `apiKey`, or null (unknown or revoked). */
  verify(apiKey: string): ApiKeyInfo | null {
    if (!apiKey.startsWith(API_KEY_PREFIX)) return null;
    const row = this.db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL')
      .get(sha256Hex(apiKey)) as KeyRow | undefined;
    if (!row) return null;
    const now = this.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_EVERY_MS) {
      try {
        this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
      } catch (err) {
        // The ledger waits only briefly for another process's lock (ledger/busy.ts): a missed
        // "last used" stamp must not fail the request it belongs to; the next minute writes it.
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      }
    }
    return toInfo(row);
  }

  list(): ApiKeyInfo[] {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at').all() as KeyRow[]).map(toInfo);
  }

  revoke(id: string): boolean {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.now().toISOString(), id).changes > 0;
  }

  /** Extension origins that paired and still hold an active key: the only origins CORS answers. */
  isPairedOrigin(origin: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM api_keys WHERE origin = ? AND revoked_at IS NULL LIMIT 1').get(origin);
  }
}
