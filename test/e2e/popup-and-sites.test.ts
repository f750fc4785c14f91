/** The popup (GSTIN lookup, recent IRNs), per-site enablement, and the companion being down. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { enableSiteViaOptions, pairViaOptions, readyBrowser } from './support/flows';

let companion: TestCompanion;
let site: ServedSite;

before(async () => {
  companion = await startTestCompanion();
  site = await serveSite(createFakeErpnext({ variant: 'comment-only' }).app);
});
after(async () => {
  await site?.close();
  await companion?.close();
});

const invoiceUrl = (origin: string, name: string) =>
  erpnextLoginUrl(origin, erpnextInvoicePath(name));

describe('popup', () => {
  test('GSTIN lookup: a wrong check character is flagged as typed, then the details of a valid GSTIN; recent IRNs listed', async () => {
    const b = await launchExtensionBrowser();
    try {
      await readyBrowser(b, companion, site.origin);
      const erp = await b.context.newPage();
      await erp.goto(invoiceUrl(site.origin, 'ASW-26-00042'));
      await erp.getByTestId('irn-generate').click();
      await erp.getByTestId('irn-confirm').click();
      const irn = await textOf(erp.getByTestId('irn-irn'));
      assert.equal(await erp.getByTestId('irn-writeback').getAttribute('data-method'), 'comment');

      const popup = await b.openExtensionPage('popup.html');
      await expect(popup.getByTestId('popup-badge'));
      assert.equal(await popup.getByTestId('popup-badge').textContent(), 'DEMO');
      const input = popup.getByTestId('gstin-input');
      await input.pressSequentially('37AAGCR5310M1Z');
      assert.match(await textOf(popup.getByTestId('gstin-check')), /14 of 15/);
      await input.press('7'); // the right check character is 6
      assert.equal(await popup.getByTestId('gstin-check').getAttribute('data-ok'), 'false');
      assert.match(await textOf(popup.getByTestId('gstin-check')), /check/i);
      assert.equal(await popup.getByTestId('gstin-lookup').isDisabled(), true);

      await input.press('Backspace');
      await input.press('6');
      assert.equal(await popup.getByTestId('gstin-check').getAttribute('data-ok'), 'true');
      await popup.getByTestId('gstin-lookup').click();
      assert.equal(await textOf(popup.getByTestId('gstin-legal-name')), 'Rangoli Foods Private Limited');
      assert.equal(await textOf(popup.getByTestId('gstin-status')), 'Active');
      assert.match(await textOf(popup.getByTestId('gstin-state')), /37/);
      assert.match(await textOf(popup.getByTestId('gstin-reg-date')), /2019/);

      const recent = await expect(popup.getByTestId('recent-item'));
      // Each recent IRN names the document, the customer and the amount (the IRN itself is in the history).
      assert.match((await recent.first().textContent()) ?? '', /INV ASW-26-00042.*₹ 46,064\.00.*Rangoli Foods Private Limited/);
      assert.equal((await companion.running.companion.ledger.findByIrn(irn))?.state, 'generated');
      saveScreenshot('popup', await popup.locator('body').screenshot());
    } finally {
      await b.close();
    }
  });
});

describe('per-site enablement', () => {
  test('enable registers a persistent content script; remove unregisters it and forgets the site', async () => {
    const b = await launchExtensionBrowser();
    try {
      const options = await pairViaOptions(b, companion);
      await enableSiteViaOptions(options, site.origin);
      const registered = () => b.worker.evaluate(async () =>
        (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).map((s: any) => ({ matches: s.matches, persist: s.persistAcrossSessions })));
      assert.deepEqual(await registered(), [{ matches: ['http://localhost/*'], persist: true }]);

      const erp = await b.context.newPage();
      await erp.goto(invoiceUrl(site.origin, 'ASW-26-00043'));
      await expect(erp.getByTestId('irn-panel'));

      await options.bringToFront();
      await options.getByTestId('options-site-remove').click();
      await expect(options.getByTestId('options-sites-empty'));
      assert.deepEqual(await registered(), []);
    } finally {
      await b.close();
    }
  });
});

describe('companion not running', () => {
  test('the panel and the popup say so, and how to start it', async () => {
    const own = await startTestCompanion();
    const b = await launchExtensionBrowser();
    try {
      await readyBrowser(b, own, site.origin);
      const erp = await b.context.newPage();
      await erp.goto(invoiceUrl(site.origin, 'ASW-26-00043'));
      await expect(erp.getByTestId('irn-generate'));
      await own.stop();

      await erp.getByTestId('irn-generate').click();
      const error = await expect(erp.getByTestId('irn-error'));
      assert.equal(await error.getAttribute('data-code'), 'COMPANION_DOWN');
      assert.match(await textOf(erp.getByTestId('irn-error-message')), /companion is not running/);
      assert.match(await textOf(erp.getByTestId('irn-error-hint')), /IT person.*irn-bridge doctor/);
      saveScreenshot('erpnext-panel-companion-down', await erp.getByTestId('irn-panel').screenshot());

      const popup = await b.openExtensionPage('popup.html');
      assert.match(await textOf(popup.getByTestId('popup-status-message')), /not running/);
    } finally {
      await b.close();
      await own.close();
    }
  });
});
