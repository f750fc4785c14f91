import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInvoice } from '../../invoice/validate';
import { erpTotals, mapErpDocumentWithIssues, summarizeErpDocument, type ErpDocument } from '../index';
import {
  compileUrlPattern, mapRecipeDocument, matchUrlPattern, parseRecipe, readJsonPath, readRecipeValue, validateRecipe,
  type Recipe, type RecipeValues,
} from './types';

const NOW = new Date('2026-11-25T12:00:00+05:30');
const errors = (inv: unknown) => validateInvoice(inv, { now: NOW }).filter((i) => i.severity === 'error');

/** A DOM recipe for a plain HTML invoice page; the seller comes from defaults, as on most ERPs. */
function recipe(over: Partial<Recipe> = {}): Recipe {
  return {
    id: 'acme-books',
    label: 'Acme Books',
    origin: 'https://books.acme.example',
    urlPattern: '/invoices/{id}',
    source: {
      kind: 'dom',
      fields: {
        'DocDtls.No': '#inv-no',
        'DocDtls.Dt': { selector: '#inv-date', parse: 'date-dmy' },
        'BuyerDtls.Gstin': '#bill-to .gstin',
        'BuyerDtls.LglNm': '#bill-to .name',
        'BuyerDtls.Addr1': '#bill-to .addr1',
        'BuyerDtls.Loc': '#bill-to .city',
        'BuyerDtls.Pin': '#bill-to .pin',
        'BuyerDtls.Pos': '#pos',
        'ValDtls.TotInvVal': '#grand-total',
        Status: '#status',
      },
      items: { rowSelector: '#lines tbody tr', fields: { PrdDesc: '.desc', HsnCd: '.hsn', Qty: '.qty', Unit: '.uom', UnitPrice: '.rate', GstRt: '.gst' } },
    },
    defaults: {
      'SellerDtls.Gstin': '29AAHCA4821K1ZH',
      'SellerDtls.LglNm': 'Aruna Spice Works Private Limited',
      'SellerDtls.Addr1': 'No. 14, 2nd Cross, Peenya Industrial Area',
      'SellerDtls.Loc': 'Bengaluru',
      'SellerDtls.Pin': 560058,
    },
    finalWhen: { field: 'Status', pattern: '^(posted|paid)$' },
    ...over,
  };
}

/** What the adapter reads from the page of an inter-state invoice: text as printed. */
function interstate(): RecipeValues {
  return {
    id: 'GEN-0007',
    fields: {
      'DocDtls.No': 'GEN/26/0007', 'DocDtls.Dt': '20-11-2026',
      'BuyerDtls.Gstin': '37AAGCR5310M1Z6', 'BuyerDtls.LglNm': 'Rangoli Foods Private Limited',
      'BuyerDtls.Addr1': 'D.No. 40-5-12, Benz Circle Road', 'BuyerDtls.Loc': 'Vijayawada', 'BuyerDtls.Pin': '520 010',
      'BuyerDtls.Pos': '37-Andhra Pradesh', 'ValDtls.TotInvVal': '₹ 32,550.00', Status: 'Posted',
    },
    items: [
      { PrdDesc: 'Turmeric powder 1 kg', HsnCd: '0910 30 20', Qty: '100', Unit: 'Kg', UnitPrice: '₹ 180.00', GstRt: '5%' },
      { PrdDesc: 'Black pepper whole', HsnCd: '09042211', Qty: '25', Unit: 'kg', UnitPrice: '520.00', GstRt: '5 %' },
    ],
    missing: [],
  };
}

