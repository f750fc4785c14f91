/**
 * The IRP token shared by every companion process on the database (NIC keeps one valid token per
 * API user: processes that each logged in would keep invalidating each other's). `exclusive` holds
 * pg_advisory_lock keyed by the profile identity while one process authenticates; the others wait,
 * then read the token it stored. The token and session key are secrets: stored only here, never
 * returned by the API nor logged (the row is read by irp/session.ts alone).
 */
import { isCachedToken, type CachedToken, type TokenCache } from '../../irp/token-cache';
import type { Pool } from './connect';
import { LOCK_SPACE } from './schema';

/** How long a process waits for another's login before it logs in itself (ms). */
export const AUTH_WAIT_MS = 45_000;

export class PgTokens implements TokenCache {
  /** `lockPool` holds only the advisory locks, so a holder's own queries (on `pool`) never wait for a connection a holder has. */
  constructor(private readonly pool: Pool, private readonly lockPool: Pool = pool, private readonly now: () => Date = () => new Date()) {}

  async get(identity: string): Promise<CachedToken | null> {
    const row = (await this.pool.query('SELECT token_json FROM irp_tokens WHERE identity = $1', [identity])).rows[0] as { token_json: string } | undefined;
    if (!row) return null;
    try {
      const parsed: unknown = JSON.parse(row.token_json);
      return isCachedToken(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  async set(identity: string, t: CachedToken): Promise<void> {
    await this.pool.query(`INSERT INTO irp_tokens (identity, token_json, updated_at) VALUES ($1, $2, $3)
      ON CONFLICT (identity) DO UPDATE SET token_json = EXCLUDED.token_json, updated_at = EXCLUDED.updated_at`,
    [identity, JSON.stringify(t), this.now().toISOString()]);
  }

  async delete(identity: string): Promise<void> {
    await this.pool.query('DELETE FROM irp_tokens WHERE identity = $1', [identity]);
  }

  async exclusive<T>(identity: string, fn: () => Promise<T>): Promise<T> {
    const c = await this.lockPool.connect();
    // Session-level lock on its own connection: released by unlock, or by the server if this process dies.
    const key = [LOCK_SPACE + 1, identity];
    let broken: Error | undefined;
    try {
      // The pool's lock_timeout (5 s) is for row locks; a login may take longer (the IRP's own timeout is 30 s).
      await c.query(`SET lock_timeout = '${AUTH_WAIT_MS}ms'`);
      try {
        await c.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
      } catch (e) {
        if ((e as { code?: string }).code !== '55P03') throw e;
        // Whoever holds it is stuck: log in without it rather than fail the clerk's request (NIC then keeps the newer token).
        return await fn();
      }
      try {
        return await fn();
      } finally {
        await c.query('SELECT pg_advisory_unlock($1, hashtext($2))', key).catch((e: Error) => { broken = e; });
      }
    } finally {
      await c.query('RESET lock_timeout').catch((e: Error) => { broken ??= e; });
      c.release(broken);
    }
  }
}
