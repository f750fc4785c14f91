/**
 * The bulk page's logic, apart from the browser so that it is tested under Node (batch.test.ts):
 * each ticked invoice is read through the ERP tab, mapped by its module and checked (the preview),
 * then, after the clerk's one confirmation, registered one by one (a few at a time) and recorded back
 * in the ERP. Stop lets the invoices already at the IRP finish and sends no new one; Resume (or
 * opening the batch again) sends what is left. The companion's ledger makes sending again safe: an
 * invoice it registered is answered from the ledger (`fromLedger`), never registered twice.
 */
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { AnyErpModule, ErpDocumentRef, ErpEvent, ErpInvoiceSummary, WriteBackOutcome } from '@irn-bridge/shared/erps';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import type { UiError } from '../../lib/messages';
import { toUiError } from '../../lib/ui-error';

export type RowState =
  | { kind: 'reading' }
  /** Will be sent on confirmation. */
  | { kind: 'ready' }
  /** Not sent, and why (not submitted, already registered, a validation error, unreadable). */
  | { kind: 'blocked'; reason: string; issues: ValidationIssue[] }
  | { kind: 'queued' }
  | { kind: 'sending' }
  | { kind: 'recording'; result: EInvoiceResult }
  | { kind: 'done'; result: EInvoiceResult; writeBack: WriteBackOutcome }
  | { kind: 'failed'; error: UiError; retryable: boolean };

export interface Row {
  ref: ErpDocumentRef;
  /** The ERP's number, once read (the ref's name until then). */
  label: string;
  summary: ErpInvoiceSummary | null;
  invoice: Inv01Invoice | null;
  /** The module's own document, for the ERP's names of items and customer. */
  doc: unknown;
  state: RowState;
}

export interface BatchDeps {
  module: AnyErpModule;
  /** Reads the invoice through the ERP tab (page-io bridge). */
  read(ref: ErpDocumentRef): Promise<unknown>;
  /** The background's check of a mapped invoice (`invoice.validate`). */
  validate(invoice: Inv01Invoice): Promise<ValidationIssue[]>;
  generate(invoice: Inv01Invoice, ref: ErpDocumentRef): Promise<EInvoiceResult>;
  /** Records the outcome in the ERP through its tab (page-io bridge). Never throws. */
  record(ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome>;
  /** The ERP's words for an invoice that is not final yet. */
  notFinal: string;
  onChange(row: Row): void;
}

/** Failures where sending the same invoice again later is safe and may pass: the ledger settles them. */
const RETRYABLE = new Set(['COMPANION_DOWN', 'OUTCOME_UNKNOWN', 'IRP_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL']);
const isRetryable = (e: UiError) => e.retryable ?? RETRYABLE.has(e.code);

export const newRow = (ref: ErpDocumentRef): Row => ({ ref, label: ref.name, summary: null, invoice: null, doc: null, state: { kind: 'reading' } });

/** The preview of one row: read, map, check. Sets `ready` or `blocked`. */
export async function prepare(row: Row, deps: BatchDeps): Promise<void> {
  const set = (state: RowState) => { row.state = state; deps.onChange(row); };
  try {
    row.doc = await deps.read(row.ref);
    const s = deps.module.summary(row.doc);
    row.summary = s;
    row.label = s.docNo || row.ref.name;
    if (!s.final) return set({ kind: 'blocked', reason: deps.notFinal, issues: [] });
    if (s.irn) return set({ kind: 'blocked', reason: `Already registered: ${deps.module.label} holds IRN ${s.irn}.`, issues: [] });
    const mapped = deps.module.map(row.doc);
    row.invoice = mapped.invoice;
    const issues = [...mapped.issues, ...(await deps.validate(mapped.invoice))];
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      return set({ kind: 'blocked', reason: `${errors.length} problem${errors.length > 1 ? 's' : ''} to fix in ${deps.module.label}; not sent.`, issues: errors });
    }
    set({ kind: 'ready' });
  } catch (err) {
    set({ kind: 'blocked', reason: `Could not read it from ${deps.module.label}: ${toUiError(err).message}`, issues: [] });
  }
}

/** Rows the next run sends: ready ones, and those whose last try may pass now. */
export const sendable = (rows: readonly Row[]) => rows.filter((r) => r.state.kind === 'ready' || r.state.kind === 'queued' || (r.state.kind === 'failed' && r.state.retryable));

export class BatchRun {
  private stopWanted = false;
  running = false;

  constructor(private readonly rows: readonly Row[], private readonly deps: BatchDeps, private readonly concurrency = 2) {}

  get stopping(): boolean {
    return this.running && this.stopWanted;
  }

  /** No new invoice is sent after this; those at the IRP finish and are recorded. */
  stop(): void {
    this.stopWanted = true;
  }

  /** Sends every sendable row (a few at a time), each recorded in the ERP right after its IRN. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopWanted = false;
    const queue = sendable(this.rows);
    for (const r of queue) this.set(r, { kind: 'queued' });
    const worker = async () => {
      while (!this.stopWanted) {
        const next = queue.shift();
        if (!next) return;
        await this.one(next);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    } finally {
      // Stopped: what was not sent stays ready for Resume.
      for (const r of queue) this.set(r, { kind: 'ready' });
      this.running = false;
    }
  }

  private set(row: Row, state: RowState): void {
    row.state = state;
    this.deps.onChange(row);
  }

  private async one(row: Row): Promise<void> {
    if (!row.invoice) return;
    this.set(row, { kind: 'sending' });
    let result: EInvoiceResult;
    try {
      result = await this.deps.generate(row.invoice, row.ref);
    } catch (err) {
      const error = toUiError(err);
      return this.set(row, { kind: 'failed', error, retryable: isRetryable(error) });
    }
    this.set(row, { kind: 'recording', result });
    let writeBack: WriteBackOutcome;
    try {
      writeBack = await this.deps.record(row.ref, { kind: 'generated', result });
    } catch (err) {
      writeBack = { ok: false, method: null, message: toUiError(err).message };
    }
    this.set(row, { kind: 'done', result, writeBack });
  }
}

/** Counts for the header: how many will be / were sent, and the outcome so far. */
export function tally(rows: readonly Row[]) {
  const n = (k: RowState['kind']) => rows.filter((r) => r.state.kind === k).length;
  return {
    total: rows.length,
    reading: n('reading'),
    ready: n('ready') + n('queued'),
    blocked: n('blocked'),
    inFlight: n('sending') + n('recording'),
    done: n('done'),
    failed: n('failed'),
    writeBackFailed: rows.filter((r) => r.state.kind === 'done' && !r.state.writeBack.ok).length,
  };
}
