/**
 * Item and invoice arithmetic, tax type by place of supply, and the item master checks (HSN, unit,
 * GST rate). Amounts are compared with the IRP's ±1 rupee tolerance.
 */
import { money } from './collector';
import { field, num, off, rec, str, type Rec, type RuleContext } from './rule-helpers';
import { normalizeStateCode } from '../codes/states';
import { normalizeSupplyType } from '../codes/supply-types';
import { normalizeDocType } from '../codes/doc-types';
import { isUnitCode } from '../codes/units';
import { isGstRate } from '../codes/gst-rates';
import { isKnownHsn, isSacCode } from '../codes/hsn';

type TaxMode = 'intra' | 'inter' | 'export' | 'sez';

/** How tax must be charged: CGST+SGST within a state, IGST across states, exports and SEZ. */
function taxModeOf(inv: Rec, ok: (p: string) => boolean): TaxMode | null {
  const tran = rec(field(inv, 'TranDtls'));
  const supTyp = normalizeSupplyType(str(tran, 'SupTyp') ?? '');
  if (supTyp === 'EXPWP' || supTyp === 'EXPWOP') return 'export';
  if (supTyp === 'SEZWP' || supTyp === 'SEZWOP') return 'sez';
  if (!ok('SellerDtls.Stcd') || !ok('BuyerDtls.Pos')) return null;
  const s = normalizeStateCode(str(rec(field(inv, 'SellerDtls')), 'Stcd') ?? '');
  const pos = normalizeStateCode(str(rec(field(inv, 'BuyerDtls')), 'Pos') ?? '');
  if (!s || !pos) return null;
  return s === pos && str(tran, 'IgstOnIntra') !== 'Y' ? 'intra' : 'inter';
}

interface Sums {
  AssVal: number;
  CgstVal: number;
  SgstVal: number;
  IgstVal: number;
  CesVal: number;
  StCesVal: number;
  OthChrg: number;
  TotItemVal: number;
}
type SumKey = keyof Sums;

