/**
 * The storage a team run uses, from the storage's test support (../support/storage.ts): a
 * throw-away PostgreSQL database on the local server, or one SQLite home shared by the processes.
 */
import { dropAll, freshPgDatabase, postgresSkipReason, type StorageKind } from '../support/storage';
import type { Backend } from './fleet';

export type TeamBackend = Backend & { drop?(): Promise<void>; reason?: string };

/** PostgreSQL when asked and reachable (a fresh database), else SQLite with the reason. */
export async function teamBackend(kind: StorageKind = 'postgres'): Promise<TeamBackend> {
  if (kind === 'sqlite') return { kind: 'sqlite' };
  const reason = await postgresSkipReason();
  if (reason) return { kind: 'sqlite', reason };
  return { kind: 'postgres', url: await freshPgDatabase(), drop: () => dropAll() };
}
