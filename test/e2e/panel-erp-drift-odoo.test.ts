/**
 * The ERP and the ledger drift apart, on Odoo (issue 11, item 1): an e-way bill, its cancellation and
 * the IRN's cancellation made through the companion's API (as the CLI or another tool would), and a
 * write-back that Odoo refuses. The panel says what Odoo does not show and offers Record; after the
 * click, the move's records read back through Odoo's JSON-RPC match the ledger.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { routes } from '@irn-bridge/shared/api/contract';
import { createFakeOdoo, ODOO_MOVES, odooInvoicePath } from '../fake-erp/odoo';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';

const odoo = createFakeOdoo();
/** While set, Odoo refuses to create attachments (a write-back that fails). */
let refuse = false;
const site = new Hono();
site.all('*', (c) => (refuse && c.req.path === '/web/dataset/call_kw/ir.attachment/create'
  ? c.json({ jsonrpc: '2.0', id: null, error: { code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessError', message: "You are not allowed to create 'Attachment' (ir.attachment) records." } } })
  : odoo.app.fetch(c.req.raw)));
const rig = usePairedSite(site);

/** IRN Bridge's JSON attachments on the move, as Odoo's JSON-RPC returns them to the logged-in clerk. */
const attachments = (page: Page, id: number) => page.evaluate(async (moveId) => {
  const res = await fetch('/web/dataset/call_kw/ir.attachment/search_read', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'ir.attachment', method: 'search_read', args: [[['res_model', '=', 'account.move'], ['res_id', '=', moveId]]], kwargs: { fields: ['name', 'datas'] } } }),
  });
  const rows = ((await res.json()) as { result: { name: string; datas: string }[] }).result;
  return rows.filter((r) => r.name.endsWith('.json')).map((r) => ({ name: r.name, json: JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(r.datas), (ch) => ch.charCodeAt(0)))) as Record<string, unknown> }));
}, id);

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

async function generateInPanel(page: Page, id: number): Promise<string> {
  await page.goto(`${rig.site.origin}/web/login?login=admin&password=admin&redirect=${encodeURIComponent(odooInvoicePath(id))}`);
  await page.getByTestId('irn-generate').click();
  await page.getByTestId('irn-confirm').click();
  const irn = await textOf(page.getByTestId('irn-irn'));
  await expect(page.getByTestId('irn-writeback'));
  return irn;
}

async function recordDrift(page: Page, kind: string, differs: RegExp): Promise<void> {
  assert.match(await textOf(page.locator(`[data-testid="irn-drift"][data-kind="${kind}"]`)), differs);
  await page.locator(`[data-testid="irn-writeback-retry"][data-kind="${kind}"]`).click();
  await expect(page.locator('[data-testid="irn-writeback"][data-ok="true"]'));
  assert.equal(await page.getByTestId('irn-drift').count(), 0, 'no drift once recorded');
}

describe('Odoo: the panel settles what the ledger knows and Odoo does not show', () => {
  test('registered in the panel, then an e-way bill, its cancellation and the IRN\'s cancellation through the API: each recorded in Odoo on the next visit', async () => {
    const page = await rig.b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const id = ODOO_MOVES.posted;
    const irn = await generateInPanel(page, id);
    await page.reload();
    await expect(page.getByTestId('irn-irn'));
    assert.equal(await page.getByTestId('irn-drift').count(), 0, 'Odoo holds the IRN it was given');

    const ewb = await api(routes.ewaybill(irn), { distance: 0, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' });
    await page.reload();
    await recordDrift(page, 'ewaybill', new RegExp(`^Odoo does not show the e-way bill ${ewb.ewbNo}`));
    assert.ok((await attachments(page, id)).some((a) => a.name.endsWith('_ewaybill.json') && a.json.EwbNo === ewb.ewbNo));

    await api(routes.ewaybillCancel(irn), { reason: '2', remark: 'Order cancelled by the buyer' });
    await page.reload();
    await recordDrift(page, 'ewaybill-cancelled', new RegExp(`^Odoo still shows the e-way bill ${ewb.ewbNo} as active`));
    const ewbCancel = (await attachments(page, id)).find((a) => a.name.endsWith('_cancel_ewaybill.json'));
    assert.deepEqual(ewbCancel?.json && { no: ewbCancel.json.EwbNo, why: ewbCancel.json.CancelRsnCode, remark: ewbCancel.json.CancelRmrk }, { no: ewb.ewbNo, why: '2', remark: 'Order cancelled by the buyer' });

    await api(routes.cancel(irn), { reason: '3', remark: 'Order cancelled' });
    await page.reload();
    await expect(page.getByTestId('irn-cancelled'));
    assert.equal(await page.getByTestId('irn-qr').count(), 0, 'a cancelled IRN shows no QR');
    saveScreenshot('odoo-panel-drift-cancelled', await page.getByTestId('irn-panel').screenshot());
    await recordDrift(page, 'cancelled', /^Odoo still shows IRN \w{12}… as valid, but it was cancelled at the IRP on /);
    assert.equal((await attachments(page, id)).find((a) => a.name.endsWith('_cancel_einvoice.json'))?.json.Irn, irn);
    await page.reload();
    await expect(page.getByTestId('irn-cancelled'));
    assert.equal(await page.getByTestId('irn-drift').count(), 0, 'Odoo and the ledger agree');
    await page.close();
  });

  test('a write-back Odoo refuses: the panel says Odoo does not show the IRN and Record puts it there', async () => {
    const page = await rig.b.context.newPage();
    const id = ODOO_MOVES.creditNote;
    refuse = true;
    let irn: string;
    try {
      irn = await generateInPanel(page, id);
      await expect(page.locator('[data-testid="irn-writeback"][data-ok="false"]'));
    } finally {
      refuse = false;
    }
    assert.equal((await attachments(page, id)).length, 0);
    await recordDrift(page, 'generated', /^Odoo does not show this invoice's IRN \w{12}…/);
    assert.equal((await attachments(page, id)).find((a) => a.name.endsWith('_einvoice.json'))?.json.Irn, irn);
    await page.reload();
    await expect(page.getByTestId('irn-irn'));
    assert.equal(await page.getByTestId('irn-drift').count(), 0);
    await page.close();
  });
});
