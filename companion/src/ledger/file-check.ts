/**
 * Whether the ledger file is the one the companion made, whole (issue 10, defect 6): a deleted
 * file would be re-created empty, a truncated one opens as an empty database (keys gone, IRNs
 * unrecorded), a damaged one fails later with "database disk image is malformed". Each is refused
 * with a message naming the file and the way back, instead of being run on.
 */
import { closeSync, existsSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { CompanionError } from '../errors';

const HEADER = 'SQLite format 3\0';

/** Written next to the ledger when it is created: a missing ledger with this marker was deleted, not never made. */
export const markerPath = (dbPath: string) => `${dbPath}.created`;

export function writeMarker(dbPath: string): void {
  if (!existsSync(markerPath(dbPath))) writeFileSync(markerPath(dbPath), `${new Date().toISOString()}\n`, { mode: 0o600 });
}

export function ledgerUnusable(path: string, what: 'missing' | 'truncated' | 'damaged' | 'replaced', why: string): CompanionError {
  return new CompanionError('INTERNAL',
    `The IRN Bridge ledger ${path} is ${what} (${why}). The companion will not run on it, so no IRN is recorded in a ledger that would lose it.`,
    { hint: 'Stop every IRN Bridge program, then run "irn-bridge ledger recover --from-backup" to restore the newest backup, ' +
      'and "irn-bridge ledger recover --from-irp FILES…" to fetch from the IRP the documents registered since. See docs/troubleshooting.md.' });
}

/** Checks the file before SQLite opens it (SQLite would silently start an empty ledger on a missing or emptied file). */
export function checkLedgerFile(path: string): void {
  const madeBefore = existsSync(markerPath(path));
  if (!existsSync(path)) {
    if (madeBefore) throw ledgerUnusable(path, 'missing', 'the file was deleted or moved');
    return;
  }
  const size = statSync(path).size;
  if (size === 0) {
    if (madeBefore) throw ledgerUnusable(path, 'truncated', 'the file is empty');
    return;
  }
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try { read = readSync(fd, head, 0, 100, 0); } finally { closeSync(fd); }
  if (read < 100 || head.toString('latin1', 0, 16) !== HEADER) throw ledgerUnusable(path, 'damaged', 'it does not start with an SQLite header');
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw ledgerUnusable(path, 'damaged', 'its header names no valid page size');
  if (size % pageSize !== 0) throw ledgerUnusable(path, 'truncated', `${size} bytes is not a whole number of ${pageSize}-byte pages`);
  // The header's page count is valid when its "version valid for" equals the change counter (sqlite.org/fileformat2.html §1.3.7).
  const pages = head.readUInt32BE(28);
  if (head.readUInt32BE(92) === head.readUInt32BE(24) && pages * pageSize > size) {
    throw ledgerUnusable(path, 'truncated', `the header says ${pages * pageSize} bytes, the file has ${size}`);
  }
}

/** SQLite's own verdict on a file it could not read. */
export function isDamage(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code === 'SQLITE_IOERR_SHORT_READ';
}

const guards = new WeakMap<object, FileGuard>();

export function attachGuard(db: object, guard: FileGuard): void { guards.set(db, guard); }

/** Checks now that the open file is still the ledger (a no-op for a database opened without a guard). */
export function assertLedgerFile(db: object): void { guards.get(db)?.check(true); }

/**
 * Notices, while running, that the file was deleted, replaced or cut short under the open
 * connection (which would otherwise go on writing to a file nobody else sees). Checked on access,
 * at most once per `everyMs`; once tripped it stays tripped until restart.
 */
export class FileGuard {
  private readonly ino: number;
  private readonly dev: number;
  private checkedAt = 0;
  private tripped: CompanionError | null = null;

  constructor(private readonly path: string, private readonly everyMs = 500, private readonly onTrip?: (e: CompanionError) => void) {
    const s = statSync(path);
    this.ino = s.ino;
    this.dev = s.dev;
  }

  /** `force`: check now whatever the last check (before anything is sent to the IRP). */
  check(force = false): void {
    if (this.tripped) throw this.tripped;
    const now = Date.now();
    if (!force && now - this.checkedAt < this.everyMs) return;
    this.checkedAt = now;
    let problem: CompanionError | null = null;
    try {
      const s = statSync(this.path);
      if (s.ino !== this.ino || s.dev !== this.dev) problem = ledgerUnusable(this.path, 'replaced', 'another file now has its name');
      else if (s.size < 512) problem = ledgerUnusable(this.path, 'truncated', `it shrank to ${s.size} bytes`);
    } catch {
      problem = ledgerUnusable(this.path, 'missing', 'the file was deleted or moved while the companion was running');
    }
    if (problem) {
      this.tripped = problem;
      this.onTrip?.(problem);
      throw problem;
    }
  }
}
