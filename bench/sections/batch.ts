/** N invoices in one POST /v1/einvoices/batch with `wait: true`, per IRP delay and batch concurrency. */
import { MAX_BATCH_CONCURRENCY } from '../../companion/src/ledger/batch';
import { makeInvoice } from '../../companion/test/support/invoices';
import { cellCount, type BenchArgs } from '../args';
import type { CompanionProcess } from '../companion-process';
import type { IrpProcess } from '../irp-process';
import { round } from '../stats';

export interface BatchCell {
  delayMs: number;
  concurrency: number;
  n: number;
  succeeded: number;
  failed: number;
  wallMs: number;
  perSecond: number;
  irpAuthCalls: number;
}

export async function runBatch(args: BenchArgs, irp: IrpProcess, companion: CompanionProcess, progress: (line: string) => void): Promise<BatchCell[]> {
  const cells: BatchCell[] = [];
  const widths = [...new Set(args.concurrency.map((c) => Math.min(c, MAX_BATCH_CONCURRENCY)).filter((c) => c > 1))];
  for (const delayMs of args.delays) {
    await irp.setDelay(delayMs);
    for (const concurrency of widths) {
      const n = cellCount(args, delayMs, concurrency);
      const invoices = Array.from({ length: n }, () => makeInvoice());
      const before = await irp.counters();
      const started = performance.now();
      const r = await companion.post('/v1/einvoices/batch', { invoices, concurrency, wait: true });
      const wallMs = performance.now() - started;
      if (r.status !== 200) throw new Error(`batch answered HTTP ${r.status} ${r.json?.error?.code ?? ''}`);
      const cell: BatchCell = {
        delayMs, concurrency, n, succeeded: r.json.succeeded, failed: r.json.failed, wallMs: round(wallMs),
        perSecond: round((r.json.succeeded * 1000) / wallMs), irpAuthCalls: (await irp.counters()).authCalls - before.authCalls,
      };
      cells.push(cell);
      progress(`  batch     delay ${String(delayMs).padStart(3)} ms  c=${String(concurrency).padStart(2)}  n=${n}  ${cell.perSecond}/s  ` +
        `${cell.succeeded} ok, ${cell.failed} failed  auth ${cell.irpAuthCalls}`);
    }
  }
  await irp.setDelay(0);
  return cells;
}