export function checkItemsAndTotals(inv: Rec, ctx: RuleContext): void {
  const { c, o } = ctx;
  const items = field(inv, 'ItemList');
  if (!Array.isArray(items)) return;
  if (items.length === 0) {
    if (!c.hasErrorAt('ItemList')) c.add('ItemList', '2228', 'The invoice has no items.', 'Add at least one item.');
    return;
  }
  if (items.length > o.maxItems) {
    c.add('ItemList', '2173', `The invoice has ${items.length} items; the IRP accepts at most ${o.maxItems}.`, 'Split it into several invoices.');
    return;
  }
  const mode = taxModeOf(inv, ctx.ok);
  const supTyp = normalizeSupplyType(str(rec(field(inv, 'TranDtls')), 'SupTyp') ?? '');
  const withoutPayment = supTyp === 'EXPWOP' || supTyp === 'SEZWOP';
  const reverseCharge = str(rec(field(inv, 'TranDtls')), 'RegRev') === 'Y';
  const sums: Sums = { AssVal: 0, CgstVal: 0, SgstVal: 0, IgstVal: 0, CesVal: 0, StCesVal: 0, OthChrg: 0, TotItemVal: 0 };
  /** Totals that cannot be checked because some item's amount is unusable. */
  const unusable = new Set<SumKey>();
  const seenSlNo = new Map<string, number>();
  let anyGoods = false;

  items.forEach((raw, i) => {
    const it = rec(raw);
    const p = `ItemList[${i}]`;
    if (!it) {
      for (const k of Object.keys(sums) as SumKey[]) unusable.add(k);
      return;
    }
    const ok = (f: string) => ctx.ok(`${p}.${f}`);
    const amt = (f: string): number | undefined => (ok(f) ? num(it, f) ?? (field(it, f) === undefined ? 0 : undefined) : undefined);
    const hsn = ok('HsnCd') ? str(it, 'HsnCd') : undefined;
    const slNo = str(it, 'SlNo');
    const name = `Item ${i + 1}${slNo ? ` (Sl. No. ${slNo}` + (hsn ? `, HSN ${hsn})` : ')') : ''}`;

    if (slNo !== undefined && ok('SlNo')) {
      const first = seenSlNo.get(slNo);
      if (first !== undefined) c.add(`${p}.SlNo`, '2233', `${name} repeats the serial number of item ${first + 1}.`, 'Give every item a different serial number (SlNo).');
      else seenSlNo.set(slNo, i);
    }
    const isServc = str(it, 'IsServc');
    if (isServc === 'N') anyGoods = true;
    if (hsn && o.checkHsn && !isKnownHsn(hsn)) {
      c.add(`${p}.HsnCd`, '2176', `${name}: HSN code ${hsn} is not in the HSN/SAC master.`, 'Check the HSN code of this item (4, 6 or 8 digits from the GST HSN list).');
    }
    if (hsn && isServc === 'Y' && !isSacCode(hsn)) {
      c.warn(`${p}.IsServc`, 'HSN_SERVICE_MISMATCH', `${name} is marked as a service, but ${hsn} is a goods HSN code.`, 'Services use SAC codes starting with 99; check IsServc or the HSN code.');
    } else if (hsn && isServc === 'N' && isSacCode(hsn)) {
      c.warn(`${p}.IsServc`, 'HSN_SERVICE_MISMATCH', `${name} is marked as goods, but ${hsn} is a service (SAC) code.`, 'Set IsServc to Y for a service, or check the HSN code.');
    }
    const unit = ok('Unit') ? str(it, 'Unit') : undefined;
    if (unit !== undefined && !isUnitCode(unit)) {
      c.add(`${p}.Unit`, '2177', `${name}: unit ${unit} is not a unit code the IRP knows.`, 'Use a GST unit quantity code such as NOS, PCS, KGS, LTR, MTR or BOX (OTH for others).');
    }
    if (isServc === 'N') {
      if (field(it, 'Qty') === undefined) c.add(`${p}.Qty`, '2238', `${name}: goods need a quantity.`, 'Enter the quantity (Qty).');
      if (field(it, 'Unit') === undefined) c.add(`${p}.Unit`, '2239', `${name}: goods need a unit.`, 'Enter the unit code (Unit), e.g. NOS.');
    }
    const gstRt = ok('GstRt') ? num(it, 'GstRt') : undefined;
    if (gstRt !== undefined && !isGstRate(gstRt)) {
      c.add(`${p}.GstRt`, '2240', `${name}: ${gstRt}% is not a GST rate.`, 'Use the item\'s combined GST rate, e.g. 5, 12, 18 or 28 (not the CGST or SGST half).');
    }

    // Item arithmetic.
    const qty = ok('Qty') ? num(it, 'Qty') : undefined;
    const unitPrice = ok('UnitPrice') ? num(it, 'UnitPrice') : undefined;
    const totAmt = ok('TotAmt') ? num(it, 'TotAmt') : undefined;
    const discount = amt('Discount');
    const assAmt = ok('AssAmt') ? num(it, 'AssAmt') : undefined;
    if (qty === 0 && totAmt !== undefined && totAmt !== 0) {
      // A value-only line (a price difference on a debit note): the NIC sandbox registered Qty 0 with
      // UnitPrice = TotAmt = 100 (India Compliance's test data "debit_invoice"), so 2192 is not applied to it.
      c.warn(`${p}.Qty`, 'VALUE_ONLY_LINE', `${name} has quantity 0 and an amount of ${money(totAmt)}: it is sent as a value-only line.`, 'That is right for a price difference; otherwise enter the quantity.');
    } else if (qty !== undefined && unitPrice !== undefined && totAmt !== undefined && off(qty * unitPrice, totAmt)) {
      c.add(`${p}.TotAmt`, '2192', `${name}: the gross amount ${money(totAmt)} is not quantity × unit price (${qty} × ${unitPrice} = ${money(qty * unitPrice)}).`, 'Correct the quantity, unit price or gross amount (TotAmt).');
    }
    if (totAmt !== undefined && discount !== undefined && assAmt !== undefined && off(totAmt - discount, assAmt)) {
      c.add(`${p}.AssAmt`, '2193', `${name}: the taxable value ${money(assAmt)} is not gross amount minus discount (${money(totAmt)} − ${money(discount)} = ${money(totAmt - discount)}).`, 'Correct the taxable value (AssAmt) or the discount.');
    }
    const igst = amt('IgstAmt');
    const cgst = amt('CgstAmt');
    const sgst = amt('SgstAmt');
    const ces = amt('CesAmt');
    const cesNonAdvl = amt('CesNonAdvlAmt');
    const stCes = amt('StateCesAmt');
    const stCesNonAdvl = amt('StateCesNonAdvlAmt');
    const othChrg = amt('OthChrg');
    const totItemVal = ok('TotItemVal') ? num(it, 'TotItemVal') : undefined;
    const parts = [assAmt, igst, cgst, sgst, ces, cesNonAdvl, stCes, stCesNonAdvl, othChrg];
    if (totItemVal !== undefined && parts.every((x) => x !== undefined)) {
      const expected = (parts as number[]).reduce((a, b) => a + b, 0);
      // Under reverse charge the buyer pays the tax: India Compliance sends TotItemVal = AssAmt (+ other
      // charges) without the tax (utils/e_invoice.py update_item_details), and the IRP registers it.
      const withoutTax = (assAmt as number) + (othChrg as number);
      if (off(expected, totItemVal) && !(reverseCharge && !off(withoutTax, totItemVal))) {
        c.add(`${p}.TotItemVal`, '2194', `${name}: the item total ${money(totItemVal)} is not taxable value plus taxes, cess and other charges (${money(expected)}).`, 'Correct the item total (TotItemVal) or the amounts it adds up.');
      }
    }

    // Tax type by place of supply, then the amount for the rate.
    let taxTypeOk = true;
    if (mode === 'intra') {
      if (igst !== undefined && igst > 0) {
        taxTypeOk = false;
        c.add(`${p}.IgstAmt`, '2172', `${name}: IGST is charged on an intra-state supply (seller's state = place of supply).`, 'Charge CGST and SGST instead of IGST, or correct the place of supply.');
      }
      if (cgst !== undefined && sgst !== undefined) {
        if (Math.abs(cgst - sgst) > 0.01) {
          taxTypeOk = false;
          c.add(`${p}.SgstAmt`, '2227', `${name}: CGST (${money(cgst)}) and SGST (${money(sgst)}) must be equal.`, 'Split the GST equally between CGST and SGST.');
        } else if (cgst === 0 && sgst === 0 && gstRt !== undefined && assAmt !== undefined && assAmt * gstRt / 100 > 1 && !withoutPayment) {
          taxTypeOk = false;
          c.add(`${p}.CgstAmt`, '2241', `${name}: an intra-state supply at ${gstRt}% needs CGST and SGST amounts.`, `Enter CGST and SGST of ${money(assAmt * gstRt / 200)} each.`);
        }
      }
    } else if (mode !== null && ((cgst ?? 0) > 0 || (sgst ?? 0) > 0)) {
      taxTypeOk = false;
      const [code, why] =
        mode === 'export' ? ['2180', 'an export'] : mode === 'sez' ? ['2237', 'a supply to an SEZ'] : ['2174', 'an inter-state supply (seller\'s state differs from the place of supply)'];
      c.add(`${p}.${(cgst ?? 0) > 0 ? 'CgstAmt' : 'SgstAmt'}`, code, `${name}: CGST and SGST are charged on ${why}.`, 'Charge IGST instead of CGST and SGST, or correct the place of supply.');
    }
    if (taxTypeOk && mode !== null && !withoutPayment && gstRt !== undefined && assAmt !== undefined) {
      const expected = assAmt * gstRt / 100;
      if (mode === 'intra' && cgst !== undefined && sgst !== undefined && off(cgst + sgst, expected)) {
        c.add(`${p}.CgstAmt`, '2234', `${name}: CGST + SGST (${money(cgst + sgst)}) is not ${gstRt}% of the taxable value ${money(assAmt)} (${money(expected)}).`, `Enter CGST and SGST of ${money(expected / 2)} each, or correct the rate.`);
      } else if (mode !== 'intra' && igst !== undefined && off(igst, expected)) {
        c.add(`${p}.IgstAmt`, '2235', `${name}: IGST (${money(igst)}) is not ${gstRt}% of the taxable value ${money(assAmt)} (${money(expected)}).`, `Enter IGST of ${money(expected)}, or correct the rate.`);
      }
    }
    const cesRt = ok('CesRt') ? num(it, 'CesRt') : undefined;
    if (cesRt !== undefined && assAmt !== undefined && ces !== undefined && off(ces, assAmt * cesRt / 100)) {
      c.add(`${p}.CesAmt`, '2266', `${name}: cess (${money(ces)}) is not ${cesRt}% of the taxable value (${money(assAmt * cesRt / 100)}).`, 'Correct the cess amount or the cess rate.');
    }
    const stCesRt = ok('StateCesRt') ? num(it, 'StateCesRt') : undefined;
    if (stCesRt !== undefined && assAmt !== undefined && stCes !== undefined && off(stCes, assAmt * stCesRt / 100)) {
      c.add(`${p}.StateCesAmt`, '2267', `${name}: state cess (${money(stCes)}) is not ${stCesRt}% of the taxable value (${money(assAmt * stCesRt / 100)}).`, 'Correct the state cess amount or rate.');
    }

    const add = (k: SumKey, ...xs: (number | undefined)[]) => {
      if (xs.some((x) => x === undefined)) unusable.add(k);
      else sums[k] += (xs as number[]).reduce((a, b) => a + b, 0);
    };
    add('AssVal', assAmt);
    add('CgstVal', cgst);
    add('SgstVal', sgst);
    add('IgstVal', igst);
    add('CesVal', ces, cesNonAdvl);
    add('StCesVal', stCes, stCesNonAdvl);
    add('OthChrg', othChrg);
    add('TotItemVal', totItemVal);
  });

  checkTotals(inv, ctx, sums, unusable, reverseCharge);
  const ewb = rec(field(inv, 'EwbDtls'));
  const typ = normalizeDocType(str(rec(field(inv, 'DocDtls')), 'Typ') ?? '');
  if (ewb && !anyGoods && typ === 'INV') {
    c.add('EwbDtls', '2251', 'An e-way bill needs at least one goods item; this invoice has only services.', 'Remove the e-way bill details (EwbDtls).');
  }
}

