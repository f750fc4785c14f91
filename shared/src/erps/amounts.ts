/** Arithmetic both mappings share: one item line's INV-01 amounts, and the invoice's ValDtls sums. */
import type { Inv01Item, Inv01ValDtls } from '../invoice/types';
import { round2, round3 } from './util';

export interface LineAmounts {
  qty: number;
  /** The ERP's list price or unit price before discount (company currency). */
  listPrice: number;
  /** Taxable value after every discount (company currency). */
  taxable: number;
}

/**
 * Qty, UnitPrice, TotAmt, Discount and AssAmt that satisfy the IRP's item arithmetic
 * (TotAmt = Qty × UnitPrice, AssAmt = TotAmt − Discount). The ERP's list price is kept when it
 * explains the taxable value with a non-negative discount; otherwise the unit price is derived
 * from the taxable value (as India Compliance does) and the discount is zero.
 */
export function lineAmounts({ qty, listPrice, taxable }: LineAmounts) {
  const Qty = round3(qty);
  const AssAmt = round2(taxable);
  let UnitPrice = round3(listPrice);
  let TotAmt = round2(Qty * UnitPrice);
  let Discount = round2(TotAmt - AssAmt);
  if (!(Qty > 0) || !(UnitPrice > 0) || Discount < 0) {
    UnitPrice = Qty > 0 ? round3(AssAmt / Qty) : AssAmt;
    TotAmt = round2((Qty > 0 ? Qty : 1) * UnitPrice);
    Discount = Math.max(0, round2(TotAmt - AssAmt));
  }
  return { Qty, UnitPrice, TotAmt, Discount, AssAmt };
}

/** TotItemVal = AssAmt + every tax and cess + OthChrg, rounded to paise. */
export function itemTotal(item: Omit<Inv01Item, 'TotItemVal'>): number {
  return round2(
    item.AssAmt +
      (item.IgstAmt ?? 0) +
      (item.CgstAmt ?? 0) +
      (item.SgstAmt ?? 0) +
      (item.CesAmt ?? 0) +
      (item.CesNonAdvlAmt ?? 0) +
      (item.StateCesAmt ?? 0) +
      (item.StateCesNonAdvlAmt ?? 0) +
      (item.OthChrg ?? 0),
  );
}

/** ValDtls from the items, with the invoice-level figures the ERP decides (charges, round-off, total). */
export function valueTotals(
  items: Inv01Item[],
  invoiceLevel: { othChrg: number; rndOffAmt: number; totInvVal: number; totInvValFc?: number },
): Inv01ValDtls {
  const sum = (pick: (i: Inv01Item) => number | undefined) => round2(items.reduce((s, i) => s + (pick(i) ?? 0), 0));
  const v: Inv01ValDtls = {
    AssVal: sum((i) => i.AssAmt),
    CgstVal: sum((i) => i.CgstAmt),
    SgstVal: sum((i) => i.SgstAmt),
    IgstVal: sum((i) => i.IgstAmt),
    CesVal: sum((i) => (i.CesAmt ?? 0) + (i.CesNonAdvlAmt ?? 0)),
    StCesVal: sum((i) => (i.StateCesAmt ?? 0) + (i.StateCesNonAdvlAmt ?? 0)),
    Discount: 0,
    OthChrg: round2(invoiceLevel.othChrg),
    RndOffAmt: round2(invoiceLevel.rndOffAmt),
    TotInvVal: round2(invoiceLevel.totInvVal),
  };
  if (invoiceLevel.totInvValFc !== undefined) v.TotInvValFc = round2(invoiceLevel.totInvValFc);
  return v;
}
