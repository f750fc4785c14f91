/**
 * The PostgreSQL connection of the team mode: one pg.Pool per process (pg 8.23.1), with the clerk's
 * words for the failures that matter (server not reachable, wrong password, no such database).
 * The URL's password is never logged nor put in a message: `redactUrl` is what the companion shows.
 */
import pg from 'pg';
import { CompanionError } from '../../errors';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export { isPostgresUrl } from './url';

/** The URL as it may be shown: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** How long one statement waits for another process's row lock (ms) before it counts as busy (ledger/busy.ts retries). */
const LOCK_TIMEOUT_MS = 5_000;

export function createPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({
    connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000,
    options: `-c lock_timeout=${LOCK_TIMEOUT_MS}`, application_name: 'irn-bridge',
  });
  // An idle client whose server went away must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // A database that cannot be reached is the clerk's 503 naming it, not an unexpected 500.
  const explain = (e: unknown) => (isConnectionFailure(e) ? databaseUnavailable(url, e) : e);
  const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
  const connect = pool.connect.bind(pool) as (...a: unknown[]) => Promise<Client> | undefined;
  (pool as { query: unknown }).query = (...a: unknown[]) => query(...a).catch((e) => { throw explain(e); });
  // pg's own query() calls connect(callback): only the promise form (ours) is wrapped.
  (pool as { connect: unknown }).connect = (...a: unknown[]) => (a.length ? connect(...a) : connect()!.catch((e) => { throw explain(e); }));
  return pool;
}

/** SQLite-style `?` placeholders as PostgreSQL's $1, $2, … (the SQL texts never hold a literal `?`). */
export function sql(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', '57P01', '57P03', '08006', '08001', '08004']);

export function isConnectionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  const msg = String((e as Error)?.message ?? '');
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not currently accepting connections/i.test(msg);
}

/** A failure to reach or log in to the database, as the clerk sees it (never with the password). */
export function databaseUnavailable(url: string, e: unknown): CompanionError {
  const where = redactUrl(url);
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code === '28P01' || code === '28000') {
    return new CompanionError('OUTCOME_UNKNOWN', `The team database ${where} refused the login (wrong user name or password).`,
      { hint: 'Check the user and password in --database / IRN_BRIDGE_DATABASE with the database administrator.' });
  }
  if (code === '3D000') {
    return new CompanionError('OUTCOME_UNKNOWN', `The team database ${where} does not exist on that PostgreSQL server.`,
      { hint: 'Ask the database administrator to create it (createdb), or correct the name in --database / IRN_BRIDGE_DATABASE.' });
  }
  if (code === '42501') {
    return new CompanionError('OUTCOME_UNKNOWN', `The team database ${where} does not let this user create the companion's tables (permission denied).`,
      { hint: 'Ask the database administrator to make this user the database\'s owner (ALTER DATABASE … OWNER TO …) or to GRANT CREATE ON SCHEMA public to it.' });
  }
  return new CompanionError('OUTCOME_UNKNOWN', `The team database ${where} cannot be reached, so nothing could be recorded. Nothing was sent to the IRP twice.`,
    { hint: 'Check that the PostgreSQL server is running and reachable from this computer, then try again.' });
}
