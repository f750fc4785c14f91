/**
 * What a recipe read → INV-01. Pages seldom show every INV-01 figure, so the mapping derives what is
 * missing the way the IRP checks it: taxable value from gross amount and discount (or quantity ×
 * price), tax from the rate, CGST+SGST or IGST from the seller's state against the place of supply,
 * item and invoice totals from the lines. Figures the page does show are kept, so the validator can
 * catch a recipe that reads the wrong cell; a line total that disagrees with the page is an error.
 */
import { STATES } from '../../codes/states';
import type { ValidationIssue } from '../../invoice/issue';
import type { Inv01Buyer, Inv01Invoice, Inv01Item, Inv01Party, Inv01ValDtls } from '../../invoice/types';
import { itemTotal, lineAmounts, valueTotals } from '../amounts';
import type { DomFieldSource, JsonFieldSource, Recipe, RecipeDefaultValue, RecipeRawValue, RecipeValues } from './types';
import { valueKind, type RecipeField, type RecipeItemField, type RecipeParse } from './fields';
import { readRecipeValue } from './values';
import {
  MappingIssues, email, hsn, isServiceHsn, leadingStateCode, optionalText, phone, pin, round2, round3, text, unitCode,
} from '../util';

export interface RecipeMapOptions {
  /** Mapping problems (a selector that found nothing, a value that is not a number…) are appended here. */
  issues?: ValidationIssue[];
}

/** Without these the invoice cannot be registered: a selector that finds nothing for them is an error. */
const BLOCKING = new Set<string>([
  'DocDtls.No', 'DocDtls.Dt', 'SellerDtls.Gstin', 'SellerDtls.LglNm', 'SellerDtls.Addr1', 'SellerDtls.Loc', 'SellerDtls.Pin',
  'BuyerDtls.Gstin', 'BuyerDtls.LglNm', 'BuyerDtls.Addr1', 'BuyerDtls.Loc', 'BuyerDtls.Pin', 'BuyerDtls.Pos',
  'ValDtls.TotInvVal', 'HsnCd', 'Qty', 'UnitPrice', 'TotAmt', 'AssAmt', 'GstRt', 'IgstAmt', 'CgstAmt', 'SgstAmt', 'TaxAmt', 'TotItemVal',
]);
const FIX_HINT = 'Check the recipe against the invoice page, then import the corrected recipe in IRN Bridge options → Recipes.';

type Value = string | number | undefined;
type Spec = DomFieldSource | JsonFieldSource | undefined;

function describe(spec: Spec): string {
  if (spec === undefined) return 'nothing';
  if (typeof spec === 'string') return `"${spec}"`;
  const s = 'selector' in spec ? spec.selector : spec.path;
  return `"${s}"${'attr' in spec && spec.attr ? ` (attribute ${spec.attr})` : ''}`;
}
const parseOf = (spec: Spec): RecipeParse | undefined => (spec && typeof spec === 'object' ? spec.parse : undefined);
const present = (raw: RecipeRawValue | RecipeDefaultValue | undefined): raw is string | number | boolean =>
  raw !== undefined && raw !== null && String(raw).trim() !== '';

/** Reads one value: the page's when present, else the recipe's default; explains failures in the issue list. */
class RecipeReader {
  constructor(private readonly recipe: Recipe, private readonly values: RecipeValues, private readonly issues: MappingIssues) {}

  private read(path: string, key: string, raw: RecipeRawValue | undefined, spec: Spec, dflt: RecipeDefaultValue | undefined, missingKey: string): Value {
    const name = `"${this.recipe.label}"`;
    if (present(raw)) {
      const r = readRecipeValue(raw, valueKind(key), parseOf(spec));
      if (r.ok) return r.value;
      this.issues.error(path, `Recipe ${name} read "${String(raw).slice(0, 40)}" for ${key} (from ${describe(spec)}), which ${r.reason}.`, FIX_HINT);
      return undefined;
    }
    if (present(dflt)) {
      const r = readRecipeValue(dflt, valueKind(key), undefined);
      if (r.ok) return r.value;
      this.issues.error(path, `Recipe ${name}: the default for ${key} ("${dflt}") ${r.reason}.`, FIX_HINT);
      return undefined;
    }
    if (this.values.missing.includes(missingKey)) {
      const say = BLOCKING.has(key) ? this.issues.error.bind(this.issues) : this.issues.warning.bind(this.issues);
      const what = this.recipe.source.kind === 'dom' ? 'nothing on the page matches' : 'the JSON has nothing at';
      say(path, `Recipe ${name}: ${what} ${describe(spec)} for ${key}.`, FIX_HINT);
    }
    return undefined;
  }

