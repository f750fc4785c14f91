/**
 * What the IRP is known to accept must pass the local check without errors: a local check must never
 * refuse what the IRP registers. Each payload here was registered by the NIC sandbox (its response is
 * quoted) or is what India Compliance 15.25.6 sends for a case its users register every day.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasBlockingIssues, validateInvoice, type ValidateOptions } from './validate';

const SANDBOX: ValidateOptions = { allowSandboxGstins: true, now: new Date('2024-01-01T00:00:00Z') };
const REAL: ValidateOptions = { now: new Date('2026-12-01T12:00:00Z') };
const errors = (inv: unknown, o: ValidateOptions) => validateInvoice(inv, o).filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.path}`);

/**
 * India Compliance's test data (india_compliance/gst_india/data/test_e_invoice.json, "debit_invoice",
 * version-15): a debit note with no RefDtls and a value-only line (Qty 0). The NIC sandbox answered
 * "IRN generated successfully", AckNo 232210036755701, Irn 24f37c80…67f933 (2022-09-17 17:50:00).
 * The placeholder document number `test_invoice_no` breaks NIC's pattern; it is replaced here.
 */
const DEBIT_NOTE_VALUE_ONLY = {
  Version: '1.1',
  TranDtls: { RegRev: 'N', SupTyp: 'B2B', TaxSch: 'GST' },
  DocDtls: { Dt: '17/09/2022', No: 'SINV-CFY-00072', Typ: 'DBN' },
  SellerDtls: { Addr1: 'Test Address - 1', Gstin: '02AMBPG7773M002', LglNm: '_Test Indian Registered Company', Loc: 'Test City', Pin: 171302, Stcd: '02', TrdNm: '_Test Indian Registered Company' },
  BuyerDtls: { Addr1: 'Test Address - 3', Gstin: '36AMBPG7773M002', LglNm: '_Test Registered Customer', Loc: 'Test City', Pin: 500055, Pos: '02', Stcd: '36', TrdNm: '_Test Registered Customer' },
  ItemList: [
    {
      AssAmt: 100.0, CesAmt: 0, CesNonAdvlAmt: 0, CesRt: 0, CgstAmt: 9.0, Discount: 0, GstRt: 18.0, HsnCd: '61149090', IgstAmt: 0, IsServc: 'N',
      PrdDesc: 'Test Trading Goods 1', Qty: 0.0, SgstAmt: 9.0, SlNo: '1', TotAmt: 100.0, TotItemVal: 118.0, Unit: 'NOS', UnitPrice: 100.0,
    },
  ],
  PayDtls: { CrDay: 0, PaidAmt: 0, PaymtDue: 118.0 },
  ValDtls: { AssVal: 100.0, CesVal: 0, CgstVal: 9.0, Discount: 0, IgstVal: 0, OthChrg: 0.0, RndOffAmt: 0.0, SgstVal: 9.0, TotInvVal: 118.0 },
};

/** Reverse charge as India Compliance sends it: TotItemVal and TotInvVal without the tax the buyer pays. */
const REVERSE_CHARGE = {
  Version: '1.1',
  TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'Y' },
  DocDtls: { Typ: 'INV', No: 'ASW-26-00301', Dt: '01/12/2026' },
  SellerDtls: { Gstin: '29AAHCA4821K1ZH', LglNm: 'Aruna Spice Works Private Limited', Addr1: 'No. 14, 2nd Cross', Loc: 'Bengaluru', Pin: 560058, Stcd: '29' },
  BuyerDtls: { Gstin: '29AAKCB2045P1Z7', LglNm: 'Bhima Stores LLP', Pos: '29', Addr1: '88 Residency Road', Loc: 'Bengaluru', Pin: 560025, Stcd: '29' },
  ItemList: [
    { SlNo: '1', PrdDesc: 'Goods transport', IsServc: 'Y', HsnCd: '996511', Qty: 1, Unit: 'OTH', UnitPrice: 10000, TotAmt: 10000, Discount: 0, AssAmt: 10000, GstRt: 5, IgstAmt: 0, CgstAmt: 250, SgstAmt: 250, TotItemVal: 10000 },
  ],
  ValDtls: { AssVal: 10000, CgstVal: 250, SgstVal: 250, IgstVal: 0, CesVal: 0, Discount: 0, OthChrg: 0, RndOffAmt: 0, TotInvVal: 10000 },
};

describe('what the IRP accepts passes without errors', () => {
  test('a debit note without RefDtls and with a value-only line (Qty 0): sandbox-registered', () => {
    const issues = validateInvoice(DEBIT_NOTE_VALUE_ONLY, SANDBOX);
    assert.deepEqual(errors(DEBIT_NOTE_VALUE_ONLY, SANDBOX), []);
    assert.equal(hasBlockingIssues(issues), false);
    // Both are still pointed out, as warnings the clerk can read.
    const warnings = issues.filter((i) => i.severity === 'warning').map((i) => `${i.code}@${i.path}`);
    assert.ok(warnings.includes('2191@RefDtls.PrecDocDtls'), warnings.join(', '));
    assert.ok(warnings.includes('VALUE_ONLY_LINE@ItemList[0].Qty'), warnings.join(', '));
  });

  test('reverse charge with TotItemVal and TotInvVal without the tax (India Compliance)', () => {
    assert.deepEqual(validateInvoice(REVERSE_CHARGE, REAL), []);
  });

  test('reverse charge with the tax inside TotItemVal but not in TotInvVal', () => {
    const inv = structuredClone(REVERSE_CHARGE);
    inv.ItemList[0].TotItemVal = 10500;
    assert.deepEqual(errors(inv, REAL), []);
  });
});

describe('the relaxed rules still catch mistakes', () => {
  test('a quantity that does not explain the gross amount is still 2192', () => {
    const inv = structuredClone(DEBIT_NOTE_VALUE_ONLY);
    inv.ItemList[0].Qty = 2;
    assert.deepEqual(errors(inv, SANDBOX), ['2192@ItemList[0].TotAmt']);
  });

  test('without reverse charge, an item total without its tax is still 2194', () => {
    const inv = structuredClone(REVERSE_CHARGE);
    inv.TranDtls.RegRev = 'N';
    assert.deepEqual(errors(inv, REAL), ['2194@ItemList[0].TotItemVal']);
  });

  test('under reverse charge, a total that is neither with nor without the tax is still 2189', () => {
    const inv = structuredClone(REVERSE_CHARGE);
    inv.ValDtls.TotInvVal = 10200;
    assert.deepEqual(errors(inv, REAL), ['2189@ValDtls.TotInvVal']);
  });
});
