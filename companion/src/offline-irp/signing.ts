/**
 * SignedInvoice and SignedQRCode as NIC lays them out: RS256 compact JWS, header
 * {alg, kid, typ, x5t}, payload {"data": "<JSON text>", "iss": "NIC Sandbox"}, with `data` a string.
 */
import { CompactSign } from 'jose';
import type { OfflineIrpKeys } from './keys';

export const SIGNED_ISSUER = 'NIC Sandbox';

export async function signData(keys: OfflineIrpKeys, data: unknown): Promise<string> {
  const payload = JSON.stringify({ data: JSON.stringify(data), iss: SIGNED_ISSUER });
  return new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT', x5t: keys.x5t })
    .sign(keys.signingKey);
}

type Item = Record<string, unknown>;

/** The QR payload, fields in NIC's order; MainHsnCode = HSN of the item with the highest taxable value. */
export function qrData(inv: Record<string, any>, irn: string, ackDt: string) {
  const items: Item[] = inv.ItemList ?? [];
  let main: Item | undefined;
  for (const it of items) if (!main || Number(it.AssAmt ?? 0) > Number(main.AssAmt ?? 0)) main = it;
  return {
    SellerGstin: inv.SellerDtls?.Gstin,
    BuyerGstin: inv.BuyerDtls?.Gstin,
    DocNo: inv.DocDtls?.No,
    DocTyp: String(inv.DocDtls?.Typ ?? '').toUpperCase(),
    DocDt: inv.DocDtls?.Dt,
    TotInvVal: inv.ValDtls?.TotInvVal,
    ItemCnt: items.length,
    MainHsnCode: main?.HsnCd ?? null,
    Irn: irn,
    IrnDt: ackDt,
  };
}

/** The signed invoice: AckNo, AckDt, Irn first, then the invoice with `ItemNo` before each item's fields. */
export function signedInvoiceData(inv: Record<string, any>, ack: { AckNo: number; AckDt: string; Irn: string }) {
  const out: Record<string, unknown> = { ...ack };
  for (const [k, v] of Object.entries(inv)) {
    if (k === 'AckNo' || k === 'AckDt' || k === 'Irn') continue;
    out[k] = k === 'ItemList' && Array.isArray(v) ? v.map((it: Item) => ({ ItemNo: 0, ...it })) : v;
  }
  return out;
}
