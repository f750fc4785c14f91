/**
 * The background prepares what the panel shows from the document the page read (issue 12: the
 * mapping is not in the page): the same mapping, breakdown and ERP names as the module gives, sent
 * through a structured clone as a message would be; a draft gets the ERP's words and no mapping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { erpnext, type ErpnextDocument } from '@irn-bridge/shared/erps';
import { erpnextPageUi } from '@irn-bridge/shared/erps/erpnext/page-ui';
import { breakdown } from '../ui/breakdown';
import { fixesFor, prepareInvoice } from './prepare';

const fixture = (f: string) => JSON.parse(readFileSync(new URL(`../../shared/src/erps/erpnext/fixtures/${f}.json`, import.meta.url), 'utf8')).data;
const addresses = Object.fromEntries(['company-billing', 'rangoli-foods', 'bhima-stores'].map((f) => {
  const a = fixture(`address-${f}`);
  return [a.name, a];
}));
const doc = (file: string): ErpnextDocument => ({ erp: 'erpnext', invoice: fixture(`sales-invoice-${file}`), addresses, returnAgainst: null } as ErpnextDocument);
const ORIGIN = 'https://erp.example.com';

test('a submitted ERPNext invoice is mapped as the module maps it, with its breakdown, totals and item links', () => {
  const d = doc('interstate');
  const got = prepareInvoice(structuredClone({ doc: d, origin: ORIGIN }));
  const want = erpnext.map(d);
  assert.ok(got.mapped, 'a submitted invoice is mapped');
  assert.deepEqual(got.mapped.invoice, want.invoice);
  assert.deepEqual(got.mapped.issues, want.issues);
  assert.deepEqual(got.mapped.breakdown, breakdown(want.invoice));
  assert.deepEqual(got.mapped.totals, erpnext.totals(d));
  assert.equal(got.mapped.summary.docNo, want.invoice.DocDtls.No);
  assert.equal(got.mapped.lines.length, want.invoice.ItemList.length);
  assert.match(got.mapped.lines[0].href ?? '', /^https:\/\/erp\.example\.com\/app\/item\//);
  assert.equal(got.mapped.labels.roundOff, 'Rounding Adjustment');
  assert.equal(got.erp.final, true);
});

test("a draft is not mapped: the panel gets ERPNext's words for it", () => {
  const got = prepareInvoice({ doc: doc('draft'), origin: ORIGIN });
  assert.equal(got.erp.final, false);
  assert.equal(got.mapped, null);
  assert.equal(got.notFinal, erpnextPageUi.notFinal);
});

test('no document, no preparation: a clear refusal', () => {
  assert.throws(() => prepareInvoice({ doc: null, origin: ORIGIN }), /no ERP document/);
});

test("the fixes are ERPNext's, in the issues' order; an unknown ERP has none", () => {
  const issues = [{ path: 'ItemList[0].HsnCd', code: '2176' }, { path: 'BuyerDtls.Pos', code: '3039' }];
  assert.deepEqual(fixesFor({ erp: 'erpnext', issues }), issues.map((i) => erpnextPageUi.fixFor(i.path, i.code)));
  assert.match(fixesFor({ erp: 'erpnext', issues })[0] ?? '', /Item › HSN\/SAC/);
  assert.deepEqual(fixesFor({ erp: 'recipe', issues }), [null, null]);
});
