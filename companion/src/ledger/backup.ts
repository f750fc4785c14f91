/**
 * Automatic copies of the ledger in <home>/backups (issue 10, defect 6): one a day while the
 * companion runs and one before each schema migration, the newest KEEP kept. Daily copies use
 * better-sqlite3's online backup API (pages copied between event-loop turns, the server keeps
 * answering); the pre-migration copy is VACUUM INTO, synchronous, before anything is changed.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

export const KEEP_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const backupDir = (home: string) => join(home, 'backups');

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const nameFor = (d: Date, reason: string) => `irn-bridge-${stamp(d)}-${reason}.db`;

/** Backups, newest first. */
export function listBackups(home: string): { path: string; name: string; mtimeMs: number }[] {
  const dir = backupDir(home);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => /^irn-bridge-\d{8}T\d{6}-[a-z-]+\.db$/.test(n))
    .map((name) => ({ name, path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

function prepareDir(home: string): string {
  const dir = backupDir(home);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function prune(home: string): void {
  for (const old of listBackups(home).slice(KEEP_BACKUPS)) rmSync(old.path, { force: true });
}

/** A consistent copy now, without blocking the event loop. Returns its path. */
export async function backupNow(db: Db, home: string, reason = 'daily', now = new Date()): Promise<string> {
  const dir = prepareDir(home);
  const final = join(dir, nameFor(now, reason));
  const partial = `${final}.partial`;
  await db.backup(partial);
  chmodSync(partial, 0o600);
  renameSync(partial, final);
  prune(home);
  return final;
}

/** A synchronous copy before a migration changes the schema. */
export function backupBeforeMigration(db: Db, home: string, fromVersion: number): string {
  const final = join(prepareDir(home), nameFor(new Date(), `before-v${fromVersion + 1}`));
  db.prepare('VACUUM INTO ?').run(final);
  chmodSync(final, 0o600);
  prune(home);
  return final;
}

export function backupDue(home: string, now = Date.now()): boolean {
  const newest = listBackups(home)[0];
  return !newest || now - newest.mtimeMs >= DAY_MS;
}

/** Takes a backup when one is due, now and every hour after; returns a stop function. */
export function scheduleBackups(db: Db, home: string, onError: (e: unknown) => void, onDone?: (path: string) => void): () => void {
  let running = false;
  const tick = () => {
    if (running || !db.open || !backupDue(home)) return;
    running = true;
    backupNow(db, home).then((p) => onDone?.(p), onError).finally(() => { running = false; });
  };
  tick();
  const timer = setInterval(tick, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
