import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateInvoice } from '../../invoice/validate';
import { erpTotals, mapErpDocument, mapErpDocumentWithIssues, summarizeErpDocument, type ErpDocument } from '../index';
import type { OdooInvoiceRecords, OdooTax } from './records';

const NOW = new Date('2026-11-25T12:00:00+05:30');
const records = (file: string): OdooInvoiceRecords =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}.json`, import.meta.url), 'utf8'));
const doc = (r: OdooInvoiceRecords, moveId?: number): ErpDocument => ({ erp: 'odoo', records: r, moveId });
const errors = (inv: unknown) => validateInvoice(inv, { now: NOW }).filter((i) => i.severity === 'error');
const near = (a: number | undefined, b: number) => assert.ok(Math.abs((a ?? 0) - b) <= 0.005, `${a} ≠ ${b}`);

describe('mapOdooInvoice on every fixture', () => {
  for (const name of ['out-invoice-interstate', 'out-refund-interstate']) {
    test(`${name}: passes validation and agrees with Odoo's totals`, () => {
      const d = doc(records(name));
      const { invoice: inv, issues } = mapErpDocumentWithIssues(d);
      assert.deepEqual(issues, []);
      assert.deepEqual(errors(inv), []);
      const t = erpTotals(d);
      near(inv.ValDtls.TotInvVal, t.grandTotal);
      near(inv.ValDtls.AssVal, t.taxableTotal);
      near((inv.ValDtls.IgstVal ?? 0) + (inv.ValDtls.CgstVal ?? 0) + (inv.ValDtls.SgstVal ?? 0) + (inv.ValDtls.CesVal ?? 0), t.taxTotal);
    });
  }
});

