/** What every route module receives: the services of one running companion. */
import type { Db } from '../ledger/db';
import type { LedgerStorage, PairingStorage, Storage } from '../storage/types';
import type { GenerationService } from '../ledger/generate';
import type { DocumentService } from '../ledger/documents';
import type { BatchRunner } from '../ledger/batch';
import type { ProfileStore } from '../profiles/store';
import type { SessionPool } from '../profiles/sessions';
import type { ApiKeyStore } from '../security/keys';
import type { KeyedEnv } from '../security/auth';
import type { RateLimiter } from '../security/rate-limit';
import type { Logger } from '../logger';
import type { Served } from './host-guard';

export interface CompanionContext {
  home: string;
  /** The port clients must name in `Host`; updated once the listener knows its real port. */
  port: { value: number };
  now: () => Date;
  log: Logger;
  /** The SQLite file (one desk); undefined on PostgreSQL. */
  db?: Db;
  storage: Storage;
  ledger: LedgerStorage;
  profiles: ProfileStore;
  sessions: SessionPool;
  generation: GenerationService;
  documents: DocumentService;
  batches: BatchRunner;
  keys: ApiKeyStore;
  pairing: PairingStorage;
  pairLimiter: RateLimiter;
  /** What the listener serves (names, TLS and its fingerprint); health tells clients the fingerprint. */
  served?: Served;
}

export type AppEnv = KeyedEnv;
