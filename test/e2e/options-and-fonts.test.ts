/**
 * Options and the extension's own pages at 1366×768: no text under 12 px in the popup, options and
 * history (getComputedStyle; Chromium's extension pages set body{font-size:75%}); a site typed
 * without a scheme; while the companion is down, what a clerk can do instead of the pairing box.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeErpnext } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser } from './support/browser';
import { startTestCompanion } from './support/companion';
import { serveSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { pairViaOptions } from './support/flows';
import { smallestText } from './support/font-size';

describe('options and fonts', () => {
  test('no text under 12 px; a site typed as localhost:PORT is enabled over http and listed as typed; companion down: what to do, not the pairing box', async () => {
    const companion = await startTestCompanion();
    const site = await serveSite(createFakeErpnext({ variant: 'india-compliance' }).app);
    const b = await launchExtensionBrowser();
    try {
      const options = await pairViaOptions(b, companion);
      await options.setViewportSize({ width: 1366, height: 768 });
      const typed = site.origin.replace(/^http:\/\//, ''); // localhost:NNNNN
      await options.getByTestId('options-site-origin').fill(typed);
      await options.getByTestId('options-site-add').click();
      assert.match(await textOf(options.getByTestId('options-site-message').filter({ hasText: 'Enabled' })),
        new RegExp(`^Enabled on ${site.origin.replace(/[.]/g, '\\.')} \\(http:// assumed \\(an address on this computer or network\\)\\)`));
      const listed = await expect(options.locator('[data-testid="options-site"][data-registered="true"]'));
      assert.equal(await textOf(listed.getByTestId('options-site-label')), typed, 'the list shows what was typed');
      assert.equal(await listed.getAttribute('data-pattern'), 'http://localhost/*');
      await options.getByTestId('options-site-origin').fill('ftp://files.example.com');
      await options.getByTestId('options-site-add').click();
      assert.match(await textOf(options.getByTestId('options-site-message').filter({ hasText: 'ftp' })), /Only http:\/\/ and https:\/\/ sites can be enabled/);

      for (const [name, page] of [['options', options], ['popup', await b.openExtensionPage('popup.html')], ['history', await b.openExtensionPage('history.html')]] as const) {
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.waitForLoadState('networkidle');
        const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        assert.equal(body, 13, `${name}: body text is 13 px`);
        const min = await smallestText(page);
        assert.ok(min.px >= 12, `${name}: ${JSON.stringify(min)}`);
      }

      await companion.stop();
      await options.reload();
      const down = await expect(options.getByTestId('options-companion-down'));
      assert.match(await textOf(down), /This browser is paired \(its key is kept\), but the companion is not running/);
      assert.equal(await options.getByTestId('options-pair-code').count(), 0, 'no pairing box as if never paired');
      assert.match(await textOf(options.getByTestId('options-companion-down-steps')),
        new RegExp(`Restart the computer.*tell your IT person: "The IRN Bridge companion does not answer on port ${companion.port} on this computer \\(the browser is paired\\)\\. Please run irn-bridge doctor`));
      assert.doesNotMatch(await textOf(options.locator('body')), /pnpm|npx/, 'no developer commands for a clerk');
      saveScreenshot('options-companion-down-1366', await options.screenshot());
    } finally {
      await b.close();
      await site.close();
      await companion.close();
    }
  });
});
