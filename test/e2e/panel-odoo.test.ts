/**
 * The clerk's day on Odoo (issue 11) at 1366×768 and 1024×768: the action in the form header, the
 * sheet beside the form (its Total and customer stay visible), the preview's breakdown equal to the
 * mapped INV-01, lines named by Odoo's products, no text under 12 px, the draft message in Odoo's words.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { odoo as odooModule, type ErpIo } from '@irn-bridge/shared/erps';
import { createFakeOdoo, ODOO_MOVES, odooInvoicePath } from '../fake-erp/odoo';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';
import { coveredBy, smallestPanelText, VIEWPORTS } from './panel-support';
import type { Page } from 'playwright-core';

const odoo = createFakeOdoo();
const rig = usePairedSite(odoo.app);

/** The Odoo module, run here in Node against the same fake web client the browser sees. */
async function mappedHere(id: number) {
  const login = await fetch(`${rig.site.origin}/web/login?login=admin&password=admin&redirect=/web`, { redirect: 'manual' });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const io: ErpIo = {
    origin: rig.site.origin,
    fetch: (u, init = {}) => fetch(new URL(String(u), rig.site.origin), { ...init, headers: { ...(init.headers as Record<string, string> ?? {}), cookie } }),
    pageGlobals: async () => ({}),
  };
  const doc = await odooModule.read(io, odooModule.detect(new URL(rig.site.origin + odooInvoicePath(id)))!);
  return odooModule.map(doc).invoice;
}

async function open(id: number, viewport: { width: number; height: number }): Promise<Page> {
  const page = await rig.b.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${rig.site.origin}/web/login?login=admin&password=admin&redirect=${encodeURIComponent(odooInvoicePath(id))}`);
  return page;
}
const amount = async (page: Page, testid: string) => Number(await page.getByTestId(testid).getAttribute('data-amount'));

for (const vp of VIEWPORTS) {
  describe(`Odoo at ${vp.width}×${vp.height}`, () => {
    test('the action in the form header opens the preview; the form stays visible; the breakdown is the mapped INV-01', async () => {
      const page = await open(vp.width === 1366 ? ODOO_MOVES.posted : ODOO_MOVES.creditNote, vp);
      try {
        await expect(page.getByTestId('irn-generate'));
        const action = page.locator('.o_form_statusbar .o_statusbar_buttons > [data-testid="irn-erp-action"]');
        assert.equal(await textOf(action), 'Generate IRN');
        assert.equal(await action.getAttribute('class'), 'btn btn-secondary');
        for (const sel of ['[name="amount_total"]', '[name="partner_id"]', '.o_statusbar_status']) {
          assert.equal(await coveredBy(page, page.locator(sel), page.getByTestId('irn-panel')), null, `${sel} must stay visible beside the panel`);
        }
        await action.click();
        await expect(page.getByTestId('irn-preview'));
        const inv = await mappedHere(vp.width === 1366 ? ODOO_MOVES.posted : ODOO_MOVES.creditNote);
        const v = inv.ValDtls;
        assert.equal(await amount(page, 'irn-bd-taxable'), v.AssVal);
        const igst = (v.IgstVal ?? 0) > 0;
        if (igst) assert.equal(await amount(page, 'irn-bd-igst'), v.IgstVal);
        else {
          assert.equal(await amount(page, 'irn-bd-cgst'), v.CgstVal ?? 0);
          assert.equal(await amount(page, 'irn-bd-sgst'), v.SgstVal ?? 0);
        }
        assert.equal(await amount(page, 'irn-bd-round-off'), v.RndOffAmt ?? 0);
        assert.equal(await amount(page, 'irn-bd-total'), v.TotInvVal);
        assert.equal(await page.getByTestId('irn-line').count(), inv.ItemList.length);
        if (inv.RefDtls?.PrecDocDtls?.length) assert.match(await textOf(page.getByTestId('irn-original')), new RegExp(inv.RefDtls.PrecDocDtls[0].InvNo.replace(/\//g, '\\/')));
        const small = await smallestPanelText(page);
        assert.ok(small.px >= 12, `panel text at ${small.px}px: "${small.text}"`);
        saveScreenshot(`panel-odoo-${vp.width}-preview`, await page.screenshot());
      } finally {
        await page.close();
      }
    });
  });
}

describe('Odoo: a draft', () => {
  test("the draft message is in Odoo's words and no action is added to the header", async () => {
    const page = await open(ODOO_MOVES.draft, VIEWPORTS[1]);
    try {
      assert.equal(await textOf(page.getByTestId('irn-not-final')), 'Confirm the invoice first: only posted invoices can be registered with the IRP.');
      assert.equal(await page.locator('[data-testid="irn-erp-action"]').count(), 0);
    } finally {
      await page.close();
    }
  });
});

describe("Odoo: an issue in Odoo's words, fixed there, Re-check", () => {
  test('a product without a valid HSN is named with a link to it and the Odoo fix; fixing the product and Re-check turns it green', async () => {
    const product = odoo.db['product.product'].find((p) => p.id === 5)!;
    const hsn = product.l10n_in_hsn_code;
    product.l10n_in_hsn_code = '09103920'; // not in the GST HSN master
    const page = await open(ODOO_MOVES.posted, VIEWPORTS[0]);
    try {
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-blocked'));
      const issue = page.locator('[data-testid="irn-issue"][data-path="ItemList[0].HsnCd"]');
      assert.match(await textOf(issue.getByTestId('irn-issue-message')), /^\[TUR-1KG\] Turmeric Powder 1 kg \(row 1\): HSN code 09103920 is not in the HSN\/SAC master\.$/);
      assert.match(await textOf(issue.getByTestId('irn-issue-fix')), /HSN\/SAC Code on the product/);
      assert.equal(await issue.getByTestId('irn-issue-link').getAttribute('href'), `${rig.site.origin}/web#id=5&model=product.product&view_type=form`);
      saveScreenshot('panel-odoo-issue-erp-words', await page.screenshot());
      product.l10n_in_hsn_code = hsn; // the clerk corrects the product in Odoo (17.0 reads the HSN from the product)
      await page.getByTestId('irn-recheck').click();
      await expect(page.getByTestId('irn-valid'));
      assert.equal(await page.getByTestId('irn-confirm').isEnabled(), true);
    } finally {
      product.l10n_in_hsn_code = hsn;
      await page.close();
    }
  });
});
