/**
 * createCompanion: the whole local service as a Hono app plus its services, without a socket
 * (server.ts serves it). Routes come from one small module per concern in ./api.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import { ensureHome } from './home';
import { createLogger, type Logger } from './logger';
import { openStorage } from './storage/open';
import type { LedgerStorage, Storage } from './storage/types';
import type { SqliteStorage } from './storage/sqlite';
import { scheduleBackups } from './ledger/backup';
import { GenerationService } from './ledger/generate';
import { DocumentService } from './ledger/documents';
import { BatchRunner } from './ledger/batch';
import { ProfileStore } from './profiles/store';
import { SessionPool } from './profiles/sessions';
import { RateLimiter } from './security/rate-limit';
import { originGuard } from './security/origin';
import { requireApiKey } from './security/auth';
import { bodyGuard } from './security/body-limits';
import { CompanionError, notFound } from './errors';
import { failureResponse } from './api/errors';
import { hostGuard, type Served } from './api/host-guard';
import type { AppEnv, CompanionContext } from './api/context';
import { healthRoutes } from './api/health';
import { pairRoutes } from './api/pair';
import { profileRoutes } from './api/profiles';
import { gstinRoutes } from './api/gstin';
import { einvoiceRoutes } from './api/einvoices';
import { ewaybillRoutes } from './api/ewaybill';
import { batchRoutes } from './api/batch';
import { rawRoutes } from './api/raw';
import { keyRoutes } from './api/keys';
import { openapiRoutes } from './api/openapi';
import { contractApp } from './api/contract-routes';

export interface CompanionOptions {
  home: string;
  port?: number;
  now?: () => Date;
  log?: Logger;
  /** A postgres:// URL (team mode: several companions on one database); undefined for <home>/irn-bridge.db. */
  database?: string;
  /** Reconcile pending/unknown ledger rows in the background at start (default true). */
  reconcileOnStart?: boolean;
  /** The names and scheme the listener serves (server.ts); default 127.0.0.1/localhost over HTTP. */
  served?: Served;
}

export interface Companion {
  app: Hono<AppEnv>;
  ctx: CompanionContext;
  ledger: LedgerStorage;
  storage: Storage;
  profiles: ProfileStore;
  /** Resolves when start-up reconciliation has finished (it never rejects). */
  reconciled: Promise<void>;
  /** Sets the port that `Host` must name (after listening on port 0). */
  setPort(port: number): void;
  close(): Promise<void>;
}

export async function createCompanion(opts: CompanionOptions): Promise<Companion> {
  const home = ensureHome(opts.home);
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? createLogger();
  // SQLite: waits for a locked file without freezing the listening port; refuses a missing, cut or damaged one (ledger/open.ts).
  // PostgreSQL: connects and migrates (storage/postgres/).
  const storage = await openStorage({ home, database: opts.database, now, onFileProblem: (e) => log.warn(`${e.message} ${e.details.hint ?? ''}`) });
  const db = storage.kind === 'sqlite' ? (storage as SqliteStorage).db : undefined;
  const ledger = storage.ledger;
  const profiles = new ProfileStore(home);
  if (profiles.ensureDemo()) log.info('created the DEMO profile (embedded offline IRP, GSTIN 29AAHCA4821K1ZH)');
  const sessions = new SessionPool(home, profiles, { now, log, tokens: storage.tokens, sealTokens: storage.kind === 'postgres' });
  const sessionFor = sessions.sessionFor.bind(sessions);
  const profileNamed = (name: string) => profiles.get(name);
  const generation = new GenerationService({ ledger, sessionFor, profileNamed, now, log });
  const documents = new DocumentService({ ledger, sessionFor, profileNamed, now });
  const batches = new BatchRunner(generation, (wish) => profiles.resolve(wish), now);
  const ctx: CompanionContext = {
    home, port: { value: opts.port ?? DEFAULT_COMPANION_PORT }, now, log, db, storage, ledger, profiles, sessions, generation, documents, batches,
    keys: storage.keys, pairing: storage.pairing, pairLimiter: new RateLimiter(10, 60_000), served: opts.served,
  };

  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const outcome = c.req.raw.signal.aborted ? 'aborted by the client' : String(c.res.status);
    log.info(`${c.req.method} ${c.req.path} ${outcome} ${Math.round(performance.now() - started)}ms`);
  });
  app.use('*', hostGuard(ctx.port, opts.served));
  app.use('*', originGuard(ctx.keys));
  app.use('*', requireApiKey(ctx.keys));
  app.use('*', bodyGuard());
  // Every route comes from the contract (shared/src/api/endpoints.ts), validated by its schemas.
  const api = contractApp();
  for (const register of [healthRoutes, pairRoutes, profileRoutes, gstinRoutes, batchRoutes, einvoiceRoutes, ewaybillRoutes, rawRoutes, keyRoutes]) register(ctx, api);
  openapiRoutes(api);
  app.route('/', api);
  app.notFound((c) => failureResponse(c, notFound(`There is no ${c.req.method} ${c.req.path} route.`)));
  app.onError((err, c) => {
    if (!(err instanceof CompanionError) && !(err instanceof HTTPException)) {
      log.warn(`unexpected error on ${c.req.method} ${c.req.path}: ${(err as Error)?.name ?? 'Error'}`);
      log.debug(String((err as Error)?.stack ?? err).split('\n').slice(0, 6).join(' | '));
    }
    return failureResponse(c, err);
  });

  const reconciled = opts.reconcileOnStart === false
    ? Promise.resolve()
    : new Promise<void>((resolve) => setImmediate(resolve)).then(() => generation.reconcileAll()).catch((e) => {
      log.warn(`start-up reconciliation stopped: ${(e as Error)?.message ?? e}`);
    });

  // Backups are of the SQLite file; a PostgreSQL database is backed up by its administrator (pg_dump).
  const stopBackups = opts.reconcileOnStart === false || !db ? () => undefined
    : scheduleBackups(db, home, (e) => log.warn(`ledger backup failed: ${(e as Error)?.message ?? e}`), (p) => log.info(`ledger backed up to ${p}`));

  let closed = false;
  return {
    app, ctx, ledger, storage, profiles, reconciled,
    setPort(port: number) { ctx.port.value = port; },
    async close() {
      if (closed) return;
      closed = true;
      await reconciled;
      await batches.settle();
      stopBackups();
      await generation.close();
      await sessions.close();
      await storage.close();
    },
  };
}
