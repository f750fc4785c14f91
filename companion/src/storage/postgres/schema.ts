/**
 * The PostgreSQL schema: the same tables and columns as the SQLite ledger after all its migrations
 * (ledger/migrations.ts), plus irp_tokens (the shared IRP token) and einvoices.owner_host. Its own
 * migrations table; entry N is version N+1, never edited once shipped. Two processes starting at
 * once migrate one after the other (pg_advisory_xact_lock).
 */
import type { Pool } from './connect';

export const pgMigrations: string[] = [
  `
  CREATE TABLE einvoices (
    id SERIAL PRIMARY KEY,
    seller_gstin TEXT NOT NULL,
    fy TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    doc_no_key TEXT NOT NULL,
    doc_no TEXT NOT NULL,
    doc_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','unknown','generated','cancelled','failed')),
    profile TEXT NOT NULL,
    request_json TEXT NOT NULL,
    irn TEXT,
    ack_no TEXT,
    ack_dt TEXT,
    signed_invoice TEXT,
    signed_qr_code TEXT,
    ewb_no TEXT,
    ewb_dt TEXT,
    ewb_valid_till TEXT,
    recovered INTEGER NOT NULL DEFAULT 0,
    buyer_gstin TEXT,
    total_value DOUBLE PRECISION,
    cancel_date TEXT,
    cancel_reason TEXT,
    cancel_remark TEXT,
    last_error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    owner_pid INTEGER,
    owner_nonce TEXT,
    owner_heartbeat TEXT,
    owner_host TEXT,
    ewb_cancel_date TEXT,
    ewb_cancel_reason TEXT,
    ewb_cancel_remark TEXT,
    source_json TEXT,
    created_by TEXT,
    UNIQUE (seller_gstin, fy, doc_type, doc_no_key)
  );
  CREATE UNIQUE INDEX einvoices_irn ON einvoices (irn) WHERE irn IS NOT NULL;
  CREATE INDEX einvoices_state ON einvoices (state);

  CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    profile TEXT,
    operation TEXT NOT NULL,
    document TEXT,
    irn TEXT,
    outcome TEXT NOT NULL,
    irp_codes TEXT,
    duration_ms INTEGER,
    user_name TEXT
  );

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    client TEXT NOT NULL,
    origin TEXT,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('clerk', 'admin')),
    user_name TEXT
  );

  CREATE TABLE pairing_codes (
    id SERIAL PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at TEXT
  );

  -- The IRP token per profile identity (irp/token-cache.ts): a secret, never returned by the API nor logged.
  CREATE TABLE irp_tokens (
    identity TEXT PRIMARY KEY,
    token_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
];

/** Arbitrary constant first key for the companion's advisory locks (the second names the purpose). */
export const LOCK_SPACE = 0x1b2b; // "IRN Bridge"

export async function migratePostgres(pool: Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE]);
    await c.query('CREATE TABLE IF NOT EXISTS irn_bridge_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await c.query('SELECT COALESCE(MAX(version), 0) AS v FROM irn_bridge_migrations');
    const current = Number(rows[0].v);
    if (current > pgMigrations.length) {
      throw new Error(`The team database has schema version ${current}, newer than this companion knows (${pgMigrations.length}): update IRN Bridge on this computer.`);
    }
    for (let v = current; v < pgMigrations.length; v++) {
      await c.query(pgMigrations[v]);
      await c.query('INSERT INTO irn_bridge_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, new Date().toISOString()]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
