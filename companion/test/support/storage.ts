/**
 * The two storages for tests that must hold on both (issue 10, team mode). SQLite is always there;
 * PostgreSQL is the local server (Debian's postgresql 15: `pg_ctlcluster 15 main start`), reached as
 * IRN_BRIDGE_TEST_PG_ADMIN (a URL whose user may CREATE DATABASE) or else as the role irnb_test,
 * which this helper makes over the unix socket as the postgres superuser when run as root.
 * Each `freshPgDatabase()` is a throw-away database, dropped by `dropAll()`: call it in a describe's `after`
 * (a file-level `after` did not run in files that use top-level await, as these do for `skip`).
 * No server: the PostgreSQL cases skip saying why, except under CI=true, where they fail.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type StorageKind = 'sqlite' | 'postgres';

const ROLE = 'irnb_test';
const DEFAULT_ADMIN = `postgres://${ROLE}:${ROLE}@127.0.0.1:5432/postgres`;

let probe: Promise<{ admin: string } | { reason: string }> | null = null;
const made = new Set<string>();

async function canConnect(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Makes the test role through the local superuser (root only: `runuser -u postgres psql`). */
function makeRole(): string | null {
  if (process.getuid?.() !== 0) return 'not root, so the test role cannot be made (set IRN_BRIDGE_TEST_PG_ADMIN)';
  const sql = `DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'; END IF; END$$;`;
  const r = spawnSync('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 ? null : `psql as postgres failed: ${(r.stderr || r.error?.message || '').trim()}`;
}

async function findServer(): Promise<{ admin: string } | { reason: string }> {
  const given = process.env.IRN_BRIDGE_TEST_PG_ADMIN;
  if (given) {
    const err = await canConnect(given);
    return err ? { reason: `IRN_BRIDGE_TEST_PG_ADMIN cannot be reached: ${err}` } : { admin: given };
  }
  let err = await canConnect(DEFAULT_ADMIN);
  if (!err) return { admin: DEFAULT_ADMIN };
  const roleProblem = makeRole();
  if (roleProblem) return { reason: `no PostgreSQL for tests (${err}; ${roleProblem}). Start it: pg_ctlcluster 15 main start` };
  err = await canConnect(DEFAULT_ADMIN);
  return err ? { reason: `no PostgreSQL for tests at 127.0.0.1:5432 (${err}). Start it: pg_ctlcluster 15 main start` } : { admin: DEFAULT_ADMIN };
}

/** Drops test databases left by test processes that were killed before their `after` ran (the name carries the pid). */
async function dropOrphans(admin: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'irnb\\_t\\_%'");
    for (const { datname } of rows as { datname: string }[]) {
      const pid = Number(datname.split('_')[2]);
      let alive = true;
      try { process.kill(pid, 0); } catch (e) { alive = (e as NodeJS.ErrnoException).code === 'EPERM'; }
      if (!alive) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await c.end();
  }
}

/** Whether PostgreSQL tests can run: null when they can, else the reason to skip. Under CI=true a missing server throws. */
export async function postgresSkipReason(): Promise<string | null> {
  probe ??= findServer().then(async (found) => {
    if ('admin' in found) await dropOrphans(found.admin).catch(() => undefined);
    return found;
  });
  const found = await probe;
  if ('admin' in found) return null;
  if (process.env.CI === 'true') throw new Error(`CI=true and the PostgreSQL tests cannot run: ${found.reason}`);
  return found.reason;
}

/** A new, empty database; returns its URL (with the test role's password: a test secret, not a user's). */
export async function freshPgDatabase(): Promise<string> {
  const reason = await postgresSkipReason();
  if (reason) throw new Error(reason);
  const admin = ((await probe!) as { admin: string }).admin;
  const name = `irnb_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try { await c.query(`CREATE DATABASE ${name}`); } finally { await c.end(); }
  made.add(name);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops every database this process made (connections still open are ended first). */
export async function dropAll(): Promise<void> {
  if (!made.size) return;
  const admin = ((await probe!) as { admin: string }).admin;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    for (const name of made) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => process.stderr.write(`could not drop the test database ${name}: ${(e as Error).message}\n`));
    made.clear();
  } finally {
    await c.end();
  }
}

/**
 * The storage cases a test file runs on: `for (const s of STORAGES) describe(s.name, { skip: await s.skip() }, …)`.
 * `database()` is undefined on SQLite (the home's file) and a fresh database URL on PostgreSQL.
 */
export interface StorageCase {
  kind: StorageKind;
  name: string;
  skip(): Promise<string | false>;
  database(): Promise<string | undefined>;
}

export const STORAGES: StorageCase[] = [
  { kind: 'sqlite', name: 'on SQLite', skip: async () => false, database: async () => undefined },
  {
    kind: 'postgres', name: 'on PostgreSQL',
    skip: async () => (await postgresSkipReason()) ?? false,
    database: () => freshPgDatabase(),
  },
];
