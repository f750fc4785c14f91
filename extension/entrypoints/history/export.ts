/**
 * The history as CSV: one row per ledger entry, with the buyer, the taxable value and each tax from
 * the registered INV-01. Every date is written dd/mm/yyyy (the IRP's own DocDtls.Dt format), with
 * HH:mm:ss (24-hour, IST) after it where the IRP gives a time.
 */
import type { LedgerEntry } from '@irn-bridge/shared/api/contract';
import { toCsv, type CsvCell } from '../../lib/csv';

/** `yyyy-MM-dd HH:mm:ss` (IRP) or `dd/MM/yyyy hh:mm:ss AM` (e-way bill system) → `dd/mm/yyyy HH:mm:ss`. */
export function oneDateFormat(s: string | null | undefined): string {
  if (!s) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (m) return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)$/i.exec(s.trim());
  if (m) {
    const h = (Number(m[4]) % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
    return `${m[1]}/${m[2]}/${m[3]} ${String(h).padStart(2, '0')}:${m[5]}:${m[6]}`;
  }
  return s;
}

export const STATE_WORDS: Record<LedgerEntry['state'], string> = {
  generated: 'Registered', cancelled: 'Cancelled', failed: 'Failed', pending: 'Being sent', unknown: 'Outcome not known yet',
};

export function ewbStatus(e: LedgerEntry): string {
  if (!e.ewbNo) return '';
  return e.ewbCancelDate ? 'Cancelled' : 'Active';
}

const HEADER = ['Document date', 'Type', 'Number', 'Buyer name', 'Buyer GSTIN', 'Taxable value', 'IGST', 'CGST', 'SGST', 'Cess',
  'Other charges', 'Round-off', 'Invoice total', 'Status', 'IRN', 'Ack No', 'Ack date', 'IRN cancelled on', 'EWB No', 'EWB date',
  'EWB valid till', 'EWB status', 'EWB cancelled on', 'Seller GSTIN', 'ERP page'];

export function historyCsv(entries: LedgerEntry[]): string {
  const rows: CsvCell[][] = entries.map((e) => {
    const a = e.amounts ?? null;
    return [
      e.document.docDate, e.document.docType, e.document.docNo, e.buyerName ?? '', e.buyerGstin ?? '',
      a?.assVal, a?.igst, a?.cgst, a?.sgst, a?.cess, a?.other, a?.roundOff, e.totalValue,
      STATE_WORDS[e.state], e.irn ?? '', e.ackNo ?? '', oneDateFormat(e.ackDt), oneDateFormat(e.cancelDate),
      e.ewbNo ?? '', oneDateFormat(e.ewbDt), oneDateFormat(e.ewbValidTill), ewbStatus(e), oneDateFormat(e.ewbCancelDate),
      e.document.sellerGstin, e.source?.url ?? '',
    ];
  });
  return toCsv(HEADER, rows);
}
