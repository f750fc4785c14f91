/**
 * Waiting for a ledger another process holds, without freezing the server. better-sqlite3 is
 * synchronous: its busy_timeout waits on the event loop, so one locked write would stop every
 * request (issue 10, defect 5). The connection waits only briefly (SHORT_BUSY_MS); these helpers
 * retry with backoff between event-loop turns, so /v1/health keeps answering meanwhile.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CompanionError } from '../errors';

/** What the connection itself waits per statement (ms): short enough not to be felt by other requests. */
export const SHORT_BUSY_MS = 25;

/** How long an operation keeps retrying a locked ledger before it gives up (ms). IRN_BRIDGE_LEDGER_WAIT_MS overrides it. */
export const ledgerWaitMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.IRN_BRIDGE_LEDGER_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
};

/** PostgreSQL's lock_not_available (lock_timeout), serialization_failure and deadlock_detected: another process's lock, try again. */
const PG_BUSY = new Set(['55P03', '40001', '40P01']);

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || PG_BUSY.has(code));
}

/** Runs `fn`; while it fails because another process holds the ledger, tries again with backoff up to `waitMs`. */
export async function retryWhileBusy<T>(fn: () => T | Promise<T>, waitMs = ledgerWaitMs()): Promise<T> {
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e;
      await sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
      pause = Math.min(pause * 2, 250);
    }
  }
}

export const LOCKED_MESSAGE = 'Another program is holding the IRN Bridge ledger open';

/** A locked ledger as the clerk sees it: nothing was sent, trying again is safe (503). */
export function ledgerBusy(what: string): CompanionError {
  return new CompanionError('OUTCOME_UNKNOWN',
    `${LOCKED_MESSAGE}, so ${what} could not be recorded. Nothing was sent to the IRP twice.`,
    { hint: 'Close the program that holds the ledger (an "irn-bridge" command, a database browser, a backup tool), then try again.' });
}
