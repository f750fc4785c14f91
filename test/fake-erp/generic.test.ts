import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRecipeModule, validateRecipe } from '@irn-bridge/shared/erps/recipe/index';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import { createFakeGenericErp } from './generic';
import { genericJsonRecipe, genericPageRecipe } from './generic-recipe';

const ORIGIN = 'http://localhost:8123';
const NOW = new Date('2026-11-25T12:00:00+05:30');

/** A browser-ish client: keeps the session cookie the first page view sets. */
async function visit(path = '/invoices/GEN-0007') {
  const erp = createFakeGenericErp();
  const res = await erp.app.request(path);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const html = await res.text();
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    erp.app.request(String(input).replace(ORIGIN, ''), { ...init, headers: { ...(init.headers as Record<string, string>), cookie } })) as typeof globalThis.fetch;
  return { erp, html, cookie, csrf, fetch };
}

describe('fake generic ERP', () => {
  test('invoice pages are plain HTML with the party, the item table and the totals', async () => {
    const { html, cookie } = await visit();
    assert.match(cookie, /^gsid=/);
    assert.match(html, /<span id="invoice-number">GEN\/26\/0007<\/span>/);
    assert.match(html, /<span class="party-gstin">37AAGCR5310M1Z6<\/span>/);
    assert.equal(html.match(/<tr data-sku=/g)?.length, 2);
    assert.match(html, /<span id="grand-total">32,550\.00<\/span>/);
    assert.doesNotMatch(html, /<script/);
  });

  test('the JSON needs the session; the write-back needs the page\'s CSRF token too', async () => {
    const { erp, cookie, csrf } = await visit();
    assert.equal((await erp.app.request('/api/invoices/GEN-0007')).status, 401);
    assert.equal((await erp.app.request('/api/invoices/GEN-0007', { headers: { cookie } })).status, 200);
    const post = (headers: Record<string, string>) => erp.app.request('/api/invoices/GEN-0007/einvoice', {
      method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ irn: 'x'.repeat(64) }),
    });
    assert.equal((await post({ 'x-csrf-token': 'wrong' })).status, 403);
    assert.equal((await post({ 'x-csrf-token': csrf })).status, 200);
    assert.deepEqual(erp.writes.map((w) => w.id), ['GEN-0007']);
    assert.match(await (await erp.app.request('/invoices/GEN-0007', { headers: { cookie } })).text(), /id="invoice-irn">x{64}</);
  });
});

describe('the example recipes', () => {
  test('both validate without issues', () => {
    assert.deepEqual(validateRecipe(genericPageRecipe(ORIGIN)), []);
    assert.deepEqual(validateRecipe(genericJsonRecipe(ORIGIN)), []);
  });

  for (const id of ['GEN-0007', 'GEN-0008']) {
    test(`the JSON recipe reads ${id} with the session into a valid INV-01`, async () => {
      const { fetch } = await visit(`/invoices/${id}`);
      const recipe = createRecipeModule(genericJsonRecipe(ORIGIN));
      const doc = await recipe.read({ origin: ORIGIN, fetch, pageGlobals: async () => ({}) }, { erp: 'recipe', name: id });
      const { invoice, issues } = recipe.map(doc);
      assert.deepEqual(issues, []);
      assert.deepEqual(validateInvoice(invoice, { now: NOW }).filter((i) => i.severity === 'error'), []);
      if (id === 'GEN-0008') {
        // Intra-state, and the ERP rounds the total: CGST+SGST and the round-off come through.
        assert.deepEqual([invoice.ValDtls.CgstVal, invoice.ValDtls.SgstVal, invoice.ValDtls.IgstVal, invoice.ValDtls.RndOffAmt, invoice.ValDtls.TotInvVal], [95.45, 95.45, 0, 0.1, 4009]);
      } else {
        assert.deepEqual([invoice.ValDtls.IgstVal, invoice.ValDtls.TotInvVal], [1550, 32550]);
      }
    });
  }
});