describe('validateRecipe', () => {
  test('a complete recipe has no issues', () => {
    assert.deepEqual(validateRecipe(recipe()), []);
  });

  test('every problem names the recipe field it is about', () => {
    const bad = recipe({ origin: 'https://books.acme.example/app', urlPattern: 'invoices/{id}' }) as unknown as Record<string, any>;
    bad.source.fields['Buyer.Gstin'] = '#gstin';
    bad.source.fields['DocDtls.Dt'] = { selector: '#d', parse: 'dd/mm' };
    delete bad.source.items.rowSelector;
    delete bad.source.items.fields.HsnCd;
    const paths = validateRecipe(bad).filter((i) => i.severity === 'error').map((i) => i.path);
    assert.deepEqual(paths.sort(), [
      'origin', 'source.fields.Buyer.Gstin', 'source.fields.DocDtls.Dt.parse', 'source.items.fields.HsnCd', 'source.items.rowSelector', 'urlPattern',
    ].sort());
  });

  test('required fields may come from defaults (the seller), but the document number may not', () => {
    const r = recipe({ defaults: { 'DocDtls.No': 'X' } });
    const issues = validateRecipe(r).filter((i) => i.severity === 'error');
    assert.deepEqual(issues.map((i) => i.path).sort(), ['defaults.DocDtls.No', 'source.fields.SellerDtls.Gstin']);
    assert.match(issues.find((i) => i.path === 'source.fields.SellerDtls.Gstin')!.hint ?? '', /defaults/);
  });

  test('unmapped address fields are warnings: the recipe still imports', () => {
    const r = recipe();
    delete (r.source.fields as Record<string, unknown>)['BuyerDtls.Addr1'];
    const issues = validateRecipe(r);
    assert.deepEqual(issues.map((i) => [i.path, i.severity]), [['source.fields.BuyerDtls.Addr1', 'warning']]);
  });

  test('JSON recipes read and write on their own origin only, and {id} must be captured', () => {
    const r = recipe({
      urlPattern: '/invoices/*',
      source: { kind: 'json', url: 'https://evil.example/api/{id}', fields: { 'DocDtls.No': 'no', 'DocDtls.Dt': 'date', 'BuyerDtls.Gstin': 'buyer.gstin' }, items: { path: 'lines', fields: { HsnCd: 'hsn', AssAmt: 'net', GstRt: 'rate' } } },
      writeBack: { kind: 'json-post', url: '//evil.example/x', body: { irn: '{irn}' } },
      finalWhen: undefined,
    });
    const paths = validateRecipe(r).filter((i) => i.severity === 'error').map((i) => i.path);
    assert.deepEqual(paths.sort(), ['source.url', 'urlPattern', 'writeBack.url']);
  });

  test('parseRecipe: bad JSON and bad recipes give no recipe; a good one comes back', () => {
    assert.equal(parseRecipe('{ not json').recipe, null);
    assert.match(parseRecipe('{ not json').issues[0].message, /not valid JSON/);
    assert.equal(parseRecipe('[]').recipe, null);
    assert.equal(parseRecipe(JSON.stringify(recipe()))?.recipe?.id, 'acme-books');
  });
});

describe('URL patterns', () => {
  const m = (pattern: string, href: string) => {
    const u = new URL(href, 'https://x.example');
    return matchUrlPattern(compileUrlPattern(pattern), u)?.id ?? null;
  };
  test('globs capture {id}, ignore query and hash unless they name them, tolerate a trailing slash', () => {
    assert.equal(m('/invoices/{id}', '/invoices/INV%2F7?tab=lines#top'), 'INV/7');
    assert.equal(m('/invoices/{id}', '/invoices/7/'), '7');
    assert.equal(m('/invoices/{id}', '/invoices/7/edit'), null);
    assert.equal(m('/invoices/{id}', '/invoices'), null);
    assert.equal(m('/invoice.php?id={id}', '/invoice.php?id=42'), '42');
    assert.equal(m('/app#/sales/invoice/{id}', '/app#/sales/invoice/99'), '99');
    assert.equal(m('/*/invoice/{id}', '/acme/invoice/5'), '5');
    assert.equal(m('/**/invoice/{id}', '/a/b/c/invoice/5'), '5');
    assert.equal(m('/invoices/*', '/invoices/5'), '', 'no capture: the id is read from the page');
  });
  test('regular expressions use the group named id, else the first', () => {
    assert.equal(m('^/inv/(?<id>\\d+)$', '/inv/12'), '12');
    assert.equal(m('^/doc\\?type=inv&no=([^&]+)', '/doc?type=inv&no=A-1&x=2'), 'A-1');
    assert.throws(() => compileUrlPattern('^/inv/(unclosed'), /not a valid regular expression/);
    assert.throws(() => compileUrlPattern('invoices/{id}'), /must start with/);
  });
});

