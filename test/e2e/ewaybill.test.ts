/** E-way bill by IRN from the ERPNext panel: real Chromium, the built extension, the companion with its offline IRP. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes, type EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { readyBrowser } from './support/flows';

/** Goods only, Karnataka → Andhra Pradesh; no other e2e test generates it. */
const INVOICE = 'ASW-26-00045';

let companion: TestCompanion;
let site: ServedSite;

before(async () => {
  companion = await startTestCompanion();
  site = await serveSite(createFakeErpnext({ variant: 'india-compliance' }).app);
});
after(async () => {
  await site?.close();
  await companion?.close();
});

/** The companion's own answer for an IRN, as any API client would get it. */
async function companionEinvoice(irn: string): Promise<EInvoiceResult> {
  const paired = await fetch(companion.url + routes.pair, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: companion.pairingCode(), client: 'ewaybill e2e' }),
  });
  const { apiKey } = (await paired.json()) as { apiKey: string };
  const res = await fetch(companion.url + routes.einvoice(irn), { headers: { authorization: `Bearer ${apiKey}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as EInvoiceResult;
}

describe('ERPNext: e-way bill', () => {
  test('generate the IRN, refuse a road e-way bill without a vehicle locally, then generate it; cancelling the IRN is then refused (2230)', async () => {
    const b = await launchExtensionBrowser();
    try {
      await readyBrowser(b, companion, site.origin);
      const page = await b.context.newPage();
      await page.goto(erpnextLoginUrl(site.origin, erpnextInvoicePath(INVOICE)));
      await page.getByTestId('irn-generate').click();
      assert.match(await textOf(page.getByTestId('irn-doc')), new RegExp(`${INVOICE} dated 24/11/2026`));
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      assert.match(irn, /^[0-9a-f]{64}$/);
      await expect(page.getByTestId('irn-cancel-open'));
      assert.equal(await page.getByTestId('irn-ewb-no').count(), 0);

      await page.getByTestId('irn-ewb-open').click();
      await expect(page.getByTestId('irn-ewb-form'));
      await page.getByTestId('irn-ewb-distance').fill('640');
      assert.equal(await page.getByTestId('irn-ewb-transmode').inputValue(), '1', 'road is the default');
      assert.equal(await page.getByTestId('irn-ewb-transport-doc').isHidden(), true, 'road asks for the vehicle, not a transport document');

      // No vehicle number: refused in the panel, naming the field; the form stays and nothing reaches the IRP.
      await page.getByTestId('irn-ewb-confirm').click();
      const issue = await expect(page.locator('[data-testid="irn-ewb-issue"][data-field="vehNo"]'));
      assert.match(await textOf(issue), /Vehicle number is required for road transport/);
      assert.equal(await page.getByTestId('irn-ewb-issue').count(), 1);
      assert.equal(await page.getByTestId('irn-ewb-vehno').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByTestId('irn-ewb-form').count(), 1);
      assert.equal((await companion.running.companion.ledger.findByIrn(irn))?.ewb_no, null);
      saveScreenshot('erpnext-panel-ewaybill-form', await page.getByTestId('irn-panel').screenshot());

      await page.getByTestId('irn-ewb-vehno').fill('ka 01 ab 1234');
      await page.getByTestId('irn-ewb-confirm').click();
      const ewbNo = await textOf(page.getByTestId('irn-ewb-no'));
      assert.match(ewbNo, /^\d{12}$/);
      assert.match(await textOf(page.getByTestId('irn-ewb-date')), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // 640 km by a regular vehicle: one day per 200 km → valid till 23:59 four days on.
      assert.match(await textOf(page.getByTestId('irn-ewb-valid-till')), /^\d{4}-\d{2}-\d{2} 23:59:00$/);
      await expect(page.getByTestId('irn-ewb-no-copy'));
      assert.equal(await page.getByTestId('irn-ewb-open').count(), 0, 'no second e-way bill is offered');
      saveScreenshot('erpnext-panel-ewaybill', await page.getByTestId('irn-panel').screenshot());

      const stored = await companionEinvoice(irn);
      assert.equal(stored.ewbNo, ewbNo);
      assert.equal(stored.status, 'ACT');

      // A reload shows it from the ledger: the fields, no button.
      await page.reload();
      assert.equal(await textOf(page.getByTestId('irn-ewb-no')), ewbNo);
      assert.equal(await page.getByTestId('irn-ewb-open').count(), 0);

      // Cancel IRN is not offered while the e-way bill is active (the IRP would refuse it with 2230): the panel says why.
      // (The IRP's own 2230 for a cancel sent anyway is covered by companion/test/offline-irp/cancel-ewb.test.ts.)
      assert.equal(await page.getByTestId('irn-cancel-open').count(), 0);
      assert.match(await textOf(page.getByTestId('irn-cancel-blocked')), /active e-way bill.*Cancel the e-way bill first/);
      assert.equal((await companion.running.companion.ledger.findByIrn(irn))?.state, 'generated');
    } finally {
      await b.close();
    }
  });
});
