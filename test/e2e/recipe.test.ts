/**
 * Recipes end to end: real Chromium with the built extension, a fake web ERP no adapter knows, the
 * companion with its offline IRP. The clerk imports a recipe in options (which enables the site),
 * opens an invoice page and registers it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Recipe } from '@irn-bridge/shared/erps/recipe/index';
import type { Page } from 'playwright-core';
import { createFakeGenericErp, type FakeGenericErp } from '../fake-erp/generic';
import { genericJsonRecipe, genericPageRecipe } from '../fake-erp/generic-recipe';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { pairViaOptions } from './support/flows';

let companion: TestCompanion;
let erp: FakeGenericErp;
let site: ServedSite;

before(async () => {
  companion = await startTestCompanion();
  erp = createFakeGenericErp();
  site = await serveSite(erp.app);
});
after(async () => {
  await site?.close();
  await companion?.close();
});

/** Pastes `recipe` into the options page's Recipes box and imports it. */
async function importRecipe(options: Page, recipe: unknown): Promise<void> {
  await options.getByTestId('options-recipe-json').fill(typeof recipe === 'string' ? recipe : JSON.stringify(recipe, null, 2));
  await options.getByTestId('options-recipe-import').click();
}

/** A fresh browser, paired, with `recipe` imported from options (which enables the site). */
async function withRecipe(recipe: Recipe): Promise<{ b: ExtensionBrowser; options: Page }> {
  const b = await launchExtensionBrowser();
  try {
    const options = await pairViaOptions(b, companion);
    await importRecipe(options, recipe);
    await expect(options.locator(`[data-testid="options-recipe"][data-id="${recipe.id}"][data-site-enabled="true"]`));
    await expect(options.locator('[data-testid="options-site"][data-registered="true"]'));
    return { b, options };
  } catch (err) {
    await b.close();
    throw err;
  }
}

const panel = (page: Page) => page.getByTestId('irn-panel');

