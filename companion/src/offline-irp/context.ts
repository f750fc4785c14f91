/** The state every offline IRP route handler shares. */
import type { OfflineClock } from './clock';
import type { OfflineIrpKeys } from './keys';
import type { OfflineStore } from './store';

export interface OfflineCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/** Stable, documented credentials: accepted for every GSTIN in the taxpayer master. */
export const OFFLINE_CREDENTIALS: Readonly<OfflineCredentials> = Object.freeze({
  clientId: 'OFFLINE-IRP-CLIENT',
  clientSecret: 'offline-irp-secret',
  username: 'offline_user',
  password: 'offline-pass',
});

export interface OfflineCounters {
  authCalls: number;
  registrations: number;
  requests: number;
  /** Requests per route template, e.g. `/eicore/v1.03/Invoice/irn/:irn`. */
  byPath: Record<string, number>;
}

export interface FaultState {
  dropReplies: number;
  serverErrors: number;
  serverErrorStatus: number;
  delayMs: number;
}

export interface OfflineContext {
  store: OfflineStore;
  keys: OfflineIrpKeys;
  clock: OfflineClock;
  credentials: OfflineCredentials;
  tokenValidityMinutes: number;
  counters: OfflineCounters;
  faults: FaultState;
  lastHeaders: Record<string, string>;
}