  field(f: RecipeField): Value {
    const path = f.startsWith('RefDtls.PrecDocDtls.') ? f.replace('PrecDocDtls.', 'PrecDocDtls[0].') : f;
    return this.read(path, f, this.values.fields[f], this.recipe.source.fields[f], this.recipe.defaults?.[f], f);
  }

  item(i: number, f: RecipeItemField): Value {
    const spec = this.recipe.source.items.fields[f];
    return this.read(`ItemList[${i}].${f}`, f, this.values.items[i]?.[f], spec, this.recipe.itemDefaults?.[f], `items[${i}].${f}`);
  }

  noRows(): void {
    if (this.values.items.length > 0) return;
    const src = this.recipe.source;
    const where = src.kind === 'dom' ? `selector "${src.items.rowSelector}"` : `path "${src.items.path}"`;
    if (this.values.missing.includes('items')) {
      this.issues.error('ItemList', `Recipe "${this.recipe.label}": no item rows found with the ${where}.`, FIX_HINT);
    }
  }
}

const num = (v: Value): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: Value): string => (v === undefined ? '' : String(v).trim());

const STATE_BY_NAME = new Map(Object.entries(STATES).map(([code, name]) => [name.toLowerCase().replace(/[^a-z]/g, ''), code]));

/** The state code a GSTIN starts with ("29AAHCA…" → "29"). */
const gstinState = (g: string) => (/^\d{2}/.exec(g)?.[0] ?? '');

/** "29", "29-Karnataka", "Karnataka" → "29"; '' when unknown. */
export function stateCodeOf(v: Value): string {
  const s = str(v);
  return leadingStateCode(s) || STATE_BY_NAME.get(s.toLowerCase().replace(/[^a-z]/g, '')) || '';
}

function docType(v: Value): 'INV' | 'CRN' | 'DBN' {
  const s = str(v).toUpperCase();
  if (s === 'CRN' || s.includes('CREDIT')) return 'CRN';
  if (s === 'DBN' || s.includes('DEBIT')) return 'DBN';
  return 'INV';
}
const yesNo = (v: Value): 'Y' | 'N' | undefined => {
  const s = str(v).toLowerCase();
  if (['y', 'yes', 'true', '1'].includes(s)) return 'Y';
  if (['n', 'no', 'false', '0'].includes(s)) return 'N';
  return undefined;
};

function party(r: RecipeReader, who: 'SellerDtls' | 'BuyerDtls') {
  const f = (k: string) => r.field(`${who}.${k}` as RecipeField);
  const ph = phone(f('Ph'));
  const em = email(str(f('Em')));
  const trd = text(f('TrdNm'));
  const addr2 = optionalText(f('Addr2'), 3);
  return {
    Gstin: str(f('Gstin')).toUpperCase().replace(/\s+/g, ''),
    LglNm: text(f('LglNm')) ?? '',
    ...(trd ? { TrdNm: trd } : {}),
    Addr1: text(f('Addr1')) ?? '',
    ...(addr2 ? { Addr2: addr2 } : {}),
    Loc: text(f('Loc'), 50) ?? '',
    Pin: pin(f('Pin')),
    Stcd: stateCodeOf(f('Stcd')),
    ...(ph ? { Ph: ph } : {}),
    ...(em ? { Em: em } : {}),
  };
}

interface TaxPlan {
  /** IGST rather than CGST+SGST: inter-state, SEZ, export. */
  igst: boolean;
  /** Exports and SEZ supplies without payment of tax. */
  withoutPayment: boolean;
}

