/**
 * Business rules the IRP applies (its published validation rules, behind error codes such as
 * 2172, 2176, 2189) that need no live master data: place of supply and tax type, item and
 * invoice arithmetic (±1 tolerance, as the IRP), GSTIN relations, document type rules. Each
 * check runs only when the fields it reads passed the schema, so one wrong field gives one
 * issue rather than a cascade.
 */
import type { IssueCollector } from './collector';
import { compareDocDateToToday, parseDocDate } from '../dates';
import { hasValidGstinChecksum, gstinCheckChar, NIC_SANDBOX_TEST_GSTINS, GSTIN_SCHEMA_PATTERN } from '../gstin';
import { isStateCode, normalizeStateCode, stateName, OTHER_COUNTRY_STATE_CODE } from '../codes/states';
import { normalizeSupplyType } from '../codes/supply-types';
import { normalizeDocType } from '../codes/doc-types';
import { checkItemsAndTotals } from './validate-amounts';
import { rec, field, str, type Rec, type RuleContext, type RuleOptions } from './rule-helpers';

export type { RuleOptions } from './rule-helpers';

export function checkRules(invoice: unknown, c: IssueCollector, o: RuleOptions): void {
  const inv = rec(invoice);
  if (!inv) return;
  const schemaErrors = new Set(c.issues.filter((i) => i.severity === 'error').map((i) => i.path));
  const ctx: RuleContext = { c, o, ok: (p) => !schemaErrors.has(p) };
  checkDocument(inv, ctx);
  checkParties(inv, ctx);
  checkItemsAndTotals(inv, ctx);
}

function checkDocument(inv: Rec, { c, o, ok }: RuleContext): void {
  const doc = rec(field(inv, 'DocDtls'));
  const dt = str(doc, 'Dt');
  if (dt && ok('DocDtls.Dt') && compareDocDateToToday(dt, o.now) > 0) {
    c.add('DocDtls.Dt', '2218', `The document date ${dt} is in the future (today in India is earlier).`, 'Use today\'s date or an earlier one: the IRP does not register future-dated documents.');
  }
  const typ = normalizeDocType(str(doc, 'Typ') ?? '');
  const ref = rec(field(inv, 'RefDtls'));
  const prec = field(ref, 'PrecDocDtls');
  const hasPrec = Array.isArray(prec) && prec.length > 0;
  if ((typ === 'CRN' || typ === 'DBN') && !hasPrec) {
    // A warning, not an error: the NIC sandbox registered a debit note without RefDtls (India Compliance's
    // test data, gst_india/data/test_e_invoice.json "debit_invoice"), and India Compliance sends credit notes
    // without a linked invoice the same way (utils/e_invoice.py update_transaction_details). Whether the
    // production IRP enforces 2191 is not documented; a local check must not refuse what the IRP accepts.
    const what = typ === 'CRN' ? 'credit note' : 'debit note';
    c.warn('RefDtls.PrecDocDtls', '2191', `This ${what} does not name the original invoice.`, 'Add the original invoice number and date under RefDtls.PrecDocDtls if the note adjusts one invoice.');
  }
  if (typ === 'INV' && hasPrec) {
    c.add('RefDtls.PrecDocDtls', '2210', 'An invoice (INV) must not name an original invoice; only credit and debit notes do.', 'Remove RefDtls.PrecDocDtls, or change the document type to CRN or DBN.');
  }
  const perd = rec(field(ref, 'DocPerdDtls'));
  const st = parseDocDate(str(perd, 'InvStDt') ?? '');
  const en = parseDocDate(str(perd, 'InvEndDt') ?? '');
  if (st && en && Date.UTC(st.year, st.month - 1, st.day) > Date.UTC(en.year, en.month - 1, en.day)) {
    c.add('RefDtls.DocPerdDtls.InvStDt', '2219', 'The invoice period starts after it ends.', 'Make the start date the same as or earlier than the end date.');
  }
  const tran = rec(field(inv, 'TranDtls'));
  const supTyp = normalizeSupplyType(str(tran, 'SupTyp') ?? '');
  if (str(tran, 'RegRev') === 'Y' && supTyp && supTyp !== 'B2B') {
    c.add('TranDtls.RegRev', '2162', `Reverse charge applies only to B2B supplies, not to ${supTyp}.`, 'Set RegRev to N, or change the supply type.');
  }
  if (field(inv, 'Irn') !== undefined) {
    c.warn('Irn', 'SCHEMA', 'The invoice already carries an IRN; the IRP computes it itself.', 'Leave the Irn field out.');
  }
  const ewb = rec(field(inv, 'EwbDtls'));
  if (ewb && (typ === 'CRN' || typ === 'DBN')) {
    c.add('EwbDtls', '2252', 'An e-way bill cannot be generated for a credit or debit note.', 'Remove the e-way bill details (EwbDtls).');
  }
}

function checkGstinChecksum(path: string, g: string, { c, o }: RuleContext, who: string): void {
  if (!GSTIN_SCHEMA_PATTERN.test(g) || hasValidGstinChecksum(g)) return;
  if (NIC_SANDBOX_TEST_GSTINS.includes(g)) {
    if (!o.allowSandboxGstins) {
      c.add(path, 'GSTIN_SANDBOX', `The ${who} GSTIN ${g} is a NIC sandbox test GSTIN, not a real registration.`, 'Use a real GSTIN, or a sandbox or demo profile for testing.');
    }
    return;
  }
  c.add(path, 'GSTIN_CHECKSUM', `The ${who} GSTIN ${g} has a typing mistake: its check character does not match.`, `Check it against the registration certificate. If the first 14 characters are right, the last one should be ${gstinCheckChar(g.slice(0, 14))}.`);
}

