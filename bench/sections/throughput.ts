/**
 * Bulk (companion over HTTP), overhead (IrpSession straight to the IRP), the bare relay (the floor
 * of any local service: bench/relay-host.ts) and the naive baseline, cell by cell in the same run:
 * for each IRP delay and concurrency the clients take turns, so a neighbour's load on the shared
 * machine falls on all of them alike.
 */
import { IrpSession } from '../../companion/src/irp';
import { makeInvoice, SELLER_GSTIN } from '../../companion/test/support/invoices';
import { cellCount, type BenchArgs } from '../args';
import type { CompanionProcess } from '../companion-process';
import type { IrpProcess } from '../irp-process';
import { cpuMeter } from '../cpu';
import { runLoad, type LoadResult } from '../load';
import { NaiveIrpClient } from '../naive-client';
import { startRelayProcess, type RelayProcess } from '../relay-process';
import { round } from '../stats';

export type ClientKind = 'companion' | 'direct' | 'relay' | 'naive';

export interface ThroughputCell extends LoadResult {
  client: ClientKind;
  delayMs: number;
  concurrency: number;
  /** Logins the IRP saw during this cell. */
  irpAuthCalls: number;
  /** CPU ms per invoice spent by each process: the companion (the relay in relay cells), the offline IRP, the bench (the client). */
  cpuMsPerInvoice: { companion: number; irp: number; client: number };
}

export interface ThroughputResult {
  cells: ThroughputCell[];
  /** Logins the IRP saw from the companion over the whole run (warm-up included): should be 1. */
  companionAuthCalls: number;
}

const WARMUP = 20;
const CLIENTS: ClientKind[] = ['companion', 'direct', 'relay', 'naive'];

export async function companionGenerate(companion: CompanionProcess, invoice: unknown): Promise<void> {
  const r = await companion.post('/v1/einvoices', { invoice });
  if (r.status !== 200 || typeof r.json?.irn !== 'string') throw new Error(`HTTP ${r.status} ${r.json?.error?.code ?? ''}`);
  if (r.json.fromLedger) throw new Error('answered from the ledger: the invoices are not distinct');
}

export async function runThroughput(args: BenchArgs, irp: IrpProcess, companion: CompanionProcess, progress: (line: string) => void): Promise<ThroughputResult> {
  const config = { baseUrl: irp.baseUrl, gstin: SELLER_GSTIN, ...irp.credentials, publicKeyPem: irp.publicKeyPem, timeoutMs: 30_000 };
  const session = new IrpSession(config);
  const relay = await startRelayProcess(config);
  try {
    return await runCells(args, irp, companion, session, relay, progress);
  } finally {
    await relay.stop();
  }
}

async function runCells(args: BenchArgs, irp: IrpProcess, companion: CompanionProcess, session: IrpSession, relay: RelayProcess,
  progress: (line: string) => void): Promise<ThroughputResult> {
  const naive = new NaiveIrpClient({ baseUrl: irp.baseUrl, gstin: SELLER_GSTIN, ...irp.credentials, publicKeyPem: irp.publicKeyPem });
  const clients: Record<ClientKind, (invoice: unknown) => Promise<void>> = {
    companion: (invoice) => companionGenerate(companion, invoice),
    direct: async (invoice) => { await session.generateIrn(invoice); },
    relay: (invoice) => relay.generate(invoice),
    naive: async (invoice) => { await naive.generateIrn(invoice); },
  };

  // Warm-up: JIT, connection pools and the one login of each long-lived client.
  await irp.setDelay(0);
  let companionAuthCalls = 0;
  for (const kind of CLIENTS) {
    const before = await irp.counters();
    const invoices = Array.from({ length: WARMUP }, () => makeInvoice());
    await runLoad(WARMUP, 4, (i) => clients[kind](invoices[i]));
    if (kind === 'companion') companionAuthCalls += (await irp.counters()).authCalls - before.authCalls;
  }

  const cells: ThroughputCell[] = [];
  for (const delayMs of args.delays) {
    await irp.setDelay(delayMs);
    for (const concurrency of args.concurrency) {
      const n = cellCount(args, delayMs, concurrency);
      for (const client of CLIENTS) {
        const invoices = Array.from({ length: n }, () => makeInvoice());
        const before = await irp.counters();
        const cpu = cpuMeter({ companion: client === 'relay' ? relay.pid : companion.pid, irp: irp.pid, client: process.pid });
        const result = await runLoad(n, concurrency, (i) => clients[client](invoices[i]));
        const used = cpu();
        const irpAuthCalls = (await irp.counters()).authCalls - before.authCalls;
        if (client === 'companion') companionAuthCalls += irpAuthCalls;
        const perInvoice = (ms: number) => round(ms / Math.max(1, result.n), 2);
        cells.push({
          client, delayMs, concurrency, irpAuthCalls, ...result,
          cpuMsPerInvoice: { companion: perInvoice(used.companion), irp: perInvoice(used.irp), client: perInvoice(used.client) },
        });
        progress(`  ${client.padEnd(9)} delay ${String(delayMs).padStart(3)} ms  c=${String(concurrency).padStart(2)}  n=${n}  ` +
          `${result.perSecond}/s  p50 ${result.p50} ms  p95 ${result.p95} ms  auth ${irpAuthCalls}${result.errors ? `  ERRORS ${result.errors}: ${result.errorSamples[0]}` : ''}`);
      }
    }
  }
  await irp.setDelay(0);
  return { cells, companionAuthCalls };
}