function mapItem(r: RecipeReader, i: number, plan: TaxPlan, positive: boolean, issues: MappingIssues): Inv01Item {
  const p = `ItemList[${i}]`;
  const amount = (f: RecipeItemField) => {
    const v = num(r.item(i, f));
    return v === undefined ? undefined : positive ? Math.abs(v) : v;
  };
  const code = hsn(r.item(i, 'HsnCd'));
  const qtyGiven = amount('Qty');
  const qty = qtyGiven ?? 1;
  const unitPrice = amount('UnitPrice');
  const totAmt = amount('TotAmt');
  const discount = amount('Discount') ?? 0;
  const assGiven = amount('AssAmt');
  const taxable = assGiven ?? (totAmt !== undefined ? totAmt - discount : unitPrice !== undefined ? qty * unitPrice - discount : 0);
  const listPrice = unitPrice ?? (qty ? (totAmt ?? taxable + discount) / qty : 0);
  const amounts = lineAmounts({ qty, listPrice, taxable });

  let igst = amount('IgstAmt');
  let cgst = amount('CgstAmt');
  let sgst = amount('SgstAmt');
  const taxGiven = amount('TaxAmt');
  let rate = num(r.item(i, 'GstRt'));
  const shownTax = (igst ?? 0) + (cgst ?? 0) + (sgst ?? 0);
  const anySplit = igst !== undefined || cgst !== undefined || sgst !== undefined;
  if (rate === undefined && amounts.AssAmt > 0 && (anySplit || taxGiven !== undefined)) {
    // Only the tax is shown: the rate is the nearest whole or half percent.
    rate = Math.round(((anySplit ? shownTax : taxGiven!) / amounts.AssAmt) * 200) / 2;
  }
  if (rate === undefined) issues.error(`${p}.GstRt`, `Item ${i + 1}: the recipe gives no GST rate or tax for this line.`, FIX_HINT);
  if (!anySplit) {
    const tax = plan.withoutPayment ? 0 : taxGiven ?? round2((amounts.AssAmt * (rate ?? 0)) / 100);
    if (plan.igst) igst = tax;
    else {
      cgst = round2(tax / 2);
      sgst = round2(tax - cgst);
    }
  }
  const cesRt = num(r.item(i, 'CesRt')) ?? 0;
  const ces = amount('CesAmt') ?? round2((amounts.AssAmt * cesRt) / 100);

  const unitRaw = r.item(i, 'Unit');
  let Unit = unitCode(str(unitRaw)) ?? undefined;
  const IsServc = yesNo(r.item(i, 'IsServc')) ?? (isServiceHsn(code) ? 'Y' : 'N');
  if (!Unit && (IsServc === 'N' || str(unitRaw))) {
    Unit = 'OTH';
    issues.warning(`${p}.Unit`, `Item ${i + 1}: ${str(unitRaw) ? `the unit "${str(unitRaw)}" has no GST unit code` : 'the page shows no unit'}; it is sent as OTH (others).`, 'Map Unit in the recipe, or give it in itemDefaults (e.g. "NOS").');
  }
  const desc = optionalText(r.item(i, 'PrdDesc'), 3, 300);
  const barcode = text(r.item(i, 'Barcde'), 30);
  const item: Omit<Inv01Item, 'TotItemVal'> = {
    SlNo: String(i + 1),
    ...(desc ? { PrdDesc: desc } : {}),
    IsServc,
    HsnCd: code,
    ...(barcode ? { Barcde: barcode } : {}),
    Qty: amounts.Qty,
    ...(Unit ? { Unit } : {}),
    UnitPrice: amounts.UnitPrice,
    TotAmt: amounts.TotAmt,
    Discount: amounts.Discount,
    AssAmt: amounts.AssAmt,
    GstRt: round3(rate ?? 0),
    IgstAmt: round2(igst ?? 0),
    CgstAmt: round2(cgst ?? 0),
    SgstAmt: round2(sgst ?? 0),
    CesRt: round3(cesRt),
    CesAmt: round2(ces),
  };
  const total = itemTotal(item);
  const shown = amount('TotItemVal');
  if (shown !== undefined && Math.abs(shown - total) > 1) {
    issues.error(`${p}.TotItemVal`, `Item ${i + 1}: the page shows a line total of ${round2(shown)}, but the recipe's values add up to ${total}.`, 'A selector probably reads the wrong column, or the rate is wrong. ' + FIX_HINT);
  }
  return { ...item, TotItemVal: total };
}

