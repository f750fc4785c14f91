/**
 * What the history shows of a ledger row beyond its key and state: the buyer's name and the tax
 * figures of the stored INV-01 (ValDtls, as registered), and where the invoice came from.
 */
import type { InvoiceSource, LedgerEntry } from '@irn-bridge/shared/api/contract';

type HistoryFields = Pick<LedgerEntry, 'buyerName' | 'amounts' | 'source'>;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.isFinite(Number(v)) && v !== null && v !== '' ? Number(v) : 0);
const parse = (json: string | null | undefined): unknown => {
  if (!json) return null;
  try { return JSON.parse(json); } catch { return null; }
};

export function historyFieldsOf(r: { request_json: string; source_json?: string | null }): HistoryFields {
  const inv = parse(r.request_json) as { BuyerDtls?: { LglNm?: unknown }; ValDtls?: Record<string, unknown> } | null;
  const v = inv?.ValDtls;
  const source = parse(r.source_json) as InvoiceSource | null;
  return {
    buyerName: typeof inv?.BuyerDtls?.LglNm === 'string' ? inv.BuyerDtls.LglNm : null,
    amounts: v && typeof v === 'object' ? {
      assVal: num(v.AssVal), igst: num(v.IgstVal), cgst: num(v.CgstVal), sgst: num(v.SgstVal),
      cess: Math.round((num(v.CesVal) + num(v.StCesVal)) * 100) / 100, other: num(v.OthChrg), roundOff: num(v.RndOffAmt),
    } : null,
    source: source && typeof source.url === 'string' ? source : null,
  };
}
