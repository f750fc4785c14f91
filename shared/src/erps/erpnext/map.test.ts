import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateInvoice } from '../../invoice/validate';
import { erpTotals, mapErpDocument, mapErpDocumentWithIssues, type ErpDocument } from '../index';
import type { ErpnextAddress, ErpnextSalesInvoice } from './records';

const NOW = new Date('2026-11-25T12:00:00+05:30');
const load = (file: string) => JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')).data;
const invoice = (file: string): ErpnextSalesInvoice => load(`sales-invoice-${file}.json`);
const addresses: Record<string, ErpnextAddress> = Object.fromEntries(
  ['company-billing', 'rangoli-foods', 'bhima-stores'].map((f) => {
    const a = load(`address-${f}.json`);
    return [a.name, a];
  }),
);
const originals = { 'ASW-26-00042': invoice('interstate'), 'ASW-26-00043': invoice('intrastate-with-service') };
const doc = (inv: ErpnextSalesInvoice): Extract<ErpDocument, { erp: 'erpnext' }> => {
  const orig = inv.return_against ? originals[inv.return_against as keyof typeof originals] : null;
  return { erp: 'erpnext', invoice: inv, addresses, returnAgainst: orig ? { name: orig.name, posting_date: orig.posting_date } : null };
};
const errors = (inv: unknown) => validateInvoice(inv, { now: NOW }).filter((i) => i.severity === 'error');
const near = (a: number | undefined, b: number, tol = 0.005) => assert.ok(Math.abs((a ?? 0) - b) <= tol, `${a} ≠ ${b}`);

describe('mapErpnextInvoice on every valid fixture', () => {
  for (const name of ['interstate', 'intrastate-with-service', 'credit-note', 'debit-note']) {
    test(`${name}: passes validation and agrees with ERPNext's totals`, () => {
      const d = doc(invoice(name));
      const { invoice: inv, issues } = mapErpDocumentWithIssues(d);
      assert.deepEqual(issues, []);
      assert.deepEqual(errors(inv), []);
      const t = erpTotals(d);
      const v = inv.ValDtls;
      near(v.TotInvVal, t.grandTotal);
      near(v.AssVal, t.taxableTotal);
      near((v.IgstVal ?? 0) + (v.CgstVal ?? 0) + (v.SgstVal ?? 0) + (v.CesVal ?? 0), t.taxTotal);
      near(v.RndOffAmt ?? 0, t.roundOff);
      // Every amount in INV-01 is positive, returns included.
      for (const it of inv.ItemList) for (const k of ['Qty', 'UnitPrice', 'TotAmt', 'AssAmt', 'TotItemVal'] as const) assert.ok((it[k] ?? 0) >= 0, `${k} ${it[k]}`);
    });
  }
});

