/**
 * Real other processes on a companion's ledger, for the issue 10 ledger tests: a child that holds
 * the SQLite write lock (BEGIN IMMEDIATE) until told to let go, and a read-only look at the file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { databasePath } from '../../src/ledger/db';

const COMPANION_DIR = fileURLToPath(new URL('../../', import.meta.url));

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 10000');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export interface LockHolder { child: ChildProcess; release(): Promise<void> }

/** Another process takes the ledger's write lock and keeps it until release(). */
export async function holdWriteLock(home: string): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', HOLDER, databasePath(home)], { cwd: COMPANION_DIR, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = lineReader(child);
  if ((await lines.next()) !== 'locked') throw new Error('the lock holder did not take the lock');
  return {
    child,
    async release() {
      if (child.exitCode !== null) return;
      child.stdin!.write('go\n');
      await lines.next();
    },
  };
}

function lineReader(child: ChildProcess): { next(): Promise<string> } {
  let buf = '';
  const waiting: ((line: string) => void)[] = [];
  const ready: string[] = [];
  child.stdout!.on('data', (d) => {
    buf += d;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const w = waiting.shift();
      if (w) w(line); else ready.push(line);
    }
  });
  child.once('exit', () => { for (const w of waiting.splice(0)) w(''); });
  return { next: () => (ready.length ? Promise.resolve(ready.shift()!) : new Promise((r) => waiting.push(r))) };
}

export interface RowView { id: number; state: string; irn: string | null; owner_pid: number | null; doc_no: string; last_error: string | null }

/** The ledger rows as another reader sees them (WAL readers never wait for the writer). */
export function readRows(home: string): RowView[] {
  const db = new Database(databasePath(home), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM einvoices ORDER BY id').all() as RowView[];
  } finally {
    db.close();
  }
}

/** Polls until `pick` finds something (bounded; a condition, not a timing assertion). */
export async function until<T>(what: string, pick: () => T | undefined | null | false, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    let found: T | undefined | null | false;
    try { found = pick(); } catch { found = undefined; }
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}
