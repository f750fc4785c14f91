/** What the confirm panel shows about a mapped invoice: enough for a clerk to recognise it. */
import type { DocType } from '@irn-bridge/shared/api/contract';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';

export interface InvoiceSummary {
  docType: DocType;
  docNo: string;
  docDate: string;
  seller: { name: string; gstin: string };
  buyer: { name: string; gstin: string };
  total: number;
  itemCount: number;
}

export const DOC_TYPE_LABEL: Record<DocType, string> = { INV: 'Invoice', CRN: 'Credit note', DBN: 'Debit note' };

export function summarize(inv: Inv01Invoice): InvoiceSummary {
  const t = String(inv.DocDtls?.Typ ?? 'INV').toUpperCase();
  return {
    docType: (t === 'CRN' || t === 'DBN' ? t : 'INV') as DocType,
    docNo: inv.DocDtls?.No ?? '',
    docDate: inv.DocDtls?.Dt ?? '',
    seller: { name: inv.SellerDtls?.LglNm ?? '', gstin: inv.SellerDtls?.Gstin ?? '' },
    buyer: { name: inv.BuyerDtls?.LglNm ?? '', gstin: inv.BuyerDtls?.Gstin ?? '' },
    total: Number(inv.ValDtls?.TotInvVal ?? 0),
    itemCount: Array.isArray(inv.ItemList) ? inv.ItemList.length : 0,
  };
}