describe('interstate invoice ASW-26-00042', () => {
  const inv = mapErpDocument(doc(invoice('interstate')));
  test('document, seller and buyer', () => {
    assert.deepEqual(inv.TranDtls, { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N' });
    assert.deepEqual(inv.DocDtls, { Typ: 'INV', No: 'ASW-26-00042', Dt: '20/11/2026' });
    assert.equal(inv.SellerDtls.Gstin, '29AAHCA4821K1ZH');
    assert.equal(inv.SellerDtls.LglNm, 'Aruna Spice Works Private Limited');
    assert.equal(inv.SellerDtls.Stcd, '29');
    assert.equal(inv.SellerDtls.Pin, 560058);
    assert.equal(inv.SellerDtls.Addr2, 'Phase 2');
    assert.equal(inv.SellerDtls.Ph, '9845012345');
    assert.deepEqual(
      { Gstin: inv.BuyerDtls.Gstin, Pos: inv.BuyerDtls.Pos, Stcd: inv.BuyerDtls.Stcd, Pin: inv.BuyerDtls.Pin, Loc: inv.BuyerDtls.Loc },
      { Gstin: '37AAGCR5310M1Z6', Pos: '37', Stcd: '37', Pin: 520010, Loc: 'Vijayawada' },
    );
    assert.equal(inv.RefDtls, undefined);
  });
  test("items: UnitPrice is the taxable value / quantity, no item discount (India Compliance's update_item_details); IGST only", () => {
    const [a, b] = inv.ItemList;
    assert.deepEqual(
      { SlNo: a.SlNo, HsnCd: a.HsnCd, IsServc: a.IsServc, Unit: a.Unit, Qty: a.Qty, UnitPrice: a.UnitPrice, TotAmt: a.TotAmt, AssAmt: a.AssAmt, GstRt: a.GstRt, IgstAmt: a.IgstAmt, TotItemVal: a.TotItemVal },
      { SlNo: '1', HsnCd: '09103020', IsServc: 'N', Unit: 'NOS', Qty: 120, UnitPrice: 250, TotAmt: 30000, AssAmt: 30000, GstRt: 5, IgstAmt: 1500, TotItemVal: 31500 },
    );
    assert.deepEqual(
      { UnitPrice: b.UnitPrice, TotAmt: b.TotAmt, Discount: b.Discount, AssAmt: b.AssAmt, IgstAmt: b.IgstAmt, CgstAmt: b.CgstAmt },
      { UnitPrice: 173.38, TotAmt: 13870.4, Discount: 0, AssAmt: 13870.4, IgstAmt: 693.52, CgstAmt: 0 },
    );
  });
  test('round-off: TotInvVal is the rounded total, RndOffAmt the adjustment', () => {
    assert.equal(inv.ValDtls.TotInvVal, 46064);
    assert.equal(inv.ValDtls.RndOffAmt, 0.08);
    assert.equal(inv.ValDtls.IgstVal, 2193.52);
  });
});

test('intrastate invoice: CGST/SGST halves, a service line, Box → BOX', () => {
  const inv = mapErpDocument(doc(invoice('intrastate-with-service')));
  assert.equal(inv.BuyerDtls.Pos, '29');
  assert.equal(inv.TranDtls.IgstOnIntra, undefined);
  const [goods, service] = inv.ItemList;
  assert.deepEqual([goods.Unit, goods.IsServc, goods.GstRt, goods.CgstAmt, goods.SgstAmt], ['BOX', 'N', 5, 480, 480]);
  assert.deepEqual([service.HsnCd, service.IsServc, service.GstRt, service.IgstAmt], ['998817', 'Y', 18, 0]);
  assert.equal(inv.ValDtls.TotInvVal, 25470);
});

describe('credit note ASW-26-00051 (ERPNext stores negatives)', () => {
  const inv = mapErpDocument(doc(invoice('credit-note')));
  test('maps to CRN with positive values', () => {
    assert.equal(inv.DocDtls.Typ, 'CRN');
    assert.deepEqual(inv.ItemList.map((i) => [i.Qty, i.AssAmt, i.IgstAmt]), [[20, 5000, 250], [10, 1733.8, 86.69]]);
    assert.equal(inv.ValDtls.TotInvVal, 7070);
    assert.equal(inv.ValDtls.RndOffAmt, -0.49);
  });
  test('refers to the original invoice with its date', () => {
    assert.deepEqual(inv.RefDtls, { PrecDocDtls: [{ InvNo: 'ASW-26-00042', InvDt: '20/11/2026' }] });
  });
  test('without the original invoice the date is missing and both the mapping and the validator say so', () => {
    const { invoice: crn, issues } = mapErpDocumentWithIssues({ ...doc(invoice('credit-note')), returnAgainst: null });
    assert.equal(issues.length, 1);
    assert.equal(issues[0].path, 'RefDtls.PrecDocDtls[0].InvDt');
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /ASW-26-00042/);
    assert.ok(errors(crn).some((i) => i.path.startsWith('RefDtls.PrecDocDtls[0]')), JSON.stringify(errors(crn)));
  });
});

test('debit note maps to DBN without RefDtls (India Compliance names the invoice only on a credit note)', () => {
  const inv = mapErpDocument(doc(invoice('debit-note')));
  assert.equal(inv.DocDtls.Typ, 'DBN');
  assert.equal(inv.RefDtls, undefined);
  assert.deepEqual(errors(inv), [], 'the validator accepts it (2191 is a warning)');
  assert.deepEqual(inv.ItemList.map((i) => [i.Qty, i.UnitPrice, i.CgstAmt, i.SgstAmt]), [[300, 2, 15, 15]]);
  assert.equal(inv.ValDtls.TotInvVal, 630);
});

// Its grand total does not add up; like India Compliance the mapping puts the difference into
// OthChrg (or Discount when negative), so only the HSN is an error: a real ERPNext computes its totals itself.
test('invalid invoice ASW-26-00099: bad HSN fails with 2176 at its item; the unexplained total becomes other charges', () => {
  const inv = mapErpDocument(doc(invoice('invalid')));
  assert.equal(inv.ItemList[0].HsnCd, '09103920');
  const errs = errors(inv);
  assert.ok(errs.some((i) => i.code === '2176' && i.path === 'ItemList[0].HsnCd'), JSON.stringify(errs));
  assert.ok(!errs.some((i) => i.code === '2176' && i.path === 'ItemList[1].HsnCd'));
  assert.ok(inv.ValDtls.OthChrg > 0 || inv.ValDtls.Discount > 0, JSON.stringify(inv.ValDtls));
});

describe('supply types and parties', () => {
  const base = invoice('interstate');
  const sup = (over: Partial<ErpnextSalesInvoice>) => mapErpDocument(doc({ ...base, ...over }));
  test('SEZ with and without payment of tax', () => {
    assert.equal(sup({ gst_category: 'SEZ', is_export_with_gst: 1 }).TranDtls.SupTyp, 'SEZWP');
    assert.equal(sup({ gst_category: 'SEZ', is_export_with_gst: 0 }).TranDtls.SupTyp, 'SEZWOP');
  });
  test('exports: EXPWP/EXPWOP, a buyer abroad is URP in state 96 with PIN 999999, ExpDtls with the country', () => {
    const abroad = { ...addresses[base.customer_address!], country: 'United States', gstin: null, gst_state_number: null, pincode: '60611' };
    const over = { gst_category: 'Overseas', is_export_with_gst: 0, place_of_supply: '96-Other Countries', billing_address_gstin: null, currency: 'USD' };
    const exp = (o: Partial<ErpnextSalesInvoice>) => mapErpDocument({ ...doc({ ...base, ...over, ...o }), addresses: { ...addresses, [base.customer_address!]: abroad }, countryCodes: { 'United States': 'us' } });
    const inv = exp({ shipping_bill_number: '7788123', shipping_bill_date: '2026-11-21', port_code: 'INMAA1' });
    assert.equal(inv.TranDtls.SupTyp, 'EXPWOP');
    assert.deepEqual([inv.BuyerDtls.Gstin, inv.BuyerDtls.Pos, inv.BuyerDtls.Stcd, inv.BuyerDtls.Pin], ['URP', '96', '96', 999999]);
    assert.deepEqual(inv.ExpDtls, { CntCode: 'US', ForCur: 'USD', ShipBNo: '7788123', ShipBDt: '21/11/2026', Port: 'INMAA1' });
    assert.equal(exp({ is_export_with_gst: 1 }).TranDtls.SupTyp, 'EXPWP');
  });
  test('an Overseas customer without "96-Other Countries" as place of supply is a mapping error', () => {
    const { issues } = mapErpDocumentWithIssues(doc({ ...base, gst_category: 'Overseas' }));
    assert.ok(issues.some((i) => i.path === 'BuyerDtls.Pos' && i.severity === 'error'), JSON.stringify(issues));
  });
  test('deemed export and reverse charge', () => {
    assert.equal(sup({ gst_category: 'Deemed Export' }).TranDtls.SupTyp, 'DEXP');
    assert.equal(sup({ is_reverse_charge: 1 }).TranDtls.RegRev, 'Y');
  });
  test('an unregistered customer is a mapping error on SupTyp', () => {
    const { issues } = mapErpDocumentWithIssues(doc({ ...base, gst_category: 'Unregistered' }));
    assert.deepEqual(issues.map((i) => [i.path, i.severity]), [['TranDtls.SupTyp', 'error']]);
  });
  test('shipping and dispatch addresses become ShipDtls and DispDtls', () => {
    const inv = sup({ shipping_address_name: 'Bhima Stores LLP-Billing', dispatch_address_name: 'Bhima Stores LLP-Billing' });
    assert.deepEqual([inv.ShipDtls?.Gstin, inv.ShipDtls?.LglNm, inv.ShipDtls?.Pin, inv.ShipDtls?.Stcd], ['29AAKCB2045P1Z7', 'Bhima Stores LLP', 560025, '29']);
    assert.deepEqual([inv.DispDtls?.Nm, inv.DispDtls?.Loc], ['Bhima Stores LLP', 'Bengaluru']);
    assert.equal(sup({ shipping_address_name: base.customer_address }).ShipDtls, undefined);
  });
  test('a missing customer address is named', () => {
    const { issues } = mapErpDocumentWithIssues({ erp: 'erpnext', invoice: base, addresses: { [base.company_address!]: addresses[base.company_address!] } });
    assert.deepEqual(issues.map((i) => i.path), ['BuyerDtls']);
  });
});

describe('units, items and charges', () => {
  const base = invoice('interstate');
  test('ERPNext UOM names map to UQCs; an unknown one is OTH with a warning', () => {
    const withUom = (uom: string) => mapErpDocumentWithIssues(doc({ ...base, items: base.items.map((i) => ({ ...i, uom })) }));
    assert.equal(withUom('Kg').invoice.ItemList[0].Unit, 'KGS');
    assert.equal(withUom('Litre').invoice.ItemList[0].Unit, 'LTR');
    assert.equal(withUom('Pair').invoice.ItemList[0].Unit, 'PRS');
    const odd = withUom('Sack of 40');
    assert.equal(odd.invoice.ItemList[0].Unit, 'OTH');
    assert.equal(odd.issues[0].path, 'ItemList[0].Unit');
    assert.equal(odd.issues[0].severity, 'warning');
  });
  test('a non-GST charge row after the GST rows and an exempt item travel as other charges (the balancing figure)', () => {
    const exempt = { ...base.items[0], idx: 3, item_code: 'SAMPLE', gst_treatment: 'Exempted', net_amount: 100, base_net_amount: 100, taxable_value: 100, igst_amount: 0, igst_rate: 0 };
    const freight = { idx: 2, charge_type: 'Actual', description: 'Freight', gst_tax_type: null, tax_amount: 400, base_tax_amount_after_discount_amount: 400 };
    const grown = (v: unknown) => Number(v) + 500;
    const inv = mapErpDocument(doc({
      ...base, items: [...base.items, exempt], taxes: [...(base.taxes ?? []), freight],
      base_grand_total: grown(base.base_grand_total), grand_total: grown(base.grand_total), base_rounded_total: grown(base.base_rounded_total), rounded_total: grown(base.rounded_total),
    }));
    assert.equal(inv.ItemList.length, 2);
    assert.equal(inv.ValDtls.OthChrg, 500);
    assert.equal(inv.ValDtls.Discount, 0);
  });
  test('a cash discount and a negative balance go to ValDtls.Discount, never a negative OthChrg', () => {
    const less = (v: unknown) => Number(v) - 300;
    const inv = mapErpDocument(doc({
      ...base, is_cash_or_non_trade_discount: 1, base_discount_amount: 200,
      base_grand_total: less(base.base_grand_total), grand_total: less(base.grand_total), base_rounded_total: less(base.base_rounded_total), rounded_total: less(base.rounded_total),
    }));
    assert.equal(inv.ValDtls.OthChrg, 0);
    assert.equal(inv.ValDtls.Discount, 300);
    assert.deepEqual(errors(inv), []);
  });
  test("the user's UOM map in GST Settings comes first", () => {
    const d = { ...doc({ ...base, items: base.items.map((i) => ({ ...i, uom: 'Sack' })) }), uomMap: [{ uom: 'Sack', gst_uom: 'BAG (Bags)' }] };
    assert.equal(mapErpDocument(d).ItemList[0].Unit, 'BAG');
  });
  test('reverse charge: TotItemVal is the taxable value and TotInvVal leaves the tax out', () => {
    const tax = Number(base.base_total_taxes_and_charges);
    const rcm = mapErpDocument(doc({ ...base, is_reverse_charge: 1, base_grand_total: Number(base.base_net_total), base_rounded_total: Math.round(Number(base.base_net_total)), base_rounding_adjustment: Math.round(Number(base.base_net_total)) - Number(base.base_net_total) }));
    assert.ok(tax > 0);
    assert.deepEqual(rcm.ItemList.map((i) => i.TotItemVal), rcm.ItemList.map((i) => i.AssAmt));
    assert.equal(rcm.TranDtls.RegRev, 'Y');
    assert.deepEqual(errors(rcm), []);
  });
  test('double quotes are not allowed in INV-01 text and are replaced', () => {
    const inv = mapErpDocument(doc({ ...base, items: base.items.map((i) => ({ ...i, item_name: 'Turmeric "Gold" 1 kg' })) }));
    assert.equal(inv.ItemList[0].PrdDesc, "Turmeric 'Gold' 1 kg");
  });
});
