/**
 * A real companion as users run it: the packaged `irn-bridge.mjs start` (or the source) in its own process,
 * with a temp IRN_BRIDGE_HOME holding one sandbox-kind profile that points at the bench's offline
 * IRP over HTTP, and an API key obtained by pairing (code made as `irn-bridge pair` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../companion/src/ledger/db';
import { ProfileStore } from '../companion/src/profiles/store';
import { PairingCodes } from '../companion/src/security/pairing';
import { SELLER_GSTIN } from '../companion/test/support/invoices';
import type { IrpProcess } from './irp-process';
import { processMemory, type ProcessMemory } from './process-memory';

/** The packaged companion (companion/build/bundle.mjs) when built, as users run it; else the source through tsx. */
const BUNDLE = new URL('../companion/dist/package/bin/irn-bridge.mjs', import.meta.url).pathname;
const SOURCE = new URL('../companion/bin/irn-bridge.mjs', import.meta.url).pathname;
export const COMPANION_BIN = process.env.IRN_BRIDGE_BENCH_BIN ?? (existsSync(BUNDLE) ? BUNDLE : SOURCE);
const BIN = COMPANION_BIN;

export function makeBenchHome(irp: IrpProcess): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'irnb-bench-home-'));
  const store = new ProfileStore(home);
  store.ensureDemo();
  store.add({
    name: 'bench', kind: 'sandbox', gstin: SELLER_GSTIN, baseUrl: irp.baseUrl, publicKeyFile: irp.publicKeyPath, makeDefault: true,
    secrets: { ...irp.credentials },
  });
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ApiReply { status: number; json: any }

export interface CompanionProcess {
  pid: number;
  url: string;
  /** Spawn → first 200 from /v1/health, in ms. */
  startMs: number;
  apiKey: string;
  post(path: string, body: unknown): Promise<ApiReply>;
  get(path: string): Promise<ApiReply>;
  /** Resident memory now and at its peak, and its private part (bench/process-memory.ts). */
  memory(): ProcessMemory;
  stop(): Promise<void>;
}

export async function startCompanionProcess(home: string, opts: { pair?: boolean; profileDir?: string } = {}): Promise<CompanionProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const profiling = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profiling, BIN, 'start', '--port', String(port)], {
    env: { ...process.env, IRN_BRIDGE_HOME: home }, stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let gone = false;
  void exited.then(() => { gone = true; });
  // Poll as a client would; 5 ms granularity is well below the figure measured.
  for (;;) {
    if (gone) throw new Error('the companion process exited during start-up');
    try {
      const res = await fetch(url + '/v1/health');
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    if (performance.now() - t0 > 60_000) throw new Error('the companion did not answer /v1/health within 60 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - t0;

  let apiKey = '';
  const call = async (method: string, path: string, body?: unknown): Promise<ApiReply> => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };

  if (opts.pair !== false) {
    const db = openDatabase(home);
    const { code } = (() => { try { return new PairingCodes(db).create(); } finally { db.close(); } })();
    const paired = await call('POST', '/v1/pair', { code, client: 'irn-bridge bench' });
    if (paired.status !== 200) throw new Error(`pairing failed: HTTP ${paired.status}`);
    apiKey = paired.json.apiKey;
  }

  return {
    pid: child.pid!, url, startMs, apiKey,
    post: (path, body) => call('POST', path, body),
    get: (path) => call('GET', path),
    memory: () => processMemory(child.pid!),
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!gone) child.kill('SIGKILL'); }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
