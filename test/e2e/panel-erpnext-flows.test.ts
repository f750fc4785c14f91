/**
 * The clerk's day on ERPNext (issue 11), the flows: an issue in ERPNext's words fixed in the ERP and
 * turned green by Re-check; cancel without dead ends (a remark is asked for, a cancelled IRN shows
 * no QR, an active e-way bill offers no Cancel IRN); Esc, focus, and the collapse remembered.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';
import { coveredBy, smallestPanelText, VIEWPORTS } from './panel-support';
import type { Page } from 'playwright-core';

const erp = createFakeErpnext({ variant: 'india-compliance' });
const rig = usePairedSite(erp.app);

async function open(name: string, viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<Page> {
  const page = await rig.b.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(name)));
  return page;
}
const focusedTestid = (page: Page) => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('data-testid') ?? null);

describe('ERPNext: an issue in ERPNext words, fixed there, Re-check', () => {
  test('the HSN issue names TURMERIC-1KG with a link and the ERPNext fix; after the fix in the ERP, Re-check turns it green without a reload', async () => {
    const page = await open('ASW-26-00099', VIEWPORTS[1]);
    try {
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-blocked'));
      const issue = page.locator('[data-testid="irn-issue"][data-path="ItemList[0].HsnCd"]');
      assert.match(await textOf(issue.getByTestId('irn-issue-message')), /^TURMERIC-1KG \(row 1\): HSN code 09103920 is not in the HSN\/SAC master\.$/);
      assert.match(await textOf(issue.getByTestId('irn-issue-fix')), /Item › HSN\/SAC.*Cancel it, Amend/);
      assert.equal(await issue.getByTestId('irn-issue-link').getAttribute('href'), `${rig.site.origin}/app/item/TURMERIC-1KG`);
      assert.match(await textOf(issue.getByTestId('irn-issue-details')), /^ItemList\[0\]\.HsnCd · IRP code 2176/);
      assert.equal(await page.getByTestId('irn-confirm').isDisabled(), true);
      // The HSN column the issue points at is not under the panel.
      assert.equal(await coveredBy(page, page.locator('table.grid tbody tr:first-child td:nth-child(3)'), page.getByTestId('irn-panel')), null);
      const small = await smallestPanelText(page);
      assert.ok(small.px >= 12, `panel text at ${small.px}px: "${small.text}"`);
      saveScreenshot('panel-erpnext-issue-erp-words', await page.screenshot());

      // The clerk fixes the item's HSN in ERPNext (Cancel → Amend in the real desk; the fake takes the corrected row).
      const inv = erp.invoices.get('ASW-26-00099')!;
      inv.items[0] = { ...inv.items[0], gst_hsn_code: '09103030' };
      const before = await rig.companion.irpRegistrations();
      await page.getByTestId('irn-recheck').click();
      await expect(page.getByTestId('irn-valid'));
      assert.equal(await page.locator('[data-testid="irn-issue"][data-severity="error"]').count(), 0);
      assert.equal(await page.getByTestId('irn-confirm').isEnabled(), true);
      assert.equal(await rig.companion.irpRegistrations(), before, 'Re-check asks the ERP, not the IRP');
      assert.equal(await focusedTestid(page), 'irn-confirm', 'focus moves to Generate once it can be pressed');
      saveScreenshot('panel-erpnext-recheck-green', await page.screenshot());
    } finally {
      await page.close();
    }
  });
});

describe('ERPNext: cancel without dead ends', () => {
  test('an empty remark says why; a cancelled IRN shows no QR and no "Already registered", also after a reload', async () => {
    const page = await open('ASW-26-00043');
    try {
      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      await page.getByTestId('irn-cancel-open').click();
      assert.equal(await focusedTestid(page), 'irn-cancel-reason');
      await page.getByTestId('irn-cancel-confirm').click();
      assert.match(await textOf(page.getByTestId('irn-cancel-remark-needed')), /Write a remark: the IRP .* refuses a cancellation without one/);
      assert.equal(await focusedTestid(page), 'irn-cancel-remark');
      // Esc leaves the form for the result, as "Keep it" does.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('irn-result'));
      await page.getByTestId('irn-cancel-open').click();
      await page.getByTestId('irn-cancel-remark').fill('Duplicate of ASW-26-00042');
      await page.getByTestId('irn-cancel-confirm').click();
      await expect(page.getByTestId('irn-cancelled'));
      assert.equal(await page.getByTestId('irn-qr').count(), 0);
      assert.equal(await page.getByTestId('irn-qr-copy').count(), 0);
      assert.equal(await page.getByTestId('irn-irn-copy').count(), 0);
      assert.match(await page.getByTestId('irn-live').textContent() ?? '', /IRN cancelled/);
      await page.reload();
      assert.equal(await textOf(page.getByTestId('irn-irn')), irn);
      await expect(page.getByTestId('irn-cancelled'));
      assert.equal(await page.getByTestId('irn-qr').count(), 0);
      assert.doesNotMatch(await textOf(page.getByTestId('irn-note')), /Already registered/);
      saveScreenshot('panel-erpnext-cancelled', await page.screenshot());
    } catch (err) {
      saveScreenshot('panel-erpnext-cancelled-failure', await page.screenshot());
      throw err;
    } finally {
      await page.close();
    }
  });

  test('with an active e-way bill no Cancel IRN is offered: the panel says to cancel the e-way bill first', async () => {
    const page = await open('ASW-26-00045');
    try {
      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      await page.getByTestId('irn-ewb-open').click();
      await page.getByTestId('irn-ewb-distance').fill('640');
      await page.getByTestId('irn-ewb-vehno').fill('KA01AB1234');
      await page.getByTestId('irn-ewb-confirm').click();
      const ewbNo = await textOf(page.getByTestId('irn-ewb-no'));
      assert.equal(await page.getByTestId('irn-cancel-open').count(), 0);
      assert.match(await textOf(page.getByTestId('irn-cancel-blocked')), new RegExp(`active e-way bill \\(EWB No ${ewbNo}\\).*Cancel the e-way bill first`));
      saveScreenshot('panel-erpnext-ewaybill-active', await page.screenshot());
    } finally {
      await page.close();
    }
  });
});

describe('ERPNext: the sheet', () => {
  test('Esc collapses it and gives the page its width back; the choice is kept for the next invoice; the tab or the toolbar button brings it back', async () => {
    const page = await open('ASW-26-00052', VIEWPORTS[1]);
    try {
      await expect(page.getByTestId('irn-generate'));
      const pageWidth = () => page.evaluate(() => document.documentElement.getBoundingClientRect().width);
      assert.ok(await pageWidth() <= 1024 - 320, 'pushed left by the sheet');
      await page.getByTestId('irn-generate').focus();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('irn-expand'));
      assert.equal(await page.getByTestId('irn-panel').isHidden(), true);
      assert.ok(await pageWidth() > 1000, 'the page has its width back');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'irn-erp-action', 'focus goes to the toolbar button');
      saveScreenshot('panel-erpnext-collapsed', await page.screenshot());

      const next = await open('ASW-26-00051', VIEWPORTS[1]);
      try {
        await expect(next.getByTestId('irn-expand'));
        assert.equal(await next.getByTestId('irn-panel').isHidden(), true, 'remembered: collapsed');
        await next.locator('[data-testid="irn-erp-action"]').click();
        await expect(next.getByTestId('irn-preview'));
        await next.getByTestId('irn-back').click();
        await next.getByTestId('irn-close').click();
        await next.getByTestId('irn-expand').click();
        await expect(next.getByTestId('irn-generate'));
      } finally {
        await next.close();
      }
    } finally {
      await page.close();
    }
  });
});
