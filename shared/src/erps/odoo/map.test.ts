import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { ValidationIssue } from '../../invoice/issue';
import { fixture } from '../testing/fakes';
import { mapOdooInvoice } from './map';
import { compareWithOdoo, formatDiffs, type Deliberate } from './odoo-json-diff';
import type { OdooInvoiceRecords } from './records';

/** The differences IRN Bridge makes on purpose (map.ts), as the real-server test names them too. */
const DELIBERATE: Deliberate = {
  'refdtls.precdocdtls[].invno': 'Odoo sends no RefDtls',
  'refdtls.precdocdtls[].invdt': 'Odoo sends no RefDtls',
  'expdtls.refclm': 'Odoo always sends N',
};

const REAL = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.startsWith('odoo17-'));

describe('Odoo: mapping equals Odoo 17.0\'s own l10n_in_edi JSON (fixtures read from the real server)', () => {
  for (const file of REAL) {
    test(file, () => {
      const f = fixture<{ moveId: number; records: OdooInvoiceRecords; odooJson: unknown }>(`odoo/${file}`);
      const issues: ValidationIssue[] = [];
      const invoice = mapOdooInvoice(f.records, { moveId: f.moveId, issues });
      assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
      const diffs = compareWithOdoo(invoice, f.odooJson, DELIBERATE);
      assert.deepEqual(diffs.filter((d) => d.kind === 'mismatch'), [], formatDiffs(file, diffs));
    });
  }
});

const base = (): OdooInvoiceRecords => structuredClone(fixture('odoo/out-invoice-interstate.json'));
const map = (records: OdooInvoiceRecords) => {
  const issues: ValidationIssue[] = [];
  return { invoice: mapOdooInvoice(records, { issues }), issues };
};

describe('Odoo: reading 17.0 and 18.0 records', () => {
  test('17.0: the HSN comes from the product and the tax kind from its tags', () => {
    const { invoice, issues } = map(base());
    assert.deepEqual(issues, []);
    assert.equal(invoice.ItemList[0].HsnCd, '09103020');
    assert.ok(invoice.ItemList[0].IgstAmt > 0);
    assert.equal(invoice.ItemList[0].GstRt, 5);
  });

  test('18.0: the HSN on the line and l10n_in_tax_type are used where the server has them (no tags here)', () => {
    const r = base();
    r['product.product'] = [];
    r['account.tax.repartition.line'] = [];
    for (const l of r['account.move.line']) l.l10n_in_hsn_code = '0910 30 20';
    for (const t of r['account.tax']) { t.l10n_in_tax_type = 'igst'; t.tax_group_id = [9, 'GST 5%']; }
    const { invoice } = map(r);
    assert.equal(invoice.ItemList[0].HsnCd, '09103020');
    assert.ok(invoice.ItemList[0].IgstAmt > 0);
  });

  test('without tags or l10n_in_tax_type, the tax group names the kind ("SGST", "Exempt", "Nil Rated")', () => {
    const r = base();
    r['account.tax.repartition.line'] = [];
    r['account.tax'][0].tax_group_id = [1, 'SGST'];
    assert.ok(map(r).invoice.ItemList[0].SgstAmt > 0);
    r['account.tax'][0].tax_group_id = [7, 'Exempt'];
    r['account.tax'][0].amount = 0;
    const { invoice, issues } = map(r);
    assert.equal(invoice.ItemList[0].GstRt, 0, 'an exempt line is an item at 0 %, never dropped');
    assert.deepEqual(issues, []);
  });

  test('a tax that is not GST is sent as the line\'s other charges, with a warning in the clerk\'s words', () => {
    const r = base();
    r['account.tax'].push({ id: 40, name: '0.1% G 206C(1H)', amount: 0.1, amount_type: 'percent', tax_group_id: [8, 'TCS'], invoice_repartition_line_ids: [] });
    r['account.move.line'][0].tax_ids = [...r['account.move.line'][0].tax_ids, 40];
    const { invoice, issues } = map(r);
    assert.equal(invoice.ItemList[0].OthChrg, 49.6);
    assert.match(issues[0].message, /The tax "0\.1% G 206C\(1H\)" on line ".*" is not GST/);
  });

  test('a line without product or without tax is named; a credit note without origin needs no reference', () => {
    const r = base();
    r['account.move.line'][0].tax_ids = [];
    r['account.move.line'][1].product_id = false;
    const { issues } = map(r);
    assert.ok(issues.some((i) => i.path === 'ItemList[0].GstRt' && /has no GST tax/.test(i.message)));
    assert.ok(issues.some((i) => i.path === 'ItemList[1].HsnCd' && /has no product/.test(i.message)));
    const note = base();
    note['account.move'][0].move_type = 'out_refund';
    for (const l of note['account.move.line']) l.balance = -Number(l.balance); // a credit note's income lines are debits
    const mapped = map(note);
    assert.equal(mapped.invoice.DocDtls.Typ, 'CRN');
    assert.equal(mapped.invoice.RefDtls, undefined);
    assert.deepEqual(mapped.issues, []);
  });

  test('two formula taxes on one line cannot be told apart: named, not guessed', () => {
    const r = base();
    r['account.tax'].push(
      { id: 41, name: 'Levy A', amount: 0, amount_type: 'code', tax_group_id: [8, 'CESS'], invoice_repartition_line_ids: [] },
      { id: 42, name: 'Levy B', amount: 0, amount_type: 'code', tax_group_id: [8, 'CESS'], invoice_repartition_line_ids: [] },
    );
    r['account.move.line'][0].tax_ids = [...r['account.move.line'][0].tax_ids, 41, 42];
    const { issues } = map(r);
    assert.ok(issues.some((i) => i.severity === 'error' && /2 taxes computed by formulas \("Levy A", "Levy B"\)/.test(i.message)));
  });

  test('a negative line bigger than the lines it can go into is reported, not dropped', () => {
    const r = base();
    const [first] = r['account.move.line'];
    r['account.move.line'].push({ ...first, id: 199, name: 'Festival offer', quantity: 1, price_unit: -999999, price_subtotal: -999999, price_total: -1049998.95, balance: 999999 });
    r['account.move'][0].invoice_line_ids.push(199);
    const { issues } = map(r);
    assert.ok(issues.some((i) => i.severity === 'error' && /negative line "Festival offer"/.test(i.message)));
  });
});
