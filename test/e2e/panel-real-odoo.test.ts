/**
 * The side sheet and the header action on the genuine Odoo 17 (../shared/odoo17): the action sits in
 * the form's .o_statusbar_buttons beside Odoo's own, and the sheet pushes the web client so that the
 * customer, the invoice lines and the totals stay visible. It generates nothing; on a fresh database with no
 * posted customer invoice it posts one first, as test/real/odoo does (so the test runs in CI, where the
 * database is new). Skipped (saying why) without the server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findRealErp } from '../real/support/real-erp';
import { openRealOdoo } from '../real/odoo/session';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { expect } from './support/expect';
import { readyBrowser } from './support/flows';
import { coveredBy, smallestPanelText, VIEWPORTS } from './panel-support';

const real = await findRealErp('odoo17');
const skip = 'skip' in real ? real.skip : false;

let companion: TestCompanion;
let b: ExtensionBrowser;
let moveId: number | null = null;

describe('real Odoo 17: the panel fits the web client', { skip }, () => {
  before(async () => {
    if ('skip' in real) return;
    companion = await startTestCompanion();
    b = await launchExtensionBrowser();
    await readyBrowser(b, companion, real.url);
    const page = await b.context.newPage();
    await page.goto(`${real.url}/web/login`);
    await page.fill('#login', 'admin');
    await page.fill('#password', 'admin');
    await page.click('button[type="submit"]');
    await page.waitForURL((u) => !u.pathname.startsWith('/web/login'), { timeout: 30_000 });
    moveId = await page.evaluate(async () => {
      const res = await fetch('/web/dataset/call_kw', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'account.move', method: 'search', args: [[['move_type', '=', 'out_invoice'], ['state', '=', 'posted']]], kwargs: { limit: 1 } } }),
      });
      return ((await res.json()).result as number[] | undefined)?.[0] ?? null;
    });
    await page.close();
    if (moveId === null) moveId = (await openRealOdoo({ only: ['intraDiscount'], odooJson: false })).docs.get('intraDiscount')!.id;
  });
  after(async () => {
    await b?.close();
    await companion?.close();
  });

  for (const vp of VIEWPORTS) {
    test(`at ${vp.width}×${vp.height}: the action is in the form header and the form is not under the sheet`, async () => {
      if ('skip' in real) return;
      assert.ok(moveId !== null, 'a posted customer invoice to open');
      const page = await b.context.newPage();
      try {
        await page.setViewportSize(vp);
        await page.goto(`${real.url}/web#id=${moveId}&model=account.move&view_type=form`);
        const panel = page.getByTestId('irn-panel');
        await expect(panel, 30_000);
        const action = page.locator('.o_form_view .o_form_statusbar .o_statusbar_buttons > [data-testid="irn-erp-action"]');
        await expect(action, 30_000);
        for (const sel of ['.o_statusbar_buttons', '[name="partner_id"]', '.o_field_widget[name="invoice_line_ids"] thead', '[name="tax_totals"]']) {
          const el = page.locator(`.o_form_view ${sel}`).first();
          if (!(await el.count())) continue;
          assert.equal(await coveredBy(page, el, panel), null, `${sel} must stay visible beside the panel`);
        }
        const small = await smallestPanelText(page);
        assert.ok(small.px >= 12, `panel text at ${small.px}px: "${small.text}"`);
        saveScreenshot(`panel-real-odoo-${vp.width}`, await page.screenshot());
      } finally {
        await page.close();
      }
    });
  }
});
