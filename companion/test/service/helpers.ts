/**
 * Test rig for the companion: a temp home, a real server on 127.0.0.1 port 0, a paired API key,
 * captured log lines, and (optionally) a profile pointing at an offline IRP the test serves itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanion, type RunningCompanion } from '../../src/server';
import { createLogger } from '../../src/logger';
import { ProfileStore } from '../../src/profiles/store';
import { startTestIrp, type TestIrp } from '../support/offline-irp';
import { SELLER_GSTIN } from '../support/invoices';

export function makeHome(prefix = 'irnb-home-'): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/** Adds (as default) a sandbox-kind profile named `irp` that talks to the test's offline IRP over HTTP. */
export function addIrpProfile(home: string, irp: TestIrp, name = 'irp', gstin = SELLER_GSTIN): void {
  const store = new ProfileStore(home);
  store.ensureDemo();
  const { clientId, clientSecret, username, password } = irp.irp.credentials;
  store.add({
    name, kind: 'sandbox', gstin, baseUrl: irp.baseUrl, publicKeyFile: irp.irp.publicKeyPath, makeDefault: true,
    secrets: { clientId, clientSecret, username, password },
  });
}

export interface ApiResponse<T = any> { status: number; body: T; text: string; headers: Headers }

export interface TestCompanion {
  running: RunningCompanion;
  url: string;
  port: number;
  home: string;
  logs: string[];
  apiKey: string;
  keyId: string;
  /** fetch against the companion with the paired key; `body` objects are sent as JSON. */
  api<T = any>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string | null }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** `database`: a postgres:// URL (support/storage.ts) to run on PostgreSQL; undefined for the home's SQLite file. */
export async function startTestCompanion(opts: { home: string; pair?: boolean; database?: string }): Promise<TestCompanion> {
  const logs: string[] = [];
  const running = await startCompanion({ home: opts.home, database: opts.database, port: 0, host: '127.0.0.1', log: createLogger('debug', (l) => logs.push(l)) });
  const responses: string[] = [];
  const api = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string | null } = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const key = init.key === undefined ? t.apiKey : init.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(running.url + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    const text = await res.text();
    responses.push(text);
    let parsed: unknown = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  const t: TestCompanion & { responses: string[] } = {
    running, url: running.url, port: running.port, home: opts.home, logs, apiKey: '', keyId: '', api: api as TestCompanion['api'],
    responses, close: () => running.close(),
  };
  if (opts.pair !== false) {
    const { code } = await running.companion.ctx.pairing.create();
    const res = await api('/v1/pair', { body: { code, client: 'test' }, key: null });
    if (res.status !== 200) throw new Error(`pairing failed: ${res.status} ${res.text}`);
    t.apiKey = (res.body as { apiKey: string }).apiKey;
    t.keyId = (res.body as { keyId: string }).keyId;
  }
  return t;
}

/** Every response body the rig has seen (for "no secret anywhere" checks). */
export const seenResponses = (t: TestCompanion): string[] => (t as TestCompanion & { responses: string[] }).responses;

export interface CompanionRig {
  irp: TestIrp;
  home: ReturnType<typeof makeHome>;
  c: TestCompanion;
  close(): Promise<void>;
}

/**
 * An offline IRP over HTTP, a fresh home with a profile pointing at it, and a paired companion.
 * `beforeStart` may adjust the IRP first (e.g. distinctive credentials for leak searches).
 */
export async function startCompanionRig(beforeStart?: (irp: TestIrp) => void, opts: { database?: string } = {}): Promise<CompanionRig> {
  const irp = await startTestIrp();
  beforeStart?.(irp);
  const home = makeHome();
  addIrpProfile(home.home, irp);
  const c = await startTestCompanion({ home: home.home, database: opts.database });
  return {
    irp, home, c,
    async close() {
      await c.close();
      await irp.close();
      home.remove();
    },
  };
}
