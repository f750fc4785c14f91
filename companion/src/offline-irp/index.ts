/**
 * The offline IRP: a local stand-in for NIC's e-invoice sandbox speaking the same wire protocol
 * (same paths, headers, encryption, envelope and error codes). It backs the demo profile and every
 * test, and anyone can point their own IRP client at it (credentials: OFFLINE_CREDENTIALS; public
 * key: `<dataDir>/irp-public-key.pem`).
 *
 * Fault injection, for testing clients:
 * - dropReplyAfterRegister(n): the next n generate calls register the IRN and then lose the reply.
 *   Over real HTTP the socket is destroyed (the client sees a connection reset); through `fetch`
 *   in-process the response headers arrive and the body stream errors. Either way the client gets
 *   a network failure while the IRP has the IRN — exactly the "unknown outcome" case.
 * - serverError(n, status): the next n requests answer `status` (default 502) with a non-JSON body.
 * - delayMs(ms): every reply waits ms first (exceed the client timeout to test timeouts).
 * - revokeAllTokens(): every issued token becomes invalid (next business call → 1005).
 */
import type { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { buildApp, createSleeper } from './app';
import { createClock, type OfflineClock } from './clock';
import { OFFLINE_CREDENTIALS, type OfflineContext, type OfflineCounters, type OfflineCredentials } from './context';
import { loadOrCreateKeys } from './keys';
import { OfflineStore } from './store';
import { TAXPAYERS } from './taxpayers';

export { OFFLINE_CREDENTIALS, type OfflineCredentials, type OfflineCounters } from './context';
export { TAXPAYERS, findTaxpayer } from './taxpayers';
export type { OfflineClock } from './clock';

export interface OfflineIrpOptions {
  /** Where keys and the IRN store live (created 0700 if missing). */
  dataDir: string;
  /** The underlying clock; the offline IRP's own clock can then be set or advanced on top of it. */
  clock?: () => Date;
  /** Token validity, default 60 minutes like the NIC sandbox. */
  tokenValidityMinutes?: number;
}

export interface OfflineIrpFaults {
  dropReplyAfterRegister(count?: number): void;
  serverError(count?: number, status?: number): void;
  delayMs(ms: number): void;
  revokeAllTokens(): void;
  /** Remove every pending fault and the delay. */
  clear(): void;
}

export interface OfflineIrp {
  app: Hono;
  fetch: (req: Request) => Promise<Response>;
  credentials: OfflineCredentials;
  /** RSA public key (SPKI PEM) clients encrypt the auth payload with. */
  publicKeyPem: string;
  publicKeyPath: string;
  /** Public key (SPKI PEM) that verifies SignedInvoice / SignedQRCode. */
  signingPublicKeyPem: string;
  /** `kid` of the signed tokens: upper-case hex SHA-1 of the signing key's SPKI DER. */
  signingKid: string;
  /** `x5t` of the signed tokens: base64url of the same SHA-1. */
  signingX5t: string;
  /** GSTINs in the taxpayer master (all may log in with `credentials` while active). */
  gstins: string[];
  clock: OfflineClock;
  faults: OfflineIrpFaults;
  counters: OfflineCounters;
  /** Headers of the latest request, names lower-cased (for testing GSP pass-through headers). */
  lastRequestHeaders(): Record<string, string>;
  close(): Promise<void>;
}

export async function createOfflineIrp(opts: OfflineIrpOptions): Promise<OfflineIrp> {
  const keys = loadOrCreateKeys(opts.dataDir);
  const store = new OfflineStore(opts.dataDir);
  const clock = createClock(opts.clock);
  const ctx: OfflineContext = {
    store,
    keys,
    clock,
    credentials: { ...OFFLINE_CREDENTIALS },
    tokenValidityMinutes: opts.tokenValidityMinutes ?? 60,
    counters: { authCalls: 0, registrations: 0, requests: 0, byPath: {} },
    faults: { dropReplies: 0, serverErrors: 0, serverErrorStatus: 502, delayMs: 0 },
    lastHeaders: {},
  };
  const sleeper = createSleeper();
  const app = buildApp(ctx, sleeper);
  let closed = false;

  const faults: OfflineIrpFaults = {
    dropReplyAfterRegister: (count = 1) => {
      ctx.faults.dropReplies = count;
    },
    serverError: (count = 1, status = 502) => {
      ctx.faults.serverErrors = count;
      ctx.faults.serverErrorStatus = status;
    },
    delayMs: (ms) => {
      ctx.faults.delayMs = Math.max(0, ms);
    },
    revokeAllTokens: () => store.revokeAllTokens(),
    clear: () => {
      Object.assign(ctx.faults, { dropReplies: 0, serverErrors: 0, serverErrorStatus: 502, delayMs: 0 });
      sleeper.wakeAll();
    },
  };

  return {
    app,
    fetch: async (req: Request) => app.fetch(req),
    credentials: ctx.credentials,
    publicKeyPem: keys.publicKeyPem,
    publicKeyPath: keys.publicKeyPath,
    signingPublicKeyPem: keys.signingPublicKeyPem,
    signingKid: keys.kid,
    signingX5t: keys.x5t,
    gstins: TAXPAYERS.map((t) => t.Gstin),
    clock,
    faults,
    counters: ctx.counters,
    lastRequestHeaders: () => ({ ...ctx.lastHeaders }),
    close: async () => {
      if (closed) return;
      closed = true;
      faults.clear();
      store.close();
    },
  };
}

export interface StartedOfflineIrp {
  baseUrl: string;
  irp: OfflineIrp;
  close(): Promise<void>;
}

/** Serves an offline IRP over HTTP (port 0 = any free port). */
export async function startOfflineIrp(opts: {
  port: number;
  host?: string;
  dataDir: string;
  clock?: () => Date;
  tokenValidityMinutes?: number;
}): Promise<StartedOfflineIrp> {
  const irp = await createOfflineIrp(opts);
  const host = opts.host ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch: irp.app.fetch, port: opts.port, hostname: host }, (info) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `http://${urlHost}:${port}`,
    irp,
    close: async () => {
      irp.faults.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await irp.close();
    },
  };
}
