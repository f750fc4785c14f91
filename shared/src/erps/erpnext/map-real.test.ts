/**
 * The mapping held against India Compliance's own e-invoice builder on captured real answers: each
 * fixture in fixtures/india-compliance/ is what a real ERPNext 15 + India Compliance 15.25.6 returned
 * to an Accounts User for one submitted invoice, with `EInvoiceData(doc).get_data()` for the same
 * invoice (captured by test/real/erpnext/capture.ts; the live comparison is test/real/erpnext/mapping.test.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validateInvoice } from '../../invoice/validate';
import { compareInvoices, formatRows } from './compare-ic';
import { erpnext } from './index';
import type { ErpnextDocument } from './records';

const DIR = new URL('./fixtures/india-compliance/', import.meta.url);
const captured = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as {
  case: string; title: string; document: ErpnextDocument; indiaCompliance: Record<string, unknown>;
});

describe("captured real invoices: the project's INV-01 equals India Compliance's builder", () => {
  test('the captures are there', () => assert.ok(captured.length >= 10));
  for (const c of captured) {
    test(`${c.case}: ${c.title}`, () => {
      const { invoice, issues } = erpnext.map(c.document);
      const rows = compareInvoices(invoice, c.indiaCompliance);
      const table = formatRows(c.case, rows);
      assert.deepEqual(rows.filter((r) => r.verdict === 'DIFFERENT').map((r) => r.path), [], table);
      assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
      const docDate = new Date(`${c.document.invoice.posting_date}T12:00:00+05:30`);
      assert.deepEqual(validateInvoice(invoice, { now: docDate }).filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.path}`), []);
    });
  }
  test('the comparison can fail: a changed amount is DIFFERENT', () => {
    const c = captured[0];
    const { invoice } = erpnext.map(c.document);
    invoice.ValDtls.TotInvVal += 5;
    assert.ok(compareInvoices(invoice, c.indiaCompliance).some((r) => r.path === 'ValDtls.TotInvVal' && r.verdict === 'DIFFERENT'));
  });
});
