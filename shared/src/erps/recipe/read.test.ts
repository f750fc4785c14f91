import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { mapErpDocumentWithIssues, type Recipe } from '@irn-bridge/shared/erps';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import { erpModulesFor, findErpDocument, type ErpDocumentRef, type ErpIo } from '../index';
import { createRecipeModule, type RecipeReadOptions } from './index';
import type { EInvoiceResult } from '../../api/contract';
import { env, fakeFetch, RESULT } from '../testing/fakes';

const ORIGIN = 'https://books.acme.example';
const HTML = readFileSync(new URL('../testing/recipe-invoice.html', import.meta.url), 'utf8');
const NOW = new Date('2026-11-25T12:00:00+05:30');

/** The recipe module bound to one page's I/O, as the content script uses it. */
function createRecipeAdapter(io: ErpIo, recipe: Recipe, options?: RecipeReadOptions) {
  const m = createRecipeModule(recipe, options);
  return {
    writesBack: m.writesBack,
    matches: (url: URL) => m.detect(url) !== null,
    detect: (doc: Document) => m.detect(new URL(doc.location.href), doc),
    read: (ref: ErpDocumentRef) => m.read(io, ref),
    writeBack: (ref: ErpDocumentRef, result: EInvoiceResult) => m.record(io, ref, { kind: 'generated', result }),
  };
}

/** The fixture page as the content script would see it, at `path`. */
function page(path = '/invoices/GEN-0007', html = HTML): Document {
  const { document } = parseHTML(html);
  const url = new URL(path, ORIGIN);
  Object.defineProperty(document, 'location', { value: { href: url.href, origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash } });
  return document as unknown as Document;
}

function domRecipe(over: Partial<Recipe> = {}): Recipe {
  return {
    id: 'acme', label: 'Acme Books', origin: ORIGIN, urlPattern: '/invoices/{id}',
    source: {
      kind: 'dom',
      fields: {
        'DocDtls.No': '#inv-no', 'DocDtls.Dt': '#inv-date', Status: '#status',
        'BuyerDtls.Gstin': '#bill-to .gstin', 'BuyerDtls.LglNm': '#bill-to .name', 'BuyerDtls.Addr1': '#bill-to .addr1',
        'BuyerDtls.Loc': '#bill-to .city', 'BuyerDtls.Pin': '#bill-to .pin', 'BuyerDtls.Pos': '#pos', 'ValDtls.TotInvVal': '#grand-total',
      },
      items: { rowSelector: '#lines tbody tr', fields: { PrdDesc: '.desc', HsnCd: '.hsn', Qty: '.qty', Unit: '.uom', UnitPrice: '.rate', GstRt: '.gst', TotItemVal: '.amt', Barcde: { selector: ':scope', attr: 'data-sku' } } },
    },
    defaults: {
      'SellerDtls.Gstin': '29AAHCA4821K1ZH', 'SellerDtls.LglNm': 'Aruna Spice Works Private Limited',
      'SellerDtls.Addr1': 'No. 14, 2nd Cross, Peenya Industrial Area', 'SellerDtls.Loc': 'Bengaluru', 'SellerDtls.Pin': 560058,
    },
    ...over,
  };
}

const noFetch = fakeFetch(() => undefined).fetch;

describe('recipe adapter: recognising the page', () => {
  const doc = page();
  const a = createRecipeAdapter(env(ORIGIN, noFetch, doc), domRecipe());

  test('matches its own origin and pattern only', () => {
    assert.equal(a.matches(new URL(`${ORIGIN}/invoices/GEN-0007`)), true);
    assert.equal(a.matches(new URL(`${ORIGIN}/invoices`)), false);
    assert.equal(a.matches(new URL('https://other.example/invoices/GEN-0007')), false);
  });

  test('detect names the document from the address', () => {
    assert.deepEqual(a.detect(page('/invoices/GEN%2D7')), { erp: 'recipe', name: 'GEN-7' });
    assert.equal(a.detect(page('/customers/7')), null);
  });

  test('without {id} in the pattern, the document number on the page names it', () => {
    const b = createRecipeAdapter(env(ORIGIN, noFetch, doc), domRecipe({ urlPattern: '/invoice.php?id=*' }));
    assert.deepEqual(b.detect(page('/invoice.php?id=7')), { erp: 'recipe', name: 'GEN/26/0007' });
  });
});

