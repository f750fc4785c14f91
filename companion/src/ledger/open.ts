/**
 * The server's way to open the ledger: a locked file is waited for between event-loop turns (the
 * port is already listening) and then refused with a message naming the file; the file must take a
 * write and pass PRAGMA quick_check before any request is served. (doctor runs the full
 * integrity_check; quick_check is the cheap one fit for every start.)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isBusy, ledgerWaitMs, retryWhileBusy, SHORT_BUSY_MS } from './busy';
import { databasePath, explainOpenFailure, openRaw, type Db, type OpenOptions } from './db';
import { ledgerUnusable } from './file-check';

export async function openLedger(home: string, opts: OpenOptions = {}, waitMs = ledgerWaitMs()): Promise<Db> {
  const path = databasePath(home);
  const deadline = Date.now() + waitMs;
  let pause = 10;
  let db: Db;
  for (;;) {
    try {
      db = openRaw(home, { ...opts, busyMs: SHORT_BUSY_MS });
      break;
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw explainOpenFailure(path, e);
      await sleep(pause);
      pause = Math.min(pause * 2, 250);
    }
  }
  try {
    // A ledger that cannot take a write would accept requests and fail each one: find out now.
    await retryWhileBusy(() => db.transaction(() => undefined).immediate(), Math.max(0, deadline - Date.now()));
    const verdict = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (verdict.length) throw ledgerUnusable(path, 'damaged', `PRAGMA quick_check: ${verdict[0]}`);
  } catch (e) {
    db.close();
    throw explainOpenFailure(path, e);
  }
  return db;
}
