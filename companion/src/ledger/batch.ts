/**
 * Batches: many invoices through the same exactly-once generation path, a bounded number at a time.
 * Progress is kept in memory (a batch belongs to the running process; the ledger keeps the results).
 */
import { randomUUID } from 'node:crypto';
import type { BatchItemResult, BatchStatus } from '@irn-bridge/shared/api/contract';
import { asCompanionError } from '../errors';
import type { ProfileWish } from '@irn-bridge/shared/profiles/choice';
import type { ProfileConfig } from '../profiles/types';
import { checkInvoice } from './invoice-check';
import type { GenerationService } from './generate';

export const DEFAULT_BATCH_CONCURRENCY = 4;
export { MAX_BATCH_CONCURRENCY } from '@irn-bridge/shared/api/contract';
import { MAX_BATCH_CONCURRENCY } from '@irn-bridge/shared/api/contract';
const KEEP_FINISHED = 100;

interface Batch { status: BatchStatus; done: Promise<BatchStatus> }

export class BatchRunner {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly generation: GenerationService,
    /** Resolves the profile per invoice (explicit profile, else the seller's, else the default). */
    private readonly resolve: (wish: ProfileWish) => ProfileConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `onItem` is told each result as it finishes (for progress), in finishing order; `user` names who asked (team mode). */
  start(invoices: unknown[], concurrency = DEFAULT_BATCH_CONCURRENCY, profile?: string, onItem?: (item: BatchItemResult) => void,
    user: string | null = null): Batch {
    const width = Math.min(Math.max(Math.floor(concurrency) || 1, 1), MAX_BATCH_CONCURRENCY);
    const status: BatchStatus = {
      batchId: randomUUID(), total: invoices.length, done: 0, succeeded: 0, failed: 0, finished: invoices.length === 0, results: [],
    };
    let next = 0;
    const worker = async () => {
      while (next < invoices.length) {
        const index = next++;
        let item: BatchItemResult;
        try {
          // Each item is checked on its own at this edge: one bad invoice fails alone.
          const { profile: chosen, checked } = checkInvoice(invoices[index], this.resolve, profile, this.now());
          item = { index, ok: true, result: await this.generation.generate(chosen, checked, { user }) };
          status.succeeded++;
        } catch (e) {
          item = { index, ok: false, error: asCompanionError(e).body };
          status.failed++;
        }
        status.results.push(item);
        status.done++;
        try { onItem?.(item); } catch { /* progress is best effort: it never stops the batch */ }
      }
    };
    const done = Promise.all(Array.from({ length: Math.min(width, invoices.length) }, worker)).then(() => {
      status.results.sort((a, b) => a.index - b.index);
      status.finished = true;
      return status;
    });
    const batch = { status, done };
    this.batches.set(status.batchId, batch);
    this.forgetOld();
    return batch;
  }

  get(id: string): BatchStatus | undefined {
    const b = this.batches.get(id);
    if (!b) return undefined;
    return { ...b.status, results: [...b.status.results].sort((x, y) => x.index - y.index) };
  }

  /** Waits for every running batch (used on shutdown so no write is cut in half). */
  async settle(): Promise<void> {
    await Promise.all([...this.batches.values()].map((b) => b.done.catch(() => undefined)));
  }

  private forgetOld(): void {
    const finished = [...this.batches.entries()].filter(([, b]) => b.status.finished);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.batches.delete(id);
  }
}
