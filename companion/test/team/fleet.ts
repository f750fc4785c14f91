/**
 * Several real companion processes on one ledger (team mode), for the multi-process test and the
 * team bench: each `irn-bridge start` in its own process on its own port, all on one database
 * (one SQLite home, or one PostgreSQL database with a home each), all calling one offline IRP
 * process whose own store is the truth about what was registered.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ProfileStore } from '../../src/profiles/store';
import { SELLER_GSTIN } from '../support/invoices';
import type { IrpProcess } from '../../../bench/irp-process';

/** The companion to run: IRN_BRIDGE_BENCH_BIN (the bench's packaged one) or the checkout's. */
const bin = () => process.env.IRN_BRIDGE_BENCH_BIN ?? fileURLToPath(new URL('../../bin/irn-bridge.mjs', import.meta.url));

/** Where the companions keep their ledger: one SQLite file in a shared home, or one PostgreSQL URL. */
export type Backend = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

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

/** A home with one sandbox-kind profile (default) that talks to the offline IRP process over HTTP. */
export function makeFleetHome(irp: IrpProcess): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'irnb-fleet-'));
  const store = new ProfileStore(home);
  store.ensureDemo();
  store.add({ name: 'irp', kind: 'sandbox', gstin: SELLER_GSTIN, baseUrl: irp.baseUrl, publicKeyFile: irp.publicKeyPath, makeDefault: true, secrets: { ...irp.credentials } });
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

export const databaseEnv = (b: Backend): Record<string, string> => (b.kind === 'postgres' ? { IRN_BRIDGE_DATABASE: b.url } : {});

/** `irn-bridge <args>` against a home and backend, to completion. */
export function cli(home: string, backend: Backend, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin(), ...args], { env: { ...process.env, IRN_BRIDGE_HOME: home, IRN_BRIDGE_LOG: '', ...databaseEnv(backend) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function clerkKey(home: string, backend: Backend, user = 'fleet-caller'): Promise<string> {
  const out = await cli(home, backend, ['keys', 'create', '--user', user, '--role', 'clerk', '--json']);
  if (out.code !== 0) throw new Error(`keys create failed: ${out.stderr}`);
  return JSON.parse(out.stdout).apiKey;
}

export interface Reply { status: number; body: any }

const CALL_LIMIT_MS = 120_000;

export interface FleetMember {
  pid: number;
  port: number;
  url: string;
  alive(): boolean;
  call(method: string, path: string, body?: unknown): Promise<Reply>;
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export async function startMember(home: string, backend: Backend, apiKey: string, port?: number): Promise<FleetMember> {
  const p = port ?? await freePort();
  const url = `http://127.0.0.1:${p}`;
  const child: ChildProcess = spawn(process.execPath, [bin(), 'start', '--port', String(p)], {
    env: { ...process.env, IRN_BRIDGE_HOME: home, IRN_BRIDGE_LOG: process.env.IRN_BRIDGE_FLEET_LOG ?? 'silent', ...databaseEnv(backend) },
    stdio: ['ignore', 'ignore', process.env.IRN_BRIDGE_FLEET_LOG ? 'inherit' : 'ignore'],
  });
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => { gone = true; resolve(); }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`the companion on port ${p} exited during start-up`);
    try {
      const res = await fetch(url + '/v1/health');
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the companion on port ${p} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    pid: child.pid!, port: p, url,
    alive: () => !gone,
    async call(method, path, body) {
      const res = await fetch(url + path, {
        method, headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A stuck companion fails the call (counted, or the test's error) instead of hanging the run.
        signal: AbortSignal.timeout(CALL_LIMIT_MS),
      });
      const text = await res.text();
      let json: unknown = null;
      try { json = text ? JSON.parse(text) : null; } catch { json = { text }; }
      return { status: res.status, body: json };
    },
    async kill(signal) {
      if (!gone) child.kill(signal);
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const t = setTimeout(() => { if (!gone) child.kill('SIGKILL'); }, 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** What the offline IRP itself holds: document number (upper-case) → IRN. */
export function irpIssued(irp: IrpProcess): Map<string, string> {
  const db = new Database(join(irp.dataDir, 'offline-irp.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT doc_no, irn FROM irns').all() as { doc_no: string; irn: string }[];
    return new Map(rows.map((r) => [r.doc_no.toUpperCase(), r.irn]));
  } finally {
    db.close();
  }
}

/** Every ledger row, through a companion's own API (either storage), paged. */
export async function ledgerRows(member: FleetMember): Promise<{ docNo: string; state: string; irn: string | null }[]> {
  const out: { docNo: string; state: string; irn: string | null }[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await member.call('GET', `/v1/einvoices?limit=1000&offset=${offset}`);
    if (page.status !== 200) throw new Error(`ledger list: HTTP ${page.status} ${JSON.stringify(page.body)}`);
    for (const e of page.body.entries) out.push({ docNo: String(e.document.docNo).toUpperCase(), state: e.state, irn: e.irn });
    if (offset + 1000 >= page.body.total) return out;
  }
}
