/** The parent's handle on bench/irp-host.ts: an offline IRP in its own process. */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfflineCredentials } from '../companion/src/offline-irp';

type IrpHostOrder = { op: 'delay'; ms: number } | { op: 'counters' } | { op: 'close' };
export type IrpHostRequest = IrpHostOrder & { id: number };
export interface IrpCounters { authCalls: number; registrations: number; requests: number }
export interface IrpHostReply {
  id: number;
  ok: boolean;
  counters?: IrpCounters;
  ready?: { baseUrl: string; credentials: OfflineCredentials; publicKeyPem: string; publicKeyPath: string };
}

export interface IrpProcess {
  pid: number;
  /** The offline IRP's own data (offline-irp.sqlite: every IRN it issued), for tests that check against it. */
  dataDir: string;
  baseUrl: string;
  credentials: OfflineCredentials;
  publicKeyPem: string;
  publicKeyPath: string;
  setDelay(ms: number): Promise<void>;
  counters(): Promise<IrpCounters>;
  close(): Promise<void>;
}

export async function startIrpProcess(): Promise<IrpProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'irnb-bench-irp-'));
  const child: ChildProcess = fork(new URL('./irp-host.ts', import.meta.url).pathname, [dataDir], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (r: IrpHostReply) => void>();
  let nextId = 1;
  const ready = new Promise<NonNullable<IrpHostReply['ready']>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the offline IRP process exited (${code}) before it was ready`)));
    child.on('message', (r: IrpHostReply) => {
      if (r.ready) return resolve(r.ready);
      waiting.get(r.id)?.(r);
      waiting.delete(r.id);
    });
  });
  const ask = (req: IrpHostOrder) => new Promise<IrpHostReply>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    child.send({ ...req, id });
  });
  const info = await ready;
  let closed = false;
  return {
    pid: child.pid!,
    dataDir,
    ...info,
    async setDelay(ms) { await ask({ op: 'delay', ms }); },
    async counters() { return (await ask({ op: 'counters' })).counters!; },
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.connected) await ask({ op: 'close' });
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
