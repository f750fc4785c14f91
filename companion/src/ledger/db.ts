/**
 * The companion's SQLite file (<home>/irn-bridge.db): the ledger, the audit log, API keys and pairing codes.
 * The CLI and the running server open the same file, so pairing codes made by `irn-bridge pair`
 * and revocations from `irn-bridge keys revoke` are seen by the server on its next request.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensureHome, makePrivate } from '../home';
import { migrations } from './migrations';

export type Db = Database.Database;

export function databasePath(home: string): string {
  return join(home, 'irn-bridge.db');
}

export function openDatabase(home: string): Db {
  ensureHome(home);
  const path = databasePath(home);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  cacheStatements(db);
  for (const suffix of ['', '-wal', '-shm']) makePrivate(path + suffix);
  return db;
}

/**
 * Compiles each SQL text once: the stores call `db.prepare(sql)` where they use it, and compiling
 * was the largest single cost per request (see docs/performance.md). Statements are only run
 * synchronously (get/all/run), so one compiled statement per text is safe to share.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
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