/** Recipe + what it read → INV-01. Run `validateInvoice` on the result before sending it. */
export function mapRecipeDocument(recipe: Recipe, values: RecipeValues, options: RecipeMapOptions = {}): Inv01Invoice {
  const issues = new MappingIssues(options.issues);
  const r = new RecipeReader(recipe, values, issues);
  const Typ = docType(r.field('DocDtls.Typ'));
  // Credit notes are often printed with negative amounts; INV-01 wants them positive.
  const positive = Typ === 'CRN';
  const abs = (v: number | undefined) => (v === undefined ? undefined : Typ === 'CRN' ? Math.abs(v) : v);

  const SupTyp = str(r.field('TranDtls.SupTyp')).toUpperCase() || 'B2B';
  const isExport = SupTyp.startsWith('EXP');
  const seller = party(r, 'SellerDtls');
  const sellerDtls: Inv01Party = { ...seller, Stcd: seller.Stcd || gstinState(seller.Gstin) };
  const b = party(r, 'BuyerDtls');
  let buyer: Inv01Buyer;
  if (isExport) buyer = { ...b, Gstin: b.Gstin || 'URP', Pos: '96', Pin: 999999, Stcd: '96' };
  else {
    const Stcd = b.Stcd || gstinState(b.Gstin);
    buyer = { ...b, Stcd, Pos: stateCodeOf(r.field('BuyerDtls.Pos')) || Stcd };
  }
  const plan: TaxPlan = {
    igst: isExport || SupTyp.startsWith('SEZ') || (buyer.Pos !== '' && sellerDtls.Stcd !== buyer.Pos),
    withoutPayment: SupTyp.endsWith('WOP'),
  };

  r.noRows();
  const ItemList = values.items.map((_, i) => mapItem(r, i, plan, positive, issues));

  const othChrg = abs(num(r.field('ValDtls.OthChrg'))) ?? 0;
  const discount = abs(num(r.field('ValDtls.Discount'))) ?? 0;
  const itemsTotal = ItemList.reduce((s, it) => s + it.TotItemVal, 0);
  const computed = round2(itemsTotal + othChrg - discount);
  const shownTotal = abs(num(r.field('ValDtls.TotInvVal')));
  let rndOff = num(r.field('ValDtls.RndOffAmt'));
  // The page's total is kept (the validator compares it); within a rupee the gap is the ERP's round-off.
  if (rndOff === undefined) rndOff = shownTotal !== undefined && Math.abs(shownTotal - computed) < 1 ? round2(shownTotal - computed) : 0;
  const ValDtls: Inv01ValDtls = valueTotals(ItemList, { othChrg, rndOffAmt: rndOff, totInvVal: shownTotal ?? computed + rndOff });
  ValDtls.Discount = round2(discount);

  const regRev = yesNo(r.field('TranDtls.RegRev')) ?? 'N';
  const out: Inv01Invoice = {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp, RegRev: regRev },
    DocDtls: { Typ, No: str(r.field('DocDtls.No')), Dt: str(r.field('DocDtls.Dt')) },
    SellerDtls: sellerDtls,
    BuyerDtls: buyer,
    ItemList,
    ValDtls,
  };
  if (SupTyp === 'B2B' && buyer.Pos === sellerDtls.Stcd && (ValDtls.IgstVal ?? 0) > 0) out.TranDtls.IgstOnIntra = 'Y';
  if (Typ !== 'INV') {
    const InvNo = str(r.field('RefDtls.PrecDocDtls.InvNo'));
    const InvDt = str(r.field('RefDtls.PrecDocDtls.InvDt'));
    if (!InvNo || !InvDt) {
      issues.error('RefDtls.PrecDocDtls[0].InvNo', 'A credit or debit note must name the original invoice and its date.', 'Map RefDtls.PrecDocDtls.InvNo and RefDtls.PrecDocDtls.InvDt in the recipe.');
    }
    out.RefDtls = { PrecDocDtls: [{ InvNo, InvDt }] };
  }
  return out;
}