describe('posted invoice INV/2026/00017', () => {
  const inv = mapErpDocument(doc(records('out-invoice-interstate')));
  test('document and parties, state codes from l10n_in_tin', () => {
    assert.deepEqual(inv.TranDtls, { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N' });
    assert.deepEqual(inv.DocDtls, { Typ: 'INV', No: 'INV/2026/00017', Dt: '21/11/2026' });
    assert.deepEqual([inv.SellerDtls.Gstin, inv.SellerDtls.Stcd, inv.SellerDtls.Pin, inv.SellerDtls.Loc], ['29AAHCA4821K1ZH', '29', 560058, 'Bengaluru']);
    assert.deepEqual([inv.BuyerDtls.Gstin, inv.BuyerDtls.Pos, inv.BuyerDtls.Stcd, inv.BuyerDtls.Addr2], ['36AAKCP1187N1ZT', '36', '36', 'Banjara Hills']);
  });
  test('lines: NOS-NUMBERS → NOS, HSN, discount, IGST from the tax record', () => {
    assert.deepEqual(
      inv.ItemList.map((i) => [i.SlNo, i.PrdDesc, i.HsnCd, i.Unit, i.Qty, i.UnitPrice, i.TotAmt, i.Discount, i.AssAmt, i.GstRt, i.IgstAmt, i.CgstAmt, i.TotItemVal]),
      [
        ['1', 'Turmeric Powder 1 kg', '09103020', 'NOS', 200, 248, 49600, 0, 49600, 5, 2480, 0, 52080],
        ['2', 'Kashmiri Saffron 1 g', '09102010', 'NOS', 15, 610, 9150, 366, 8784, 5, 439.2, 0, 9223.2],
      ],
    );
    assert.equal(inv.ValDtls.TotInvVal, 61303.2);
  });
  test('summary', () => {
    const s = summarizeErpDocument(doc(records('out-invoice-interstate')));
    assert.deepEqual(
      [s.ref, s.docType, s.docNo, s.docDate, s.partyGstin, s.grandTotal, s.final],
      [{ erp: 'odoo', name: 'INV/2026/00017', id: 17 }, 'INV', 'INV/2026/00017', '21/11/2026', '36AAKCP1187N1ZT', 61303.2, true],
    );
  });
});

describe('credit note RINV/2026/00003', () => {
  test('maps to CRN referring to the reversed invoice with its date', () => {
    const inv = mapErpDocument(doc(records('out-refund-interstate')));
    assert.equal(inv.DocDtls.Typ, 'CRN');
    assert.deepEqual(inv.RefDtls, { PrecDocDtls: [{ InvNo: 'INV/2026/00017', InvDt: '21/11/2026' }] });
    assert.deepEqual(inv.ItemList.map((i) => [i.Qty, i.AssAmt, i.IgstAmt]), [[20, 4960, 248]]);
  });
  test('without the reversed invoice in the bundle the date is a named mapping error', () => {
    const r = records('out-refund-interstate');
    const { invoice: inv, issues } = mapErpDocumentWithIssues(doc({ ...r, 'account.move': r['account.move'].slice(0, 1) }));
    assert.deepEqual(issues.map((i) => [i.path, i.severity]), [['RefDtls.PrecDocDtls[0].InvDt', 'error']]);
    assert.equal(inv.RefDtls?.PrecDocDtls?.[0].InvNo, 'INV/2026/00017');
  });
  test('picks the move named by moveId', () => {
    const inv = mapErpDocument(doc(records('out-refund-interstate'), 17));
    assert.equal(inv.DocDtls.No, 'INV/2026/00017');
    assert.equal(inv.DocDtls.Typ, 'INV');
  });
});

test('debit note (debit_origin_id) maps to DBN', () => {
  const r = records('out-invoice-interstate');
  const orig = r['account.move'][0];
  const dbn = { ...orig, id: 30, name: 'INV/2026/00030', debit_origin_id: [17, 'INV/2026/00017'] as [number, string] };
  const inv = mapErpDocument(doc({ ...r, 'account.move': [dbn, orig] }));
  assert.equal(inv.DocDtls.Typ, 'DBN');
  assert.deepEqual(inv.RefDtls?.PrecDocDtls, [{ InvNo: 'INV/2026/00017', InvDt: '21/11/2026' }]);
});

describe('taxes and treatments', () => {
  const intrastate = (): OdooInvoiceRecords => {
    const r = records('out-invoice-interstate');
    const gst5: OdooTax = { id: 20, name: 'GST 5%', amount: 5, amount_type: 'group', children_tax_ids: [21, 22], tax_group_id: [3, 'GST'] };
    const cgst: OdooTax = { id: 21, name: 'CGST 2.5%', amount: 2.5, amount_type: 'percent', tax_group_id: [5, 'CGST'] };
    const sgst: OdooTax = { id: 22, name: 'SGST 2.5%', amount: 2.5, amount_type: 'percent', tax_group_id: [6, 'SGST'] };
    const partner = { ...r['res.partner'][0], vat: '29AAKCB2045P1Z7', state_id: [593, 'Karnataka (IN)'] as [number, string], zip: '560025', city: 'Bengaluru' };
    return {
      ...r,
      'account.move': [{ ...r['account.move'][0], l10n_in_state_id: [593, 'Karnataka (IN)'] }],
      'account.move.line': r['account.move.line'].map((l) => ({ ...l, tax_ids: [20] })),
      'account.tax': [gst5, cgst, sgst],
      'res.partner': [partner, r['res.partner'][1]],
    };
  };
  test('a group tax splits into CGST and SGST by tax group name', () => {
    const inv = mapErpDocument(doc(intrastate()));
    assert.equal(inv.BuyerDtls.Pos, '29');
    assert.deepEqual(inv.ItemList.map((i) => [i.GstRt, i.CgstAmt, i.SgstAmt, i.IgstAmt]), [[5, 1240, 1240, 0], [5, 219.6, 219.6, 0]]);
    assert.deepEqual(errors(inv), []);
  });
  test('SEZ and overseas treatments', () => {
    const r = records('out-invoice-interstate');
    const withTreatment = (t: string) => mapErpDocument(doc({ ...r, 'account.move': [{ ...r['account.move'][0], l10n_in_gst_treatment: t }] }));
    assert.equal(withTreatment('special_economic_zone').TranDtls.SupTyp, 'SEZWP');
    const exp = withTreatment('overseas');
    assert.equal(exp.TranDtls.SupTyp, 'EXPWP');
    assert.deepEqual([exp.BuyerDtls.Gstin, exp.BuyerDtls.Pos, exp.BuyerDtls.Pin], ['URP', '96', 999999]);
    assert.equal(withTreatment('deemed_export').TranDtls.SupTyp, 'DEXP');
    const { issues } = mapErpDocumentWithIssues(doc({ ...r, 'account.move': [{ ...r['account.move'][0], l10n_in_gst_treatment: 'consumer' }] }));
    assert.equal(issues[0].path, 'TranDtls.SupTyp');
  });
  test('kg uses its l10n_in_code; a unit without one falls back to its name, else OTH', () => {
    const r = records('out-invoice-interstate');
    const withUom = (uom: [number, string], uoms = r['uom.uom']) =>
      mapErpDocumentWithIssues(doc({ ...r, 'uom.uom': uoms, 'account.move.line': r['account.move.line'].map((l) => ({ ...l, product_uom_id: uom })) }));
    assert.equal(withUom([12, 'kg']).invoice.ItemList[0].Unit, 'KGS');
    assert.equal(withUom([40, 'Dozens'], [{ id: 40, name: 'Dozens', l10n_in_code: false }]).invoice.ItemList[0].Unit, 'DOZ');
    const odd = withUom([41, 'Crate'], [{ id: 41, name: 'Crate', l10n_in_code: false }]);
    assert.equal(odd.invoice.ItemList[0].Unit, 'OTH');
    assert.equal(odd.issues[0].severity, 'warning');
  });
  test('a draft is summarised as not final', () => {
    const r = records('out-invoice-interstate');
    const s = summarizeErpDocument(doc({ ...r, 'account.move': [{ ...r['account.move'][0], state: 'draft' }] }));
    assert.equal(s.final, false);
  });
});
