/**
 * On the real Odoo 17.0 web client with the built extension: bulk registration from Customers ▸
 * Invoices (the list view), and the invoice form redrawn after a write-back.
 * - 20 posted invoices ticked in the list → Generate IRNs beside Odoo's own list actions → one
 *   confirmation → 20 registered at the offline IRP (its counters), each one's IRN read back from
 *   Odoo's own e-invoice document.
 * - A batch with an invoice whose product's HSN the IRP does not know: shown with the reason, not
 *   sent; stopped part-way and resumed, nothing registered twice.
 * - After Generate on the form, the form shows Odoo's e-invoicing state "Sent" without a page load.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../../e2e/support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../e2e/support/browser';
import { startTestCompanion, type TestCompanion } from '../../e2e/support/companion';
import { expect, textOf } from '../../e2e/support/expect';
import { readyBrowser } from '../../e2e/support/flows';
import { einvoiceDocument } from './readback';
import { ODOO17_LOGIN } from './rpc';
import { openRealOdoo, skipReason, type RealOdoo } from './session';

/** Looks like an HSN code, is not in the IRP's master (shared/src/codes/hsn.ts). */
const UNKNOWN_HSN = '01019999';
const today = () => new Date().toISOString().slice(0, 10);

describe('real Odoo 17.0: Generate IRNs from the invoice list; the form redrawn after write-back', { skip: skipReason }, () => {
  let real: RealOdoo;
  let companion: TestCompanion;
  let b: ExtensionBrowser;
  let page: Page;

  /** A posted customer invoice, as a clerk makes it; its id and number. */
  async function posted(productId: number, extra: Record<string, unknown> = {}): Promise<{ id: number; name: string }> {
    const id = await real.rpc.create('account.move', {
      move_type: 'out_invoice', partner_id: real.masters.partners.inter, invoice_date: today(),
      invoice_line_ids: [[0, 0, { product_id: productId, quantity: 3 }]], ...extra,
    });
    await real.rpc.call('account.move', 'action_post', [[id]]);
    const [m] = await real.rpc.read<{ name: string }>('account.move', [id], ['name']);
    return { id, name: m.name };
  }

  before(async () => {
    [real, companion] = await Promise.all([openRealOdoo({ odooJson: false, only: [] }), startTestCompanion()]);
    b = await launchExtensionBrowser();
    await readyBrowser(b, companion, real.url);
    page = await b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${real.url}/web/login`);
    await page.locator('input[name="login"]').fill(ODOO17_LOGIN.login);
    await page.locator('input[name="password"]').fill(ODOO17_LOGIN.password);
    await Promise.all([page.waitForURL(/\/web(#|$|\?)/), page.locator('button[type="submit"]').click()]);
  }, { timeout: 180_000 });
  after(async () => {
    await b?.close();
    await companion?.close();
  });

  /** Customers ▸ Invoices, the `names` ticked as a clerk ticks them; returns the bulk page it opens. */
  async function tickAndOpen(names: string[]): Promise<Page> {
    await page.goto(`${real.url}/web#action=account.action_move_out_invoice_type`);
    await expect(page.locator('.o_list_view .o_data_row').first(), 60_000);
    for (const name of names) {
      const row = page.locator('.o_list_view tr.o_data_row').filter({ has: page.locator(`td[name="name"]`, { hasText: new RegExp(`^${name.replace(/\//g, '\\/')}$`) }) });
      await expect(row, 30_000);
      await row.locator('td.o_list_record_selector input').check();
    }
    const action = page.getByTestId('irn-bulk-action');
    await expect(action.filter({ hasText: `Generate IRNs (${names.length})` }), 30_000);
    assert.equal(await action.evaluate((el) => Boolean(el.closest('.o_control_panel_actions'))), true, "the button is in Odoo's control panel, beside its selection actions");
    saveScreenshot('bulk-odoo17-list', await page.screenshot());
    const [bulk] = await Promise.all([b.context.waitForEvent('page'), action.click()]);
    await bulk.setViewportSize({ width: 1366, height: 768 });
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /will be registered with the IRP/ }), 120_000);
    await expect(bulk.getByTestId('bulk-confirm'));
    assert.equal(await bulk.getByTestId('bulk-row').count(), names.length);
    return bulk;
  }

  const rowOf = (bulk: Page, id: number) => bulk.locator(`[data-testid="bulk-row"][data-name="account.move/${id}"]`);

  test('20 ticked in the list → one confirmation → 20 registered, each IRN in Odoo\'s own e-invoice document', { timeout: 600_000 }, async () => {
    const made: { id: number; name: string }[] = [];
    for (let i = 0; i < 20; i++) made.push(await posted(real.masters.products.gst12));
    const before = await companion.irpRegistrations();
    const bulk = await tickAndOpen(made.map((m) => m.name));
    assert.equal(await bulk.locator('[data-testid="bulk-row"][data-state="ready"]').count(), 20, await bulk.getByTestId('bulk-table').innerText());
    assert.equal((await bulk.getByTestId('bulk-confirm').textContent())?.trim(), 'Register 20 invoices with the IRP');
    saveScreenshot('bulk-odoo17-preview', await bulk.screenshot());
    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 20 registered\./ }), 300_000);
    saveScreenshot('bulk-odoo17-done', await bulk.screenshot({ fullPage: true }));
    assert.equal(await companion.irpRegistrations() - before, 20, 'the offline IRP registered 20');
    const irns = new Set<string>();
    for (const m of made) {
      const row = rowOf(bulk, m.id);
      assert.equal(await row.getByTestId('bulk-row-writeback').getAttribute('data-ok'), 'true', await row.innerText());
      const irn = (await row.getByTestId('bulk-row-irn').textContent())!.trim();
      const edi = await einvoiceDocument(real.rpc, m.id);
      assert.equal(edi.state, 'sent', m.name);
      assert.equal(edi.response?.Irn, irn, `${m.name}: Odoo holds the IRN the batch got`);
      irns.add(irn);
    }
    assert.equal(irns.size, 20);
    await bulk.close();
  });

  test('after the batch the list tab is redrawn by Odoo (soft_reload of the list), the page not reloaded', { timeout: 300_000 }, async () => {
    const made = [await posted(real.masters.products.gst12), await posted(real.masters.products.gst12)];
    const bulk = await tickAndOpen(made.map((m) => m.name));
    // A mark on the window survives a redraw but not a page load; the first row's element, the other way round.
    await page.evaluate(() => {
      (window as unknown as { irnMark: number }).irnMark = 1;
      (window as unknown as { irnRow: Element | null }).irnRow = document.querySelector('.o_list_view tr.o_data_row');
    });
    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 2 registered\./ }), 120_000);
    await page.waitForFunction(() => (window as unknown as { irnRow: Element | null }).irnRow?.isConnected === false, undefined, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the list was redrawn, the page not reloaded');
    await expect(page.locator('.o_list_view tr.o_data_row').first(), 30_000);
    await bulk.close();
  });

  test('an invoice the IRP would refuse is shown with its reason and not sent; Stop part-way, then Resume: none twice', { timeout: 600_000 }, async () => {
    const unknownHsn = await real.rpc.create('product.product', {
      name: `Unknown HSN spice ${Date.now()}`, detailed_type: 'consu', l10n_in_hsn_code: UNKNOWN_HSN, list_price: 140,
      taxes_id: [[6, 0, [real.masters.taxes.gst5]]],
    });
    const good: { id: number; name: string }[] = [];
    for (let i = 0; i < 6; i++) good.push(await posted(real.masters.products.gst12));
    const bad = await posted(unknownHsn);
    const before = await companion.irpRegistrations();
    const bulk = await tickAndOpen([...good.slice(0, 3), bad, ...good.slice(3)].map((m) => m.name));

    const badRow = rowOf(bulk, bad.id);
    assert.equal(await badRow.getAttribute('data-state'), 'blocked');
    assert.match(await badRow.getByTestId('bulk-row-reason').innerText(), /problem.* to fix in Odoo; not sent/);
    const messages = await badRow.locator('[data-testid="irn-issue"][data-severity="error"] [data-testid="irn-issue-message"]').allInnerTexts();
    assert.ok(messages.some((m) => m.includes('Unknown HSN spice') || m.includes(UNKNOWN_HSN)), `the reason names the product or its HSN: ${messages.join(' | ')}`);
    assert.equal((await bulk.getByTestId('bulk-confirm').textContent())?.trim(), 'Register 6 invoices with the IRP');
    saveScreenshot('bulk-odoo17-invalid', await bulk.screenshot({ fullPage: true }));

    await bulk.getByTestId('bulk-confirm').click();
    await bulk.getByTestId('bulk-stop').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Stopped: / }), 120_000);
    const doneAtStop = await bulk.locator('[data-testid="bulk-row"][data-state="done"]').count();
    assert.ok(doneAtStop >= 1 && doneAtStop < 6, `stopped part-way (${doneAtStop} of 6 done)`);
    assert.equal(await companion.irpRegistrations() - before, doneAtStop, 'only the finished ones were sent');
    await bulk.getByTestId('bulk-resume').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 6 registered\. 1 not sent/ }), 300_000);
    assert.equal(await companion.irpRegistrations() - before, 6, 'Resume sent the rest; none twice');
    assert.equal(await badRow.getAttribute('data-state'), 'blocked');
    assert.equal((await einvoiceDocument(real.rpc, bad.id)).response, null, 'nothing recorded for the invalid one');
    for (const m of good) assert.equal((await einvoiceDocument(real.rpc, m.id)).state, 'sent', m.name);
    await bulk.close();
  });

  test('after Odoo\'s "Select all", the invoices not on this page are named as not sent, with what to do', { timeout: 300_000 }, async () => {
    await page.goto(`${real.url}/web#action=account.action_move_out_invoice_type`);
    await expect(page.locator('.o_list_view .o_data_row').first(), 60_000);
    // Five rows a page, through Odoo's own pager (its value is editable), so that the search is larger than the page.
    await page.locator('.o_cp_pager .o_pager_value').click();
    await page.locator('.o_cp_pager input.o_pager_value').fill('1-5');
    await page.locator('.o_cp_pager input.o_pager_value').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.o_list_view tr.o_data_row').length === 5, null, { timeout: 30_000 });
    const total = Number((await page.locator('.o_cp_pager .o_pager_limit').textContent())?.trim());
    assert.ok(total > 5, `more than a page of invoices (${total})`);
    await page.locator('.o_list_view thead .o_list_record_selector input').check();
    await page.locator('.o_list_select_domain').click();
    const action = page.getByTestId('irn-bulk-action');
    await expect(action.filter({ hasText: 'Generate IRNs (5)' }), 30_000);
    const [bulk] = await Promise.all([b.context.waitForEvent('page'), action.click()]);
    await expect(bulk.getByTestId('bulk-skipped'), 30_000);
    assert.match(await bulk.getByTestId('bulk-skipped').innerText(), new RegExp(`${total - 5} more — Odoo's "Select all" also took invoices that are not on this page`));
    assert.equal(await bulk.getByTestId('bulk-row').count(), 5);
    await bulk.close();
  });

  test('after Generate IRN on the form, the form shows e-invoicing "Sent" without a page load', { timeout: 300_000 }, async () => {
    const inv = await posted(real.masters.products.gst12, { journal_id: real.masters.einvoiceJournalId });
    await page.goto(`${real.url}/web#id=${inv.id}&model=account.move&view_type=form`);
    const state = page.locator('.o_form_view .o_field_widget[name="edi_state"]');
    assert.equal(await textOf(state, 60_000), 'To Send');
    // Marks this page load: a reload would drop the mark.
    await page.evaluate(() => { (window as unknown as { irnMark: number }).irnMark = 1; });
    await expect(page.getByTestId('irn-panel').filter({ hasText: inv.name }), 60_000);
    await page.getByTestId('irn-generate').click();
    await expect(page.getByTestId('irn-preview'));
    await page.getByTestId('irn-confirm').click();
    const wb = await expect(page.getByTestId('irn-writeback'), 60_000);
    assert.equal(await wb.getAttribute('data-ok'), 'true');
    await expect(state.filter({ hasText: /^Sent$/ }), 30_000);
    assert.equal(await page.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the web client redrew the form; the page was not reloaded');
    saveScreenshot('odoo17-real-form-refreshed', await page.screenshot());
  });
});