describe('Recipes: any web ERP', () => {
  test('import a page recipe → enable the site → Generate on the invoice page → IRN and QR; the ledger has it', async () => {
    const before = await companion.irpRegistrations();
    const { b, options } = await withRecipe(genericPageRecipe(site.origin));
    try {
      assert.match(await textOf(options.getByTestId('options-recipe-message')), /imported; IRN Bridge is enabled on http:\/\/localhost\/\*/);
      saveScreenshot('recipe-options', await options.locator('section', { has: options.getByTestId('options-recipes') }).screenshot());

      const page = await b.context.newPage();
      await page.goto(`${site.origin}/invoices/GEN-0007`);
      await expect(page.getByTestId('irn-generate'));
      assert.equal(await panel(page).getAttribute('data-erp'), 'recipe');
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-preview'));
      assert.match(await textOf(page.getByTestId('irn-seller')), /29AAHCA4821K1ZH/);
      assert.match(await textOf(page.getByTestId('irn-buyer')), /Rangoli Foods Private Limited · 37AAGCR5310M1Z6/);
      assert.match(await textOf(page.getByTestId('irn-doc')), /GEN\/26\/0007 dated 20\/11\/2026/);
      assert.equal(await textOf(page.getByTestId('irn-item-count')), '2');
      assert.equal(await page.getByTestId('irn-confirm').isEnabled(), true);
      saveScreenshot('recipe-panel-preview', await panel(page).screenshot());

      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      assert.match(irn, /^[0-9a-f]{64}$/);
      assert.equal(await page.getByTestId('irn-qr').locator('svg path').count(), 1);
      const wb = await expect(page.getByTestId('irn-writeback'));
      assert.equal(await wb.getAttribute('data-method'), 'none');
      assert.match(await textOf(wb), /does not record the IRN in Generic ERP/);
      saveScreenshot('recipe-panel-after', await panel(page).screenshot());

      const row = (await companion.running.companion.ledger.findByIrn(irn));
      assert.deepEqual([row?.doc_type, row?.doc_no, row?.state], ['INV', 'GEN/26/0007', 'generated']);
      assert.equal(await companion.irpRegistrations(), before + 1);
      assert.deepEqual(erp.writes, [], 'no write-back in this recipe');

      // After a reload the ledger answers; a recipe without write-back offers no "record in ERP" button.
      await page.reload();
      assert.equal(await textOf(page.getByTestId('irn-irn')), irn);
      assert.equal(await page.getByTestId('irn-writeback-retry').count(), 0);

      // A draft (finalWhen does not match) cannot be registered.
      await page.goto(`${site.origin}/invoices/GEN-0009`);
      await expect(page.getByTestId('irn-not-final'));
      assert.equal(await page.getByTestId('irn-generate').count(), 0);
    } finally {
      await b.close();
    }
  });

  test('a recipe with a broken selector → the preview names the field and the selector; Generate stays disabled', async () => {
    const before = await companion.irpRegistrations();
    const broken = genericPageRecipe(site.origin);
    broken.id = 'generic-erp-broken';
    (broken.source.fields as Record<string, string>)['BuyerDtls.Gstin'] = '#bill-to .gstin-typo';
    const { b } = await withRecipe(broken);
    try {
      const page = await b.context.newPage();
      await page.goto(`${site.origin}/invoices/GEN-0008`);
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-blocked'));
      const issue = page.locator('[data-testid="irn-issue"][data-path="BuyerDtls.Gstin"][data-code="ERP_MAPPING"]');
      assert.match(await textOf(issue), /Generic ERP.*"#bill-to \.gstin-typo".*BuyerDtls\.Gstin/);
      assert.equal(await page.getByTestId('irn-confirm').isDisabled(), true);
      saveScreenshot('recipe-panel-broken-selector', await panel(page).screenshot());
      assert.equal(await companion.irpRegistrations(), before);
    } finally {
      await b.close();
    }
  });

  test('options refuses an invalid recipe, naming the field; a JSON recipe writes the IRN back', async () => {
    const b = await launchExtensionBrowser();
    try {
      const options = await pairViaOptions(b, companion);
      const bad = genericJsonRecipe(site.origin) as unknown as Record<string, any>;
      bad.source.fields['Buyer.Gstin'] = 'data.customer.gstin';
      bad.writeBack.url = 'https://elsewhere.example/collect';
      await importRecipe(options, bad);
      await expect(options.locator('[data-testid="options-recipe-issue"][data-path="source.fields.Buyer.Gstin"]'));
      await expect(options.locator('[data-testid="options-recipe-issue"][data-path="writeBack.url"]'));
      assert.match(await textOf(options.getByTestId('options-recipe-message')), /^Not imported/);
      assert.equal(await options.getByTestId('options-recipe').count(), 0);
      await importRecipe(options, '{ "id": "x", ');
      assert.match(await textOf(options.getByTestId('options-recipe-issue')), /not valid JSON/);

      const good = genericJsonRecipe(site.origin);
      await importRecipe(options, good);
      await expect(options.locator(`[data-testid="options-recipe"][data-id="${good.id}"][data-site-enabled="true"]`));
      // Export puts the stored recipe back in the box.
      await options.getByTestId('options-recipe-export').click();
      assert.deepEqual(JSON.parse(await options.getByTestId('options-recipe-json').inputValue()), good);

      const page = await b.context.newPage();
      await page.goto(`${site.origin}/invoices/GEN-0008`);
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-valid'));
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      const wb = await expect(page.getByTestId('irn-writeback'));
      assert.equal(await wb.getAttribute('data-method'), 'recipe-post');
      assert.equal(await wb.getAttribute('data-ok'), 'true');
      assert.deepEqual(erp.writes.map((w) => [w.id, w.body.irn]), [['GEN-0008', irn]]);
      assert.equal((await companion.running.companion.ledger.findByIrn(irn))?.doc_no, 'GEN/26/0008');

      // Delete: the recipe is gone from options (the site stays enabled).
      await options.bringToFront();
      await options.getByTestId('options-recipe-delete').click();
      await expect(options.getByTestId('options-recipes-empty'));
    } finally {
      await b.close();
    }
  });
});
