/**
 * What will be registered, from the mapped INV-01 alone (the document the IRP signs), set beside
 * the ERP's own totals so the clerk sees where the two differ and why.
 */
import type { ErpTotals } from '@irn-bridge/shared/erps/module';
import { stateName } from '@irn-bridge/shared/codes/states';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';

export interface BreakdownLine {
  slNo: string;
  hsn: string;
  qty?: number;
  unit?: string;
  rate: number;
  taxable: number;
  gstRate: number;
  /** IGST or CGST + SGST, cess and state cess of the line. */
  tax: number;
  total: number;
}

export interface Breakdown {
  taxable: number;
  /** True when the IRP gets IGST (inter-state, export, SEZ), false for CGST + SGST. */
  igstSupply: boolean;
  igst: number;
  cgst: number;
  sgst: number;
  cess: number;
  stateCess: number;
  discount: number;
  otherCharges: number;
  roundOff: number;
  total: number;
  placeOfSupply: string;
  reverseCharge: boolean;
  /** For a credit or debit note: the invoice(s) it corrects. */
  original: Array<{ no: string; date: string }>;
  lines: BreakdownLine[];
}

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const r2 = (v: number) => Math.round(v * 100) / 100;

export function breakdown(inv: Inv01Invoice): Breakdown {
  const v = inv.ValDtls ?? ({} as Inv01Invoice['ValDtls']);
  const pos = String(inv.BuyerDtls?.Pos ?? '');
  const igst = n(v.IgstVal);
  const cgst = n(v.CgstVal);
  const sgst = n(v.SgstVal);
  const sellerState = String(inv.SellerDtls?.Stcd ?? '');
  return {
    taxable: n(v.AssVal),
    igstSupply: igst > 0 || (cgst === 0 && sgst === 0 && pos !== '' && pos !== sellerState),
    igst, cgst, sgst,
    cess: n(v.CesVal),
    stateCess: n(v.StCesVal),
    discount: n(v.Discount),
    otherCharges: n(v.OthChrg),
    roundOff: n(v.RndOffAmt),
    total: n(v.TotInvVal),
    placeOfSupply: pos ? `${pos} · ${stateName(pos) ?? 'unknown state'}` : 'not set',
    reverseCharge: inv.TranDtls?.RegRev === 'Y',
    original: (inv.RefDtls?.PrecDocDtls ?? []).map((d) => ({ no: d.InvNo, date: d.InvDt })),
    lines: (inv.ItemList ?? []).map((it) => ({
      slNo: it.SlNo,
      hsn: it.HsnCd,
      qty: it.Qty,
      unit: it.Unit,
      rate: n(it.UnitPrice),
      taxable: n(it.AssAmt),
      gstRate: n(it.GstRt),
      tax: r2(n(it.IgstAmt) + n(it.CgstAmt) + n(it.SgstAmt) + n(it.CesAmt) + n(it.CesNonAdvlAmt) + n(it.StateCesAmt) + n(it.StateCesNonAdvlAmt)),
      total: n(it.TotItemVal),
    })),
  };
}

/** One place where what the IRP gets differs from what the ERP shows. */
export interface TotalsDifference {
  what: 'total' | 'taxable' | 'tax';
  erp: number;
  irp: number;
}

/** Where the registered amounts differ from the ERP's own totals by more than a paisa. */
export function totalsDifferences(b: Breakdown, erp: ErpTotals): TotalsDifference[] {
  const tax = r2(b.igst + b.cgst + b.sgst + b.cess + b.stateCess);
  const out: TotalsDifference[] = [];
  const diff = (what: TotalsDifference['what'], e: number, i: number) => { if (Math.abs(e - i) > 0.01) out.push({ what, erp: e, irp: i }); };
  diff('total', erp.grandTotal, b.total);
  diff('taxable', erp.taxableTotal, b.taxable);
  // Other charges (freight, packing) are taxes-and-charges rows in the ERP but OthChrg at the IRP.
  diff('tax', erp.taxTotal, r2(tax + b.otherCharges));
  return out;
}
