/** API keys on PostgreSQL: the same rules as the SQLite store (security/keys.ts), one table for every companion process. */
import { sha256Hex } from '../../security/hash';
import { API_KEY_PREFIX, LAST_USED_EVERY_MS, newKey, toInfo, type ApiKeyInfo, type KeyRow } from '../../security/keys';
import type { KeyOptions, KeyStorage } from '../types';
import type { Pool } from './connect';

export class PgKeys implements KeyStorage {
  constructor(private readonly pool: Pool, private readonly now: () => Date = () => new Date()) {}

  async issue(client: string, origin: string | null, opts: KeyOptions = {}) {
    const { apiKey, keyId, hash } = newKey();
    await this.pool.query('INSERT INTO api_keys (id, client, origin, key_hash, created_at, role, user_name) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [keyId, client, origin, hash, this.now().toISOString(), opts.role ?? 'admin', opts.userName ?? null]);
    return { apiKey, keyId };
  }

  async verify(apiKey: string): Promise<ApiKeyInfo | null> {
    if (!apiKey.startsWith(API_KEY_PREFIX)) return null;
    const row = (await this.pool.query('SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [sha256Hex(apiKey)])).rows[0] as KeyRow | undefined;
    if (!row) return null;
    const now = this.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_EVERY_MS) {
      // Best effort, like SQLite's: a missed stamp never fails the request it belongs to.
      await this.pool.query('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [now.toISOString(), row.id]).catch(() => undefined);
    }
    return toInfo(row);
  }

  async list(): Promise<ApiKeyInfo[]> {
    return ((await this.pool.query('SELECT * FROM api_keys ORDER BY created_at')).rows as KeyRow[]).map(toInfo);
  }

  async revoke(id: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [this.now().toISOString(), id]);
    return (r.rowCount ?? 0) > 0;
  }

  async isPairedOrigin(origin: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM api_keys WHERE origin = $1 AND revoked_at IS NULL LIMIT 1', [origin])).rowCount! > 0;
  }
}
