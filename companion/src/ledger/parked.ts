/**
 * Registrations the IRP gave but the ledger could not store yet (disk full, a lock held too long:
 * issue 10, defect 4). The caller is answered with the IRN; the row stays `pending` (so any other
 * process asks the IRP before sending) and this keeps trying to write it, in the background and on
 * the next access to the document, until the ledger takes it.
 */
import type { Logger } from '../logger';
import type { LedgerRow, Registration } from './store';
import type { LedgerStorage } from '../storage/types';

interface Parked { row: LedgerRow; data: Registration; recovered: boolean }

export class ParkedRegistrations {
  private readonly byRow = new Map<number, Parked>();
  private timer: NodeJS.Timeout | null = null;
  private pause = 250;

  constructor(private readonly ledger: LedgerStorage, private readonly log?: Logger) {}

  park(row: LedgerRow, data: Registration, recovered: boolean): void {
    this.byRow.set(row.id, { row, data, recovered });
    this.schedule();
  }

  /** The parked registration for a row, as the row it will become. */
  find(rowId: number): LedgerRow | null {
    const p = this.byRow.get(rowId);
    return p ? asGenerated(p) : null;
  }

  findByKey(match: (row: LedgerRow) => boolean): LedgerRow | null {
    for (const p of this.byRow.values()) if (match(p.row)) return asGenerated(p);
    return null;
  }

  get size(): number { return this.byRow.size; }

  /** Tries to write every parked registration now; returns how many are still waiting. */
  async flush(): Promise<number> {
    for (const [id, p] of this.byRow) {
      try {
        await this.ledger.markGenerated(id, p.data, p.recovered);
        this.byRow.delete(id);
        this.log?.info(`ledger: stored IRN ${p.data.Irn} for ${p.row.doc_type} ${p.row.doc_no} now that the ledger can be written`);
      } catch { /* still not writable: the timer tries again */ }
    }
    return this.byRow.size;
  }

  private schedule(): void {
    if (this.timer || !this.byRow.size) return;
    this.timer = setTimeout(async () => {
      if (await this.flush()) {
        this.timer = null;
        this.pause = Math.min(this.pause * 2, 10_000);
        this.schedule();
      } else {
        this.timer = null;
        this.pause = 250;
      }
    }, this.pause);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function asGenerated(p: Parked): LedgerRow {
  const d = p.data;
  return {
    ...p.row, state: 'generated', irn: d.Irn, ack_no: String(d.AckNo), ack_dt: d.AckDt, signed_invoice: d.SignedInvoice,
    signed_qr_code: d.SignedQRCode, ewb_no: d.EwbNo == null ? null : String(d.EwbNo), ewb_dt: d.EwbDt ?? null,
    ewb_valid_till: d.EwbValidTill ?? null, recovered: p.recovered ? 1 : 0, last_error: null,
  };
}
