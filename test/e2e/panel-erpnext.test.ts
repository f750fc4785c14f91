/**
 * The clerk's day on ERPNext (issue 11) at 1366×768 and 1024×768: the side sheet leaves the
 * invoice's totals, Place of Supply and HSN column visible, the action sits in the form toolbar,
 * the preview's breakdown is the mapped INV-01, issues speak ERPNext with a Re-check, the QR reads
 * back from a 1× screenshot, no panel text under 12 px, Esc and the remembered collapse.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { erpnext, type ErpIo } from '@irn-bridge/shared/erps';
import { breakdown } from '../../extension/ui/breakdown';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';
import { coveredBy, expectedMatrix, matrixFromScreenshot, sameMatrix, smallestPanelText, svgMatrix, VIEWPORTS } from './panel-support';
import type { Page } from 'playwright-core';

const erp = createFakeErpnext({ variant: 'india-compliance' });
const rig = usePairedSite(erp.app);

/** The ERPNext module, run here in Node against the same fake desk the browser sees. */
async function mappedHere(name: string) {
  const login = await fetch(`${rig.site.origin}/api/method/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usr: 'Administrator', pwd: 'admin' }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const io: ErpIo = {
    origin: rig.site.origin,
    fetch: (u, init = {}) => fetch(new URL(String(u), rig.site.origin), { ...init, headers: { ...(init.headers as Record<string, string> ?? {}), cookie } }),
    pageGlobals: async () => ({}),
  };
  const doc = await erpnext.read(io, { erp: 'erpnext', name });
  return { invoice: erpnext.map(doc).invoice, totals: erpnext.totals(doc) };
}

async function open(name: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await rig.b.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(name)));
  return page;
}

const panel = (page: Page) => page.getByTestId('irn-panel');
const amount = async (page: Page, testid: string) => Number(await page.getByTestId(testid).getAttribute('data-amount'));

for (const vp of VIEWPORTS) {
  describe(`ERPNext at ${vp.width}×${vp.height}`, () => {
    test('the sheet covers none of the invoice; the action is in the toolbar; the preview is the mapped INV-01; the QR reads back', async () => {
      const name = vp.width === 1366 ? 'ASW-26-00042' : 'ASW-26-00045';
      const page = await open(name, vp);
      try {
        await expect(page.getByTestId('irn-generate'));
        const action = page.locator('.page-head .page-actions > [data-testid="irn-erp-action"]');
        assert.equal(await textOf(action), 'Generate IRN');
        for (const sel of ['[data-fieldname="place_of_supply"]', '[data-fieldname="grand_total"]', '[data-fieldname="rounded_total"]', 'table.grid th:has-text("HSN/SAC")', 'table.grid tbody tr:last-child td:nth-child(3)']) {
          assert.equal(await coveredBy(page, page.locator(sel), panel(page)), null, `${sel} must stay visible beside the panel`);
        }
        saveScreenshot(`panel-erpnext-${vp.width}-ready`, await page.screenshot());

        // The button lives in the ERP's DOM: the page's own script clicking it does nothing.
        await page.evaluate(() => (document.querySelector('[data-testid="irn-erp-action"]') as HTMLElement).click());
        await page.waitForTimeout(300);
        assert.equal(await page.getByTestId('irn-preview').count(), 0, 'a synthetic click must not open the preview');
        await action.click(); // the clerk's click on the ERP's own toolbar opens the preview
        await expect(page.getByTestId('irn-preview'));
        const { invoice, totals } = await mappedHere(name);
        const want = breakdown(invoice);
        const v = invoice.ValDtls;
        assert.equal(await amount(page, 'irn-bd-taxable'), v.AssVal);
        assert.equal(await amount(page, 'irn-bd-igst'), v.IgstVal);
        assert.equal(await page.getByTestId('irn-bd-cgst').count(), 0, 'inter-state: IGST, not CGST + SGST');
        assert.equal(await amount(page, 'irn-bd-cess'), v.CesVal ?? 0);
        assert.equal(await amount(page, 'irn-bd-other'), v.OthChrg ?? 0);
        assert.equal(await amount(page, 'irn-bd-round-off'), v.RndOffAmt ?? 0);
        assert.equal(await amount(page, 'irn-bd-total'), v.TotInvVal);
        assert.match(await textOf(page.getByTestId('irn-pos')), new RegExp(`^${invoice.BuyerDtls.Pos} · `));
        assert.equal(await textOf(page.getByTestId('irn-reverse-charge')), 'No');
        const lines = await page.getByTestId('irn-line').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-hsn'), Number(r.getAttribute('data-taxable')), Number(r.getAttribute('data-tax'))]));
        assert.deepEqual(lines, want.lines.map((l) => [l.hsn, l.taxable, l.tax]));
        assert.match(await textOf(page.getByTestId('irn-lines').locator('tbody tr').first()), new RegExp(erp.invoices.get(name)!.items[0].item_code as string));
        if (v.RndOffAmt) assert.match(await textOf(page.getByTestId('irn-roundoff-note')), /Rounding Adjustment of ₹ 0\.\d\d makes it ₹ [\d,]+\.\d\d/);
        assert.equal(await page.getByTestId('irn-erp-differs').count(), Math.abs(totals.grandTotal - v.TotInvVal) > 0.01 ? 1 : 0);
        assert.equal(await textOf(page.getByTestId('irn-total')), `₹ ${v.TotInvVal.toLocaleString('en-IN', { minimumFractionDigits: 2 })}`);
        const overflow = await page.evaluate(() => { const s = document.querySelector('irn-bridge-panel')!.shadowRoot!.querySelector('.scroll')!; return s.scrollWidth - s.clientWidth; });
        assert.ok(overflow <= 0, `the preview fits the sheet (${overflow} px too wide)`);
        const small = await smallestPanelText(page);
        assert.ok(small.px >= 12, `panel text at ${small.px}px: "${small.text}"`);
        saveScreenshot(`panel-erpnext-${vp.width}-preview`, await page.screenshot());

        await page.getByTestId('irn-confirm').click();
        const irn = await textOf(page.getByTestId('irn-irn'));
        // Focus follows into the result and the result is announced.
        assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.hasAttribute('data-focus')), true);
        await expect(page.getByTestId('irn-writeback'));
        assert.match(await page.getByTestId('irn-live').textContent() ?? '', /e-Invoice registered/);
        assert.equal(await textOf(action), 'e-Invoice');

        const signed = (await rig.companion.running.companion.ledger.findByIrn(irn))?.signed_qr_code as string;
        const want2 = expectedMatrix(signed);
        const svg = page.getByTestId('irn-qr-svg');
        assert.ok(sameMatrix(svgMatrix((await svg.locator('path').getAttribute('d'))!, want2.length), want2), 'the SVG is the signed QR');
        let shown = svg;
        const px = (await svg.boundingBox())!.width / (want2.length + 8);
        if (px < 3) {
          await page.getByTestId('irn-qr').click(); // too small inline at this width: the clerk enlarges it
          shown = page.getByTestId('irn-qr-large');
          await expect(shown);
        }
        const shownPx = (await shown.boundingBox())!.width / (want2.length + 8);
        assert.ok(shownPx >= 3 && Number.isInteger(shownPx), `${shownPx} CSS px per module`);
        const shot = await shown.screenshot();
        saveScreenshot(`panel-erpnext-${vp.width}-qr`, shot);
        assert.ok(sameMatrix(matrixFromScreenshot(shot, want2.length, 4), want2), 'every module of the 1× screenshot matches the signed QR');
        if (shown !== svg) {
          await page.keyboard.press('Escape');
          assert.equal(await page.getByTestId('irn-qr-overlay').isHidden(), true);
        }
        saveScreenshot(`panel-erpnext-${vp.width}-after`, await page.screenshot());
      } finally {
        await page.close();
      }
    });
  });
}

describe('ERPNext: QR download and print', () => {
  test('Download PNG saves an image; Print opens a small sheet with IRN, Ack No/Date and the QR', async () => {
    const page = await open('ASW-26-00043', VIEWPORTS[0]);
    try {
      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('irn-qr-download').click()]);
      assert.match(download.suggestedFilename(), /^e-invoice-QR-ASW-26-00043\.png$/);
      const [sheet] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('irn-qr-print').click()]);
      assert.match(await textOf(sheet.getByTestId('print-fields')), new RegExp(irn));
      assert.match(await textOf(sheet.getByTestId('print-fields')), /Ack No\s*\d{15}/);
      assert.equal(await sheet.getByTestId('print-qr').locator('path').count(), 1);
      await expect(sheet.getByTestId('print-demo'));
      saveScreenshot('panel-erpnext-print-sheet', await sheet.screenshot());
      await sheet.close();
      // Copy QR puts the image and the signed text on the clipboard together.
      await rig.b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: rig.site.origin });
      await page.getByTestId('irn-qr-copy').click();
      await expect(page.locator('[data-testid="irn-qr-copy"][data-copied]'));
      const copied = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return { types: item.types, text: await (await item.getType('text/plain')).text() };
      });
      assert.deepEqual([...copied.types].sort(), ['image/png', 'text/plain']);
      assert.equal(copied.text, (await rig.companion.running.companion.ledger.findByIrn(irn))?.signed_qr_code);
    } finally {
      await page.close();
    }
  });
});
