/**
 * Cancelling an e-way bill from the ERPNext panel (issue 11, item 6): the IRP refuses to cancel an IRN
 * while its e-way bill is active (2230), so the panel offers Cancel e-way bill first, records it in
 * ERPNext through India Compliance, and then offers Cancel IRN. The ERP's record is read back through
 * its own API, the ledger through the companion.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';

const INVOICE = 'ASW-26-00045'; // goods only, Karnataka → Andhra Pradesh
const erp = createFakeErpnext({ variant: 'india-compliance' });
const rig = usePairedSite(erp.app);

/** The Sales Invoice as ERPNext's REST API returns it to the logged-in clerk. */
const readBack = (page: Page) => page.evaluate(async (name) =>
  ((await (await fetch(`/api/resource/Sales Invoice/${encodeURIComponent(name)}`, { headers: { Accept: 'application/json' } })).json()) as { data: Record<string, unknown> }).data, INVOICE);

describe('ERPNext: cancel the e-way bill, then the IRN', () => {
  test('Cancel e-way bill is offered while one is active; it is recorded in ERPNext; then Cancel IRN works and ERPNext agrees', async () => {
    const page = await rig.b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(INVOICE)));
    await page.getByTestId('irn-generate').click();
    await page.getByTestId('irn-confirm').click();
    const irn = await textOf(page.getByTestId('irn-irn'));
    await page.getByTestId('irn-ewb-open').click();
    await page.getByTestId('irn-ewb-distance').fill('640');
    await page.getByTestId('irn-ewb-vehno').fill('KA01AB1234');
    await page.getByTestId('irn-ewb-confirm').click();
    const ewbNo = await textOf(page.getByTestId('irn-ewb-no'));
    await expect(page.locator('[data-testid="irn-writeback"][data-ok="true"]'));
    assert.equal((await readBack(page)).ewaybill, ewbNo, 'India Compliance holds the e-way bill');

    // While it is active: no Cancel IRN, but Cancel e-way bill.
    assert.equal(await page.getByTestId('irn-cancel-open').count(), 0);
    assert.match(await textOf(page.getByTestId('irn-cancel-blocked')), /active e-way bill.*Cancel the e-way bill first/);
    await page.getByTestId('irn-ewb-cancel-open').click();
    await page.getByTestId('irn-ewb-cancel-confirm').click();
    await expect(page.getByTestId('irn-ewb-cancel-remark-needed'));
    assert.equal((await rig.companion.running.companion.ledger.findByIrn(irn))?.ewb_cancel_date, null, 'nothing sent without a remark');
    await page.getByTestId('irn-ewb-cancel-reason').selectOption('2');
    await page.getByTestId('irn-ewb-cancel-remark').fill('Order cancelled by the buyer');
    await page.getByTestId('irn-ewb-cancel-confirm').click();

    const cancelledOn = await textOf(page.getByTestId('irn-ewb-cancelled'));
    assert.match(cancelledOn, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} (AM|PM)$/);
    assert.match(await textOf(page.locator('[data-testid="irn-writeback"][data-ok="true"]')), /e-way bill is marked cancelled by India Compliance/);
    const afterEwb = await readBack(page);
    assert.equal(afterEwb.ewaybill, '', 'ERPNext no longer holds an active e-way bill');
    assert.equal(afterEwb.e_waybill_status, 'Manually Cancelled');
    assert.equal(afterEwb.irn, irn, 'the IRN is still registered');
    const marked = erp.writes.find((w) => w.kind === 'mark_e_waybill_as_cancelled');
    assert.deepEqual({ ...marked?.values }, { reason: 'Order Cancelled', remark: 'Order cancelled by the buyer', cancelled_on: cancelledOn });
    assert.equal((await rig.companion.running.companion.ledger.findByIrn(irn))?.ewb_cancel_date, cancelledOn);
    saveScreenshot('erpnext-panel-ewaybill-cancelled', await page.getByTestId('irn-panel').screenshot());

    // Now the IRN can be cancelled, and a reload shows it from the ledger the same way.
    await page.reload();
    assert.equal(await textOf(page.getByTestId('irn-ewb-cancelled')), cancelledOn);
    await page.getByTestId('irn-cancel-open').click();
    await page.getByTestId('irn-cancel-remark').fill('Order cancelled');
    await page.getByTestId('irn-cancel-confirm').click();
    await expect(page.getByTestId('irn-cancelled'));
    await expect(page.locator('[data-testid="irn-writeback"][data-ok="true"]'));
    const afterIrn = await readBack(page);
    assert.equal(afterIrn.docstatus, 2, 'ERPNext cancelled the Sales Invoice, as India Compliance does');
    assert.equal(afterIrn.einvoice_status, 'Manually Cancelled');
    assert.equal((await rig.companion.running.companion.ledger.findByIrn(irn))?.state, 'cancelled');
  });
});