describe('reading values', () => {
  test('numbers as ERPs print them', () => {
    const n = (s: string) => readRecipeValue(s, 'number');
    assert.deepEqual(n('₹ 1,23,456.50'), { ok: true, value: 123456.5 });
    assert.deepEqual(n('Rs.500'), { ok: true, value: 500 });
    assert.deepEqual(n('(500.00)'), { ok: true, value: -500 });
    assert.deepEqual(n('−12.5'), { ok: true, value: -12.5 });
    assert.deepEqual(n('18%'), { ok: true, value: 18 });
    assert.equal(n('nil').ok, false);
  });
  test('dates become dd/mm/yyyy', () => {
    const d = (s: string, parse?: 'date-dmy' | 'date-ymd') => readRecipeValue(s, 'date', parse);
    assert.deepEqual(d('2026-11-20'), { ok: true, value: '20/11/2026' });
    assert.deepEqual(d('20-11-2026'), { ok: true, value: '20/11/2026' });
    assert.deepEqual(d('5 Nov 2026'), { ok: true, value: '05/11/2026' });
    assert.deepEqual(d('Nov 5, 2026'), { ok: true, value: '05/11/2026' });
    assert.deepEqual(d('2026/11/05', 'date-ymd'), { ok: true, value: '05/11/2026' });
    assert.equal(d('31/02/2026').ok, false, 'no 31st of February');
    assert.equal(d('2026-11-20', 'date-dmy').ok, false);
  });
  test('JSON pointers and dot paths', () => {
    const v = { data: { items: [{ qty: 2 }], 'a/b': 1 } };
    assert.equal(readJsonPath(v, '/data/items/0/qty'), 2);
    assert.equal(readJsonPath(v, 'data.items[0].qty'), 2);
    assert.equal(readJsonPath(v, 'data.items.0.qty'), 2);
    assert.equal(readJsonPath(v, '/data/a~1b'), 1);
    assert.equal(readJsonPath(v, 'data.nope.qty'), undefined);
  });
});

