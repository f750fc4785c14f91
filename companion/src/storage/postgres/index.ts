/** The team-mode storage: every table on one PostgreSQL database (`--database postgres://…`). */
import type { Storage } from '../types';
import { createPool, databaseUnavailable, isConnectionFailure, redactUrl, type Pool } from './connect';
import { PgKeys } from './keys';
import { PgLedger } from './ledger';
import { PgPairing } from './pairing';
import { migratePostgres } from './schema';
import { PgTokens } from './tokens';

export interface PostgresStorage extends Storage {
  readonly kind: 'postgres';
  readonly pool: Pool;
}

/** Connects, migrates and returns the storage; an unreachable or refused database is a message naming it (without the password). */
export async function openPostgres(url: string, home: string, now: () => Date = () => new Date()): Promise<PostgresStorage> {
  const pool = createPool(url);
  try {
    await migratePostgres(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (isConnectionFailure(e) || /^(28|3D|42501$)/.test(String((e as { code?: unknown })?.code ?? ''))) throw databaseUnavailable(url, e);
    throw e;
  }
  const location = redactUrl(url);
  const lockPool = createPool(url, 4);
  return {
    kind: 'postgres', location, pool,
    ledger: new PgLedger(pool, location, now),
    keys: new PgKeys(pool, now),
    pairing: new PgPairing(pool, home, now),
    tokens: new PgTokens(pool, lockPool, now),
    async close() { await Promise.all([pool.end(), lockPool.end()].map((p) => p.catch(() => undefined))); },
  };
}