function checkParties(inv: Rec, ctx: RuleContext): void {
  const { c, ok } = ctx;
  const tran = rec(field(inv, 'TranDtls'));
  const supTyp = normalizeSupplyType(str(tran, 'SupTyp') ?? '');
  const isExport = supTyp === 'EXPWP' || supTyp === 'EXPWOP';
  const seller = rec(field(inv, 'SellerDtls'));
  const buyer = rec(field(inv, 'BuyerDtls'));
  // URP fails the seller GSTIN pattern, but deserves the IRP's own explanation too.
  const sg = ok('SellerDtls.Gstin') || str(seller, 'Gstin') === 'URP' ? str(seller, 'Gstin') : undefined;
  const bg = ok('BuyerDtls.Gstin') ? str(buyer, 'Gstin') : undefined;

  if (sg === 'URP') {
    c.add('SellerDtls.Gstin', '2213', 'The seller GSTIN cannot be URP (unregistered).', 'Enter your own company\'s GSTIN.');
  } else if (sg) {
    checkGstinChecksum('SellerDtls.Gstin', sg, ctx, 'seller');
  }
  if (bg === 'URP') {
    if (!isExport) {
      c.add('BuyerDtls.Gstin', '2212', `The buyer GSTIN can be URP (unregistered) only for exports, not for ${supTyp ?? 'this'} supply.`, 'Enter the buyer\'s GSTIN, or set the supply type to EXPWP or EXPWOP for an export.');
    }
  } else if (bg) {
    checkGstinChecksum('BuyerDtls.Gstin', bg, ctx, 'buyer');
  }
  if (sg && bg && sg.toUpperCase() === bg.toUpperCase()) {
    c.add('BuyerDtls.Gstin', '2211', 'The buyer GSTIN is the same as the seller GSTIN.', 'Enter the buyer\'s GSTIN, not your own.');
  }
  const ship = rec(field(inv, 'ShipDtls'));
  const shipG = ok('ShipDtls.Gstin') ? str(ship, 'Gstin') : undefined;
  if (shipG && shipG !== 'URP') checkGstinChecksum('ShipDtls.Gstin', shipG, ctx, 'ship-to');
  const ecm = ok('TranDtls.EcmGstin') ? str(tran, 'EcmGstin') : undefined;
  if (ecm) checkGstinChecksum('TranDtls.EcmGstin', ecm, ctx, 'e-commerce operator');

  const stateOf = (o: Rec | undefined, path: string) => (ok(path) ? str(o, path.split('.')[1]) : undefined);
  const sStcd = stateOf(seller, 'SellerDtls.Stcd');
  const bStcd = stateOf(buyer, 'BuyerDtls.Stcd');
  const pos = stateOf(buyer, 'BuyerDtls.Pos');
  if (sStcd !== undefined && !isStateCode(sStcd)) {
    c.add('SellerDtls.Stcd', '2259', `The seller state code ${sStcd} is not a valid state code.`, 'Use the two-digit GST state code, e.g. 29 for Karnataka.');
  } else if (sStcd !== undefined && sg && sg !== 'URP' && normalizeStateCode(sStcd) !== sg.slice(0, 2)) {
    c.add('SellerDtls.Stcd', '2258', `The seller state code ${sStcd} does not match the seller GSTIN, which starts with ${sg.slice(0, 2)}.`, `Set the seller state code to ${sg.slice(0, 2)} (${stateName(sg.slice(0, 2)) ?? 'the GSTIN\'s state'}).`);
  }
  if (bStcd !== undefined && !isStateCode(bStcd)) {
    c.add('BuyerDtls.Stcd', '2260', `The buyer state code ${bStcd} is not a valid state code.`, 'Use the two-digit GST state code, or 96 for a buyer outside India.');
  } else if (bStcd !== undefined && bg && bg !== 'URP' && normalizeStateCode(bStcd) !== bg.slice(0, 2)) {
    c.add('BuyerDtls.Stcd', '2265', `The buyer state code ${bStcd} does not match the buyer GSTIN, which starts with ${bg.slice(0, 2)}.`, `Set the buyer state code to ${bg.slice(0, 2)} (${stateName(bg.slice(0, 2)) ?? 'the GSTIN\'s state'}).`);
  }
  if (pos !== undefined && !isStateCode(pos)) {
    c.add('BuyerDtls.Pos', '2243', `The place of supply ${pos} is not a valid state code.`, 'Use the two-digit state code of the place of supply, or 96 for a place outside India.');
  } else if (pos !== undefined && isExport && normalizeStateCode(pos) !== OTHER_COUNTRY_STATE_CODE) {
    c.add('BuyerDtls.Pos', '2232', `For an export the place of supply must be 96 (other country), not ${pos}.`, 'Set the place of supply to 96.');
  }
  for (const [section, label] of [['DispDtls', 'dispatch-from'], ['ShipDtls', 'ship-to']] as const) {
    const s = stateOf(rec(field(inv, section)), `${section}.Stcd`);
    if (s !== undefined && !isStateCode(s)) {
      c.add(`${section}.Stcd`, '2200', `The ${label} state code ${s} is not a valid state code.`, 'Use the two-digit GST state code.');
    }
  }
  const igstOnIntra = str(tran, 'IgstOnIntra') === 'Y';
  if (igstOnIntra && sStcd !== undefined && pos !== undefined && normalizeStateCode(sStcd) !== normalizeStateCode(pos)) {
    c.add('TranDtls.IgstOnIntra', '2262', 'IGST on an intra-state supply is marked, but the place of supply is not the seller\'s state.', 'Set IgstOnIntra to N, or correct the place of supply.');
  }
}