describe('mapRecipeDocument', () => {
  test('inter-state: IGST from the rate, totals derived, the page total kept; passes validation', () => {
    const issues: any[] = [];
    const inv = mapRecipeDocument(recipe(), interstate(), { issues });
    assert.deepEqual(issues, []);
    assert.deepEqual(errors(inv), []);
    assert.deepEqual(inv.DocDtls, { Typ: 'INV', No: 'GEN/26/0007', Dt: '20/11/2026' });
    assert.deepEqual([inv.SellerDtls.Stcd, inv.BuyerDtls.Stcd, inv.BuyerDtls.Pos, inv.BuyerDtls.Pin], ['29', '37', '37', 520010]);
    assert.deepEqual(
      inv.ItemList.map((i) => [i.HsnCd, i.Unit, i.Qty, i.UnitPrice, i.TotAmt, i.AssAmt, i.GstRt, i.IgstAmt, i.CgstAmt, i.SgstAmt, i.TotItemVal]),
      [
        ['09103020', 'KGS', 100, 180, 18000, 18000, 5, 900, 0, 0, 18900],
        ['09042211', 'KGS', 25, 520, 13000, 13000, 5, 650, 0, 0, 13650],
      ],
    );
    assert.equal(inv.ValDtls.AssVal, 31000);
    assert.equal(inv.ValDtls.IgstVal, 1550);
    assert.equal(inv.ValDtls.TotInvVal, 32550);
  });

  test('intra-state: CGST and SGST halves; a total within a rupee becomes the round-off', () => {
    const v = interstate();
    Object.assign(v.fields, { 'BuyerDtls.Gstin': '29AAKCB2045P1Z7', 'BuyerDtls.Pos': 'Karnataka', 'ValDtls.TotInvVal': '206' });
    v.items = [{ HsnCd: '09109100', Qty: '3', Unit: 'Nos', UnitPrice: '65.33', GstRt: '5' }];
    const inv = mapRecipeDocument(recipe(), v);
    const it = inv.ItemList[0];
    assert.deepEqual([it.AssAmt, it.IgstAmt, it.CgstAmt, it.SgstAmt, it.TotItemVal], [195.99, 0, 4.9, 4.9, 205.79]);
    assert.equal(inv.BuyerDtls.Pos, '29');
    assert.equal(inv.ValDtls.RndOffAmt, 0.21);
    assert.equal(inv.ValDtls.TotInvVal, 206);
    assert.deepEqual(errors(inv), []);
  });

  test('only taxable value and tax shown: the rate is derived, the tax is split by place of supply', () => {
    const r = recipe();
    r.source.items.fields = { HsnCd: '.hsn', AssAmt: '.net', TaxAmt: '.tax' };
    const v = interstate();
    v.items = [{ HsnCd: '09103020', AssAmt: '1,000.00', TaxAmt: '180.00' }];
    delete v.fields['ValDtls.TotInvVal'];
    const inv = mapRecipeDocument(r, v);
    assert.deepEqual([inv.ItemList[0].GstRt, inv.ItemList[0].IgstAmt, inv.ValDtls.TotInvVal], [18, 180, 1180]);
  });

  test('a selector that found nothing becomes an issue naming the field and the selector', () => {
    const v = interstate();
    delete v.fields['BuyerDtls.Gstin'];
    v.missing = ['BuyerDtls.Gstin', 'items[1].HsnCd'];
    delete v.items[1].HsnCd;
    const { issues } = mapErpDocumentWithIssues({ erp: 'recipe', recipe: recipe(), values: v });
    const gstin = issues.find((i) => i.path === 'BuyerDtls.Gstin');
    assert.equal(gstin?.severity, 'error');
    assert.match(gstin!.message, /Acme Books.*"#bill-to \.gstin".*BuyerDtls\.Gstin/);
    assert.match(issues.find((i) => i.path === 'ItemList[1].HsnCd')!.message, /"\.hsn"/);
  });

  test('no item rows: an issue naming the row selector', () => {
    const v = { ...interstate(), items: [], missing: ['items'] };
    const { issues } = mapErpDocumentWithIssues({ erp: 'recipe', recipe: recipe(), values: v });
    assert.match(issues.find((i) => i.path === 'ItemList')!.message, /#lines tbody tr/);
  });

  test('a value that is not a number, and a line total that disagrees with the page, are errors', () => {
    const r = recipe();
    r.source.items.fields.TotItemVal = '.total';
    const v = interstate();
    v.items[0].UnitPrice = 'n/a';
    v.items[1].TotItemVal = '14,000.00';
    const issues: any[] = [];
    mapRecipeDocument(r, v, { issues });
    assert.ok(issues.some((i) => i.path === 'ItemList[0].UnitPrice' && /"n\/a".*not a number/.test(i.message)));
    assert.ok(issues.some((i) => i.path === 'ItemList[1].TotItemVal' && i.severity === 'error'));
  });

  test('a credit note printed with negative amounts becomes a positive CRN with its original invoice', () => {
    const r = recipe();
    Object.assign(r.source.fields, { 'DocDtls.Typ': '#doc-type', 'RefDtls.PrecDocDtls.InvNo': '#against', 'RefDtls.PrecDocDtls.InvDt': '#against-date' });
    const v = interstate();
    Object.assign(v.fields, { 'DocDtls.Typ': 'Credit Note', 'RefDtls.PrecDocDtls.InvNo': 'GEN/26/0001', 'RefDtls.PrecDocDtls.InvDt': '2026-11-02', 'ValDtls.TotInvVal': '-18,900.00' });
    v.items = [{ HsnCd: '09103020', Qty: '-100', Unit: 'KGS', UnitPrice: '180', GstRt: '5' }];
    const inv = mapRecipeDocument(r, v);
    assert.equal(inv.DocDtls.Typ, 'CRN');
    assert.deepEqual(inv.RefDtls, { PrecDocDtls: [{ InvNo: 'GEN/26/0001', InvDt: '02/11/2026' }] });
    assert.deepEqual([inv.ItemList[0].Qty, inv.ItemList[0].AssAmt, inv.ValDtls.TotInvVal], [100, 18000, 18900]);
    assert.deepEqual(errors(inv), []);
  });

  test('export without payment: buyer URP in state 96, no tax', () => {
    const r = recipe({ defaults: { ...recipe().defaults, 'TranDtls.SupTyp': 'EXPWOP' } });
    const v = interstate();
    Object.assign(v.fields, { 'BuyerDtls.Gstin': '', 'ValDtls.TotInvVal': '31000' });
    const inv = mapRecipeDocument(r, v);
    assert.deepEqual([inv.BuyerDtls.Gstin, inv.BuyerDtls.Pos, inv.BuyerDtls.Stcd, inv.ValDtls.IgstVal, inv.ValDtls.TotInvVal], ['URP', '96', '96', 0, 31000]);
  });
});

describe('recipe documents through the common entry points', () => {
  const doc = (v = interstate()): ErpDocument => ({ erp: 'recipe', recipe: recipe(), values: v });
  test('summary: number, date, party, total; final only when the status matches finalWhen', () => {
    const s = summarizeErpDocument(doc());
    assert.deepEqual(s, {
      ref: { erp: 'recipe', name: 'GEN-0007' }, docType: 'INV', docNo: 'GEN/26/0007', docDate: '20/11/2026',
      partyName: 'Rangoli Foods Private Limited', partyGstin: '37AAGCR5310M1Z6', grandTotal: 32550, currency: 'INR', final: true, irn: null,
    });
    const draft = interstate();
    draft.fields.Status = 'Draft';
    assert.equal(summarizeErpDocument(doc(draft)).final, false);
  });
  test('totals come from the mapped invoice', () => {
    assert.deepEqual(erpTotals(doc()), { grandTotal: 32550, taxableTotal: 31000, taxTotal: 1550, roundOff: 0, currency: 'INR' });
  });
});
