/**
 * The ERP and the ledger drift apart (issue 11, item 1): the IRN is cancelled, or an e-way bill made
 * or cancelled, through the companion's API (as the CLI or another tool would), or a write-back fails.
 * Opening the invoice, the panel says what ERPNext does not show and offers to record it; after the
 * click, the Sales Invoice read back through ERPNext's own REST API matches the ledger.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { routes } from '@irn-bridge/shared/api/contract';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';

const erp = createFakeErpnext({ variant: 'india-compliance' });
/** While set, ERPNext refuses India Compliance's "mark as generated" (a write-back that fails). */
let refuseMark = false;
const site = new Hono();
site.all('*', (c) => (refuseMark && c.req.path.endsWith('.mark_e_invoice_as_generated')
  ? c.json({ exc_type: 'PermissionError', _server_messages: JSON.stringify([JSON.stringify({ message: 'Not permitted' })]) }, 403)
  : erp.app.fetch(c.req.raw)));
const rig = usePairedSite(site);

const readBack = (page: Page, name: string) => page.evaluate(async (n) =>
  ((await (await fetch(`/api/resource/Sales Invoice/${encodeURIComponent(n)}`, { headers: { Accept: 'application/json' } })).json()) as { data: Record<string, unknown> }).data, name);

/** The companion's API as another tool calls it, with its own key. */
async function api(path: string, body: unknown): Promise<Record<string, unknown>> {
  const paired = await fetch(rig.companion.url + routes.pair, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: rig.companion.pairingCode(), client: 'drift e2e (another tool)' }),
  });
  const { apiKey } = (await paired.json()) as { apiKey: string };
  const res = await fetch(rig.companion.url + path, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  assert.equal(res.status, 200, JSON.stringify(json));
  return json;
}

async function generateInPanel(page: Page, name: string): Promise<string> {
  await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(name)));
  await page.getByTestId('irn-generate').click();
  await page.getByTestId('irn-confirm').click();
  const irn = await textOf(page.getByTestId('irn-irn'));
  await expect(page.getByTestId('irn-writeback'));
  return irn;
}

async function recordDrift(page: Page, kind: string, differs: RegExp): Promise<void> {
  const said = await textOf(page.locator(`[data-testid="irn-drift"][data-kind="${kind}"]`));
  assert.match(said, differs);
  await page.locator(`[data-testid="irn-writeback-retry"][data-kind="${kind}"]`).click();
  await expect(page.locator('[data-testid="irn-writeback"][data-ok="true"]'));
  assert.equal(await page.getByTestId('irn-drift').count(), 0, 'no drift once recorded');
}

describe('ERPNext: the panel settles what the ledger knows and ERPNext does not show', () => {
  test('IRN cancelled through the API: ERPNext still shows it valid; Record cancels it there with the ledger\'s reason and remark', async () => {
    const page = await rig.b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const irn = await generateInPanel(page, 'ASW-26-00042');
    assert.equal((await readBack(page, 'ASW-26-00042')).irn, irn);

    await api(routes.cancel(irn), { reason: '2', remark: 'Wrong rate on line 2' });
    await page.reload();
    await expect(page.getByTestId('irn-cancelled'));
    // A cancelled IRN: no QR, nothing to copy, no "Already registered".
    assert.equal(await page.getByTestId('irn-qr').count(), 0);
    assert.equal(await page.getByTestId('irn-irn-copy').count(), 0);
    assert.doesNotMatch(await page.getByTestId('irn-panel').innerText(), /Already registered/);
    assert.equal((await readBack(page, 'ASW-26-00042')).docstatus, 1, 'ERPNext has not been told yet');
    assert.equal(await textOf(page.getByTestId('irn-drift-writes')), 'This writes the cancellation (date, reason, remark "Wrong rate on line 2") into ERPNext, as Cancel IRN here does.');
    saveScreenshot('erpnext-panel-drift-cancelled', await page.getByTestId('irn-panel').screenshot());
    await recordDrift(page, 'cancelled', /^ERPNext still shows IRN \w{12}… as valid, but it was cancelled at the IRP on \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.$/);

    const after = await readBack(page, 'ASW-26-00042');
    assert.equal(after.docstatus, 2, 'the Sales Invoice is cancelled, as India Compliance does');
    assert.equal(after.einvoice_status, 'Manually Cancelled');
    const marked = erp.writes.find((w) => w.kind === 'mark_e_invoice_as_cancelled' && w.name === 'ASW-26-00042');
    assert.equal(marked?.values.reason, 'Data Entry Mistake');
    assert.equal(marked?.values.remark, 'Wrong rate on line 2');
    await page.reload();
    await expect(page.getByTestId('irn-cancelled'));
    assert.equal(await page.getByTestId('irn-drift').count(), 0, 'ERPNext and the ledger agree');
    await page.close();
  });

  test('e-way bill, then its cancellation, through the API: each is offered and recorded, and ERPNext matches the ledger', async () => {
    const page = await rig.b.context.newPage();
    const irn = await generateInPanel(page, 'ASW-26-00045');
    const ewb = await api(routes.ewaybill(irn), { distance: 640, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' });
    await page.reload();
    await recordDrift(page, 'ewaybill', new RegExp(`^ERPNext does not show the e-way bill ${ewb.ewbNo}`));
    assert.equal((await readBack(page, 'ASW-26-00045')).ewaybill, ewb.ewbNo);

    await api(routes.ewaybillCancel(irn), { reason: '2', remark: 'Order cancelled by the buyer' });
    await page.reload();
    await recordDrift(page, 'ewaybill-cancelled', new RegExp(`^ERPNext still shows the e-way bill ${ewb.ewbNo} as active`));
    const after = await readBack(page, 'ASW-26-00045');
    assert.equal(after.ewaybill, '');
    assert.equal(after.e_waybill_status, 'Manually Cancelled');
    assert.equal(after.irn, irn, 'the IRN stays registered');
    assert.equal(erp.writes.find((w) => w.kind === 'mark_e_waybill_as_cancelled')?.values.remark, 'Order cancelled by the buyer');
    await page.close();
  });

  test('a write-back that fails: the panel says ERPNext does not show the IRN and Record puts it there', async () => {
    const page = await rig.b.context.newPage();
    refuseMark = true;
    let irn: string;
    try {
      irn = await generateInPanel(page, 'ASW-26-00043');
      await expect(page.locator('[data-testid="irn-writeback"][data-ok="false"]'));
    } finally {
      refuseMark = false;
    }
    assert.equal((await readBack(page, 'ASW-26-00043')).irn ?? null, null);
    await recordDrift(page, 'generated', /^ERPNext does not show this invoice's IRN \w{12}…/);
    assert.equal((await readBack(page, 'ASW-26-00043')).irn, irn);
    await page.reload();
    await expect(page.getByTestId('irn-irn'));
    assert.equal(await page.getByTestId('irn-drift').count(), 0);
    await page.close();
  });
});
