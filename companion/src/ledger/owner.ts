/**
 * Who is working on a `pending` ledger row: the process id, a nonce made when the process started
 * (so a reused pid is not mistaken for the owner) and a heartbeat the owner refreshes while it waits
 * for the IRP. A row whose owner process is gone, or whose heartbeat is stale, may be taken over.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface Owner { pid: number; nonce: string; host: string }

/** This process, for the rows it claims (host: the PostgreSQL ledger is shared between computers). */
export const SELF: Owner = Object.freeze({ pid: process.pid, nonce: randomUUID(), host: hostname() });

/** How often an owner refreshes its heartbeat (ms), and when a silent owner is presumed dead. */
export const HEARTBEAT_MS = 2_000;
export const STALE_MS = 15_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * Whether the row's owner is another process that is still working on it. An owner on another
 * computer (PostgreSQL rows name the host) is judged by its heartbeat alone: its pid means nothing here.
 */
export function ownedByOther(row: { owner_pid: number | null; owner_nonce: string | null; owner_heartbeat: string | null; owner_host?: string | null },
  now: Date): boolean {
  if (row.owner_pid == null || !row.owner_nonce || row.owner_nonce === SELF.nonce) return false;
  const beat = row.owner_heartbeat ? Date.parse(row.owner_heartbeat) : NaN;
  if (!Number.isFinite(beat) || now.getTime() - beat > STALE_MS) return false;
  if (row.owner_host && row.owner_host !== SELF.host) return true;
  return processAlive(row.owner_pid);
}
