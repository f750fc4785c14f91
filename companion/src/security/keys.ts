/**
 * API keys for local clients (the extension, scripts). A key is 256 random bits; only its SHA-256 is stored,
 * so the database never holds a usable key. Every lookup goes to the database, which is how a revocation
 * made by the CLI in another process takes effect on the server's next request.
 */
import type { Db } from '../ledger/db';
import { randomToken, sha256Hex } from './hash';

export const API_KEY_PREFIX = 'irnb_';

export interface ApiKeyInfo {
  id: string;
  client: string;
  origin: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface KeyRow {
  id: string; client: string; origin: string | null; created_at: string; last_used_at: string | null; revoked_at: string | null;
}

const toInfo = (r: KeyRow): ApiKeyInfo => ({
  id: r.id, client: r.client, origin: r.origin, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});

export class ApiKeyStore {
  constructor(private readonly db: Db, private readonly now: () => Date = () => new Date()) {}

  /** Creates a key and returns it in plain: the only moment it exists outside the caller. */
  issue(client: string, origin: string | null): { apiKey: string; keyId: string } {
    const apiKey = API_KEY_PREFIX + randomToken(32);
    const keyId = 'key_' + randomToken(6);
    this.db.prepare('INSERT INTO api_keys (id, client, origin, key_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(keyId, client, origin, sha256Hex(apiKey), this.now().toISOString());
    return { apiKey, keyId };
  }

  /** The active key matching `apiKey`, or null (unknown or revoked). */
  verify(apiKey: string): ApiKeyInfo | null {
    if (!apiKey.startsWith(API_KEY_PREFIX)) return null;
    const row = this.db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL')
      .get(sha256Hex(apiKey)) as KeyRow | undefined;
    if (!row) return null;
    // Record use at most once a minute: a write per request would cost more than the request.
    const now = this.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
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
