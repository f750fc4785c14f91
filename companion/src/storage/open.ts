/**
 * Which storage a companion or a CLI command runs on: PostgreSQL when `--database postgres://…` or
 * IRN_BRIDGE_DATABASE names one (team mode), else the home's SQLite file (one desk, the default).
 */
import { readFileSync } from 'node:fs';
import { CompanionError } from '../errors';
import { openDatabase, type OpenOptions } from '../ledger/db';
import { openLedger } from '../ledger/open';
import { isPostgresUrl } from './postgres/url';
import { sqliteStorage } from './sqlite';
import type { Storage } from './types';

/**
 * The database URL from the flag, else IRN_BRIDGE_DATABASE, else the file --database-file or
 * IRN_BRIDGE_DATABASE_FILE names (the service's mode-0600 file, so the password is in no unit file);
 * undefined means the home's SQLite file.
 */
export function databaseFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, fileFlag?: string): string | undefined {
  const file = fileFlag ?? (flag ?? env.IRN_BRIDGE_DATABASE ? undefined : env.IRN_BRIDGE_DATABASE_FILE?.trim() || undefined);
  const raw = (flag ?? (file ? readDatabaseFile(file) : env.IRN_BRIDGE_DATABASE) ?? '').trim();
  if (!raw || raw === 'sqlite') return undefined;
  if (!isPostgresUrl(raw)) {
    throw new CompanionError('BAD_REQUEST', `"${raw.replace(/:[^:@/]*@/, ':***@')}" is not a PostgreSQL URL.`,
      { hint: 'Give --database postgres://USER:PASSWORD@HOST:5432/DATABASE (or set IRN_BRIDGE_DATABASE), or leave it out for this computer\'s own ledger.' });
  }
  return raw;
}

function readDatabaseFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CompanionError('BAD_REQUEST', `The database file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      { hint: 'Give --database-file (or IRN_BRIDGE_DATABASE_FILE) the file irn-bridge service install wrote (<home>/database-url), or run service install --database … again.' });
  }
}

export interface StorageOptions extends OpenOptions {
  home: string;
  /** A postgres:// URL, or undefined for <home>/irn-bridge.db. */
  database?: string;
  now?: () => Date;
}

/** For the server: a locked SQLite file is waited for between event-loop turns (ledger/open.ts). */
export async function openStorage(opts: StorageOptions): Promise<Storage> {
  // pg (and node:tls with it) is loaded only for a PostgreSQL URL: a desk's companion never needs it.
  if (opts.database) return (await import('./postgres')).openPostgres(opts.database, opts.home, opts.now);
  const db = await openLedger(opts.home, { onFileProblem: opts.onFileProblem, busyMs: opts.busyMs });
  return sqliteStorage(db, opts.home, opts.now);
}

/** For a CLI command: opened at once (a locked SQLite file waits its busy timeout). */
export async function openStorageNow(home: string, database?: string): Promise<Storage> {
  if (database) return (await import('./postgres')).openPostgres(database, home);
  return sqliteStorage(openDatabase(home), home);
}
