/**
 * The companion's SQLite file (<home>/irn-bridge.db): the ledger, the audit log, API keys and pairing codes.
 * The CLI and the running server open the same file, so pairing codes made by `irn-bridge pair`
 * and revocations from `irn-bridge keys revoke` are seen by the server on its next request.
 * All SQL lives in the stores (store.ts, security/*); this file only opens, checks and migrates.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensureHome, makePrivate } from '../home';
import { CompanionError } from '../errors';
import { backupBeforeMigration } from './backup';
import { isBusy, LOCKED_MESSAGE } from './busy';
import { attachGuard, checkLedgerFile, FileGuard, isDamage, ledgerUnusable, writeMarker } from './file-check';
import { migrations } from './migrations';

export type Db = Database.Database;

export function databasePath(home: string): string {
  return join(home, 'irn-bridge.db');
}

export interface OpenOptions {
  /** How long one statement waits for another process's lock (ms). The server uses a short wait and retries asynchronously (busy.ts). */
  busyMs?: number;
  /** Told once when the file is found deleted, replaced or cut short under the open connection. */
  onFileProblem?: (e: CompanionError) => void;
}

/** Opens (creating on first use), checks and migrates the database; failures come as messages naming the file and the fix. */
export function openDatabase(home: string, opts: OpenOptions = {}): Db {
  try {
    return openRaw(home, opts);
  } catch (e) {
    throw explainOpenFailure(databasePath(home), e);
  }
}

/** openDatabase without the explanation of failures (start-up retries a locked file itself). */
export function openRaw(home: string, opts: OpenOptions = {}): Db {
  ensureHome(home);
  const path = databasePath(home);
  checkLedgerFile(path);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${opts.busyMs ?? 5000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < migrations.length) backupBeforeMigration(db, home, version);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  writeMarker(path);
  const guard = new FileGuard(path, 500, opts.onFileProblem);
  attachGuard(db, guard);
  cacheStatements(db, guard);
  for (const suffix of ['', '-wal', '-shm']) makePrivate(path + suffix);
  return db;
}

export function explainOpenFailure(path: string, e: unknown): unknown {
  if (e instanceof CompanionError) return e;
  if (isBusy(e)) {
    return new CompanionError('OUTCOME_UNKNOWN', `${LOCKED_MESSAGE}: ${path} is locked by another process, so the companion cannot write to it.`,
      { hint: 'Close the other program (another "irn-bridge" command or companion, a database browser, a backup or sync tool), then start again.' });
  }
  if (isDamage(e)) return ledgerUnusable(path, 'damaged', (e as Error).message);
  return e;
}

/**
 * Compiles each SQL text once: the stores call `db.prepare(sql)` where they use it, and compiling
 * was the largest single cost per request (see docs/performance.md). Statements are only run
 * synchronously (get/all/run), so one compiled statement per text is safe to share. Each use also
 * checks (at most twice a second) that the file is still the one that was opened.
 */
function cacheStatements(db: Db, guard: FileGuard): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    guard.check();
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = compile(sql)));
    return statement;
  }) as Db['prepare'];
}

/** Applies every migration above PRAGMA user_version, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
