/**
 * The storage the team tests run on: a throw-away PostgreSQL database from the storage's test
 * support when a server is reachable, else one SQLite home (the team mode's guarantees hold there
 * too, between processes on one computer). Under CI=true a missing PostgreSQL fails instead.
 */
import type { Backend } from './fleet';

export async function teamBackend(name: string): Promise<Backend & { drop?(): Promise<void>; reason?: string }> {
  let support: { throwAwayDatabase?: (name: string) => Promise<{ url: string; drop(): Promise<void> } | null> } = {};
  try {
    support = await import('../support/postgres' as string);
  } catch { /* the storage's PostgreSQL support is not there */ }
  const db = support.throwAwayDatabase ? await support.throwAwayDatabase(name).catch(() => null) : null;
  if (db) return { kind: 'postgres', url: db.url, drop: () => db.drop() };
  if (process.env.CI === 'true' && process.env.IRN_BRIDGE_TEAM_SQLITE !== '1') throw new Error('PostgreSQL is not reachable; CI runs the team tests on it (.ci/run starts it).');
  return { kind: 'sqlite', reason: 'no PostgreSQL server reachable: one SQLite home shared by the processes' };
}
