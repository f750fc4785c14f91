/**
 * Team mode: throughput and latency of the single-desk SQLite companion and of 1, 2 and 3
 * companion processes on one PostgreSQL database, with the IRP answering at once and 200 ms late.
 * The same total number of clients in every cell, spread round-robin over the processes, so a
 * cell shows what adding processes does (and what sharing one database costs), not more clients.
 */
import { makeInvoice } from '../../companion/test/support/invoices';
import { clerkKey, makeFleetHome, startMember, type Backend, type FleetMember } from '../../companion/test/team/fleet';
import { teamBackend, type TeamBackend } from '../../companion/test/team/backend';
import type { BenchArgs } from '../args';
import type { IrpProcess } from '../irp-process';
import { runLoad, type LoadResult } from '../load';

export interface TeamCell extends LoadResult {
  storage: 'sqlite' | 'postgres';
  processes: number;
  delayMs: number;
  clients: number;
  /** Logins the IRP saw in this cell (one per GSTIN is the goal, however many processes). */
  irpAuthCalls: number;
}

export interface TeamResult { cells: TeamCell[]; skipped?: string }

const CLIENTS = 16;
const WARMUP = 10;

async function cell(irp: IrpProcess, backend: Backend, processes: number, delayMs: number, n: number): Promise<TeamCell> {
  const homes = Array.from({ length: backend.kind === 'postgres' ? processes : 1 }, () => makeFleetHome(irp));
  const members: FleetMember[] = [];
  try {
    const key = await clerkKey(homes[0].home, backend, 'bench');
    for (let i = 0; i < processes; i++) members.push(await startMember(homes[Math.min(i, homes.length - 1)].home, backend, key));
    const generate = async (m: FleetMember, invoice: unknown) => {
      const r = await m.call('POST', '/v1/einvoices', { invoice });
      if (r.status !== 200 || typeof r.body?.irn !== 'string') throw new Error(`HTTP ${r.status} ${r.body?.code ?? ''}`);
    };
    await irp.setDelay(0);
    const before = await irp.counters();
    // Warm-up through every process: JIT, connection pools, and the IRP login (shared through the database on PostgreSQL).
    const warm = Array.from({ length: WARMUP * processes }, () => makeInvoice());
    await runLoad(warm.length, processes * 2, (i) => generate(members[i % processes], warm[i]));
    await irp.setDelay(delayMs);
    const invoices = Array.from({ length: n }, () => makeInvoice());
    const result = await runLoad(n, CLIENTS, (i) => generate(members[i % processes], invoices[i]));
    const irpAuthCalls = (await irp.counters()).authCalls - before.authCalls;
    return { storage: backend.kind, processes, delayMs, clients: CLIENTS, irpAuthCalls, ...result };
  } finally {
    await irp.setDelay(0);
    for (const m of members) await m.stop().catch(() => undefined);
    for (const h of homes) h.remove();
  }
}

export async function runTeam(args: BenchArgs, irp: IrpProcess, progress: (line: string) => void): Promise<TeamResult> {
  const cells: TeamCell[] = [];
  const plan: { storage: 'sqlite' | 'postgres'; processes: number }[] = [
    { storage: 'sqlite', processes: 1 }, { storage: 'postgres', processes: 1 }, { storage: 'postgres', processes: 2 }, { storage: 'postgres', processes: 3 },
  ];
  let skipped: string | undefined;
  for (const delayMs of args.delays) {
    // With a delay a cell is bound by round trips: fewer invoices give the same wall time.
    const n = delayMs === 0 ? Math.min(args.invoices, 1000) : Math.max(100, Math.round(args.invoices / 4));
    for (const p of plan) {
      let backend: TeamBackend;
      if (p.storage === 'sqlite') backend = { kind: 'sqlite' };
      else {
        backend = await teamBackend('postgres');
        if (backend.kind !== 'postgres') {
          skipped = backend.reason ?? 'PostgreSQL not reachable';
          continue;
        }
      }
      try {
        const c = await cell(irp, backend, p.processes, delayMs, n);
        cells.push(c);
        progress(`  ${p.storage.padEnd(8)} ×${p.processes}  delay ${String(delayMs).padStart(3)} ms  n=${c.n}  ${c.perSecond}/s  p50 ${c.p50} ms  p95 ${c.p95} ms  logins ${c.irpAuthCalls}` +
          `${c.errors ? `  ERRORS ${c.errors}: ${c.errorSamples[0]}` : ''}`);
      } finally {
        await backend.drop?.();
      }
    }
  }
  return { cells, ...(skipped ? { skipped } : {}) };
}