const TOTAL_RULES: readonly [SumKey, string, string][] = [
  ['AssVal', '2182', 'taxable value'],
  ['CgstVal', '2184', 'CGST'],
  ['SgstVal', '2183', 'SGST'],
  ['IgstVal', '2185', 'IGST'],
  ['CesVal', '2186', 'cess (including non-ad-valorem cess)'],
  ['StCesVal', '2187', 'state cess (including non-ad-valorem state cess)'],
];

function checkTotals(inv: Rec, { c, ok }: RuleContext, sums: Sums, unusable: Set<SumKey>, reverseCharge: boolean): void {
  const val = rec(field(inv, 'ValDtls'));
  if (!val) return;
  const total = (k: string): number | undefined => (ok(`ValDtls.${k}`) ? num(val, k) ?? (field(val, k) === undefined ? 0 : undefined) : undefined);
  for (const [k, code, label] of TOTAL_RULES) {
    const given = total(k);
    if (given === undefined || unusable.has(k)) continue;
    if (off(given, sums[k])) {
      c.add(`ValDtls.${k}`, code, `The invoice ${label} total ${money(given)} is not the sum of the items (${money(sums[k])}).`, `Set ValDtls.${k} to ${money(sums[k])}, or correct the items.`);
    }
  }
  const othChrg = total('OthChrg');
  if (othChrg !== undefined && !unusable.has('OthChrg') && sums.OthChrg > 0 && off(othChrg, sums.OthChrg)) {
    // Warning only: sources disagree on whether ValDtls.OthChrg repeats the items' other charges.
    c.warn('ValDtls.OthChrg', '2264', `The invoice's other charges ${money(othChrg)} differ from the items' other charges (${money(sums.OthChrg)}).`, 'Check that other charges are not missing or counted twice.');
  }
  const totInvVal = total('TotInvVal');
  const discount = total('Discount');
  const rndOff = total('RndOffAmt');
  if (totInvVal !== undefined && discount !== undefined && othChrg !== undefined && rndOff !== undefined && !unusable.has('TotItemVal')) {
    const expected = sums.TotItemVal - discount + othChrg + rndOff;
    // Reverse charge: the invoice total may leave the tax out (India Compliance's TotInvVal is the
    // grand total, which excludes the buyer-paid tax: utils/transaction_data.py update_discount_and_other_charges).
    const parts: SumKey[] = ['AssVal', 'OthChrg', 'CgstVal', 'SgstVal', 'IgstVal', 'CesVal', 'StCesVal'];
    const withoutTax = sums.AssVal + sums.OthChrg - discount + othChrg + rndOff;
    const withTax = withoutTax + sums.CgstVal + sums.SgstVal + sums.IgstVal + sums.CesVal + sums.StCesVal;
    const rcmAccepts = reverseCharge && parts.every((k) => !unusable.has(k)) && (!off(withoutTax, totInvVal) || !off(withTax, totInvVal));
    if (off(expected, totInvVal) && !rcmAccepts) {
      c.add('ValDtls.TotInvVal', '2189', `The invoice total ${money(totInvVal)} is not the items' total minus discount plus other charges and rounding (${money(expected)}).`, `Set the invoice total to ${money(expected)}, or correct the amounts it adds up.`);
    }
  }
  if (totInvVal !== undefined && discount !== undefined && discount > 0 && discount >= totInvVal) {
    c.add('ValDtls.Discount', '2220', `The invoice discount ${money(discount)} is not less than the invoice total ${money(totInvVal)}.`, 'Correct the discount: it must be less than the invoice total.');
  }
}
