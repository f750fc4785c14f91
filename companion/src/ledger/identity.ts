/**
 * Whether two invoices under one document number are the same invoice: what the ledger or the IRP
 * holds against what a request sends (buyer GSTIN, total, item count). Used before the ledger's IRN
 * is handed out and before an IRN the IRP already holds (2150, a lost answer) is accepted.
 */
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import type { LedgerRow } from './store';
import { qrFieldsOf } from './result';

/** The IRP's own rounding tolerance on the invoice total, in rupees. */
const TOTAL_TOLERANCE = 1;

export const CHANGED_HINT = 'A document number can be registered only once per financial year. Give the changed invoice a new number, or cancel the existing IRN first (within 24 hours) if it was a mistake.';

/** What must match between a registered document and a request for the same number. */
export interface Identity { buyer: string | null; total: number | null; items: number | null }

export const identityOf = (invoice: Inv01Invoice): Identity => ({
  buyer: buyerOf(invoice), total: totalOf(invoice), items: Array.isArray(invoice.ItemList) ? invoice.ItemList.length : null,
});

export function identityOfRow(row: LedgerRow): Identity {
  // A registered row: what the IRP signed is the truth (a 409 row settled by reconciling holds the IRP's invoice, not the request).
  const qr = qrFieldsOf(row.signed_qr_code);
  if (qr) return { buyer: qr.BuyerGstin ?? null, total: Number(qr.TotInvVal), items: Number(qr.ItemCnt) };
  let items: number | null = null;
  try {
    const list = (JSON.parse(row.request_json) as { ItemList?: unknown }).ItemList;
    if (Array.isArray(list)) items = list.length;
  } catch { /* an unreadable request: compare buyer and total only */ }
  return { buyer: row.buyer_gstin, total: row.total_value, items };
}

/** Buyer (case-insensitive), total within ±1 (the IRP's own rounding tolerance) and item count; unknowns never differ. */
export function differs(a: Identity, b: Identity): boolean {
  if ((a.buyer ?? '').toUpperCase() !== (b.buyer ?? '').toUpperCase()) return true;
  if (a.total != null && b.total != null && Number.isFinite(a.total) && Number.isFinite(b.total) && Math.abs(a.total - b.total) > TOTAL_TOLERANCE) return true;
  return a.items != null && b.items != null && Number.isFinite(a.items) && Number.isFinite(b.items) && a.items !== b.items;
}

export const describe = (i: Identity) => `buyer ${i.buyer ?? 'none'}, total ${i.total ?? '?'}, ${i.items ?? '?'} item${i.items === 1 ? '' : 's'}`;

export function buyerOf(invoice: Inv01Invoice): string | null {
  const g = (invoice as { BuyerDtls?: { Gstin?: unknown } }).BuyerDtls?.Gstin;
  return typeof g === 'string' ? g.trim().toUpperCase() : null;
}

export function totalOf(invoice: Inv01Invoice): number | null {
  const t = Number((invoice as { ValDtls?: { TotInvVal?: unknown } }).ValDtls?.TotInvVal);
  return Number.isFinite(t) ? t : null;
}
