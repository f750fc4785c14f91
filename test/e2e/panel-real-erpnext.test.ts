/**
 * The side sheet and the toolbar action on the genuine ERPNext 15 desk with India Compliance
 * (../shared/erpnext15): the action sits in the form's .page-actions beside India Compliance's own
 * groups, and the sheet pushes the desk so that the totals and the Items grid stay visible.
 * It generates nothing; on a fresh site with no submitted Sales Invoice it submits one first, as
 * test/real/erpnext does (so the test runs in CI, where the site is new). Skipped (saying why) where
 * the real server is not available.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findRealErp } from '../real/support/real-erp';
import { CASES, createInvoices } from '../real/erpnext/cases';
import { startRun } from '../real/erpnext/run';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { expect } from './support/expect';
import { readyBrowser } from './support/flows';
import { coveredBy, smallestPanelText, VIEWPORTS } from './panel-support';

const real = await findRealErp('erpnext15');
const skip = 'skip' in real ? real.skip : false;

let companion: TestCompanion;
let b: ExtensionBrowser;
let invoice: string | null = null;

describe('real ERPNext 15: the panel fits the desk', { skip }, () => {
  before(async () => {
    if ('skip' in real) return;
    companion = await startTestCompanion();
    b = await launchExtensionBrowser();
    await readyBrowser(b, companion, real.url);
    const page = await b.context.newPage();
    await page.goto(`${real.url}/login`);
    await page.fill('#login_email', 'Administrator');
    await page.fill('#login_password', 'admin');
    await page.click('.btn-login');
    await page.waitForURL(/\/app/, { timeout: 30_000 });
    const found = await page.evaluate(async () => (await (await fetch('/api/resource/Sales Invoice?limit_page_length=1&filters=[["docstatus","=",1],["is_return","=",0]]')).json()).data as Array<{ name: string }>);
    invoice = found?.[0]?.name ?? null;
    await page.close();
    if (!invoice) {
      const run = await startRun(real.url);
      invoice = Object.values(await createInvoices(run.user, run.masters, run.taxes, [CASES[0]!]))[0]!;
    }
  });
  after(async () => {
    await b?.close();
    await companion?.close();
  });

  for (const vp of VIEWPORTS) {
    test(`at ${vp.width}×${vp.height}: the action is in the form toolbar and the totals and Items grid are not under the sheet`, async () => {
      if ('skip' in real) return;
      assert.ok(invoice, 'a submitted Sales Invoice to open');
      const page = await b.context.newPage();
      try {
        await page.setViewportSize(vp);
        await page.goto(`${real.url}/app/sales-invoice/${encodeURIComponent(invoice)}`);
        const panel = page.getByTestId('irn-panel');
        await expect(panel, 30_000);
        const action = page.locator('.page-container[data-page-route="Sales Invoice"] .page-head .page-actions > [data-testid="irn-erp-action"]');
        await expect(action, 30_000);
        assert.equal(await coveredBy(page, action, panel), null, 'the toolbar button is visible');
        for (const sel of ['[data-fieldname="customer"] .control-input-wrapper', '.frappe-control[data-fieldname="items"] .grid-heading-row', '[data-fieldname="grand_total"] .control-value', '[data-fieldname="rounded_total"] .control-value']) {
          const el = page.locator(`.page-container[data-page-route="Sales Invoice"] ${sel}`).first();
          if (!(await el.count())) continue; // a field the site hides (e.g. Rounded Total when rounding is off)
          assert.equal(await coveredBy(page, el, panel), null, `${sel} must stay visible beside the panel`);
        }
        const small = await smallestPanelText(page);
        assert.ok(small.px >= 12, `panel text at ${small.px}px: "${small.text}"`);
        await page.locator('.page-container[data-page-route="Sales Invoice"] .frappe-control[data-fieldname="items"]').first().scrollIntoViewIfNeeded();
        saveScreenshot(`panel-real-erpnext-${vp.width}`, await page.screenshot());
      } finally {
        await page.close();
      }
    });
  }
});