describe('recipe adapter: reading the page', () => {
  test('reads fields, inputs, attributes and item rows (skipping empty rows) into a valid INV-01', async () => {
    const doc = page();
    const a = createRecipeAdapter(env(ORIGIN, noFetch, doc), domRecipe());
    const d = await a.read({ erp: 'recipe', name: 'GEN-0007' });
    assert.equal(d.erp, 'recipe');
    if (d.erp !== 'recipe') return;
    assert.deepEqual(d.values.missing, []);
    assert.equal(d.values.fields['DocDtls.No'], 'GEN/26/0007');
    assert.equal(d.values.fields['BuyerDtls.Pos'], '37-Andhra Pradesh', 'an input\'s value');
    assert.deepEqual(d.values.items.map((i) => [i.HsnCd, i.Barcde, i.TotItemVal]), [['0910 30 20', 'TUR-1', '18,900.00'], ['09042211', 'PEP-2', '13,650.00']]);

    const { invoice, issues } = mapErpDocumentWithIssues(d);
    assert.deepEqual(issues, []);
    assert.deepEqual(validateInvoice(invoice, { now: NOW }).filter((i) => i.severity === 'error'), []);
    assert.deepEqual([invoice.DocDtls.Dt, invoice.ValDtls.IgstVal, invoice.ValDtls.TotInvVal], ['20/11/2026', 1550, 32550]);
  });

  test('a broken selector: the preview issue names the field and the selector', async () => {
    const r = domRecipe();
    (r.source.fields as Record<string, string>)['BuyerDtls.Gstin'] = '#bill-to .gst-no';
    (r.source.items.fields as Record<string, string>).HsnCd = '.hsn-code';
    const d = await createRecipeAdapter(env(ORIGIN, noFetch, page()), r, { settleMs: 0 }).read({ erp: 'recipe', name: 'GEN-0007' });
    assert.ok(d.erp === 'recipe');
    assert.deepEqual(d.values.missing, ['BuyerDtls.Gstin', 'items[0].HsnCd', 'items[1].HsnCd']);
    const { issues } = mapErpDocumentWithIssues(d);
    const gstin = issues.find((i) => i.path === 'BuyerDtls.Gstin');
    assert.equal(gstin?.severity, 'error');
    assert.match(gstin!.message, /nothing on the page matches "#bill-to \.gst-no" for BuyerDtls\.Gstin/);
    assert.ok(issues.some((i) => i.path === 'ItemList[1].HsnCd' && i.message.includes('".hsn-code"')));
  });

  test('an invalid selector counts as finding nothing, and no rows at all is named', async () => {
    const r = domRecipe();
    r.source.items = { ...r.source.items, rowSelector: '#lines >>> tr' } as typeof r.source.items;
    const d = await createRecipeAdapter(env(ORIGIN, noFetch, page()), r, { settleMs: 0 }).read({ erp: 'recipe', name: 'x' });
    assert.ok(d.erp === 'recipe');
    assert.deepEqual(d.values.missing, ['items']);
    assert.match(mapErpDocumentWithIssues(d).issues.find((i) => i.path === 'ItemList')!.message, /#lines >>> tr/);
  });
});

describe('recipe adapter: JSON endpoint', () => {
  const jsonRecipe = (): Recipe => ({
    ...domRecipe(),
    source: {
      kind: 'json', url: '/api/invoices/{id}',
      fields: { 'DocDtls.No': 'data.number', 'DocDtls.Dt': { path: '/data/date', parse: 'date-ymd' }, 'BuyerDtls.Gstin': 'data.customer.gstin', 'BuyerDtls.Pos': 'data.customer' },
      items: { path: 'data.lines', fields: { HsnCd: 'hsn', AssAmt: 'net', GstRt: 'rate' } },
    },
  });

  test('fetches the same-origin address with the session and reads the paths', async () => {
    const { fetch, calls } = fakeFetch((c) => (c.url.pathname === '/api/invoices/GEN%2F7'
      ? { json: { data: { number: 'GEN/7', date: '2026-11-20', customer: { gstin: '37AAGCR5310M1Z6' }, lines: [{ hsn: '09103020', net: 1000, rate: 5 }] } } }
      : undefined));
    const d = await createRecipeAdapter(env(ORIGIN, fetch), jsonRecipe()).read({ erp: 'recipe', name: 'GEN/7' });
    assert.ok(d.erp === 'recipe');
    assert.equal(calls[0].credentials, 'include');
    assert.deepEqual(d.values.fields, { 'DocDtls.No': 'GEN/7', 'DocDtls.Dt': '2026-11-20', 'BuyerDtls.Gstin': '37AAGCR5310M1Z6' });
    assert.deepEqual(d.values.missing, ['BuyerDtls.Pos'], 'an object is not a value');
    assert.deepEqual(d.values.items, [{ HsnCd: '09103020', AssAmt: 1000, GstRt: 5 }]);
  });

  test('a refused read explains itself', async () => {
    const { fetch } = fakeFetch(() => ({ status: 403, json: {} }));
    await assert.rejects(createRecipeAdapter(env(ORIGIN, fetch), jsonRecipe()).read({ erp: 'recipe', name: '1' }), /Acme Books refused \/api\/invoices\/1 \(HTTP 403\)/);
  });
});

describe('recipe adapter: write-back', () => {
  test('none: nothing is sent, the outcome says so', async () => {
    const { fetch, calls } = fakeFetch(() => ({ json: {} }));
    const a = createRecipeAdapter(env(ORIGIN, fetch, page()), domRecipe());
    assert.equal(a.writesBack, false);
    const out = await a.writeBack({ erp: 'recipe', name: 'GEN-0007' }, RESULT);
    assert.deepEqual([out.ok, out.method], [true, 'none']);
    assert.equal(calls.length, 0);
  });

  test('json-post: placeholders filled, the page\'s CSRF token sent', async () => {
    const { fetch, calls } = fakeFetch((c) => (c.method === 'POST' ? { json: { ok: true } } : undefined));
    const r = domRecipe({ writeBack: { kind: 'json-post', url: '/api/invoices/{id}/einvoice', body: { irn: '{irn}', ack: { no: '{ackNo}', at: '{ackDt}' }, note: 'IRN {irn} for {docNo}' }, csrf: { selector: 'meta[name=csrf-token]', header: 'X-CSRF-Token' } } });
    const out = await createRecipeAdapter(env(ORIGIN, fetch, page()), r).writeBack({ erp: 'recipe', name: 'GEN-0007' }, RESULT);
    assert.deepEqual([out.ok, out.method], [true, 'recipe-post']);
    assert.equal(calls[0].url.href, `${ORIGIN}/api/invoices/GEN-0007/einvoice`);
    assert.equal(calls[0].headers['X-CSRF-Token'], 'tok-123');
    assert.deepEqual(calls[0].body, { irn: RESULT.irn, ack: { no: RESULT.ackNo, at: RESULT.ackDt }, note: `IRN ${RESULT.irn} for ASW-26-00042` });
  });

  test('json-post refused: not ok, with the status', async () => {
    const { fetch } = fakeFetch(() => ({ status: 500, json: {} }));
    const r = domRecipe({ writeBack: { kind: 'json-post', url: '/x/{id}', body: {} } });
    const out = await createRecipeAdapter(env(ORIGIN, fetch, page()), r).writeBack({ erp: 'recipe', name: '1' }, RESULT);
    assert.equal(out.ok, false);
    assert.match(out.message, /HTTP 500/);
  });
});

describe('adapter registry with recipes', () => {
  test('only recipes for the page\'s origin are used, after the built-in adapters', () => {
    const greedy = domRecipe({ urlPattern: '/app/**' });
    const elsewhere = domRecipe({ id: 'other', origin: 'https://other.example' });
    const adapters = erpModulesFor(ORIGIN, [greedy, elsewhere]);
    assert.deepEqual(adapters.map((a) => a.id), ['erpnext', 'odoo', 'recipe']);
    assert.equal(findErpDocument(adapters, new URL(`${ORIGIN}/app/sales-invoice/X-1`))?.module.id, 'erpnext');
    assert.equal(findErpDocument(adapters, new URL(`${ORIGIN}/app/anything/else`), page('/app/anything/else'))?.module.label, 'Acme Books');
  });

  test('a recipe whose pattern does not compile is skipped, not fatal', () => {
    const adapters = erpModulesFor(ORIGIN, [domRecipe({ urlPattern: '^/(' })]);
    assert.deepEqual(adapters.map((a) => a.id), ['erpnext', 'odoo']);
  });
});
