/**
 * Bulk registration from the real ERPNext 15 desk's Sales Invoice list, as an Accounts User, with the
 * built extension in Chromium: the clerk ticks invoices in `/app/sales-invoice`, clicks Generate IRNs
 * beside the list's own actions, checks the batch's preview and confirms once. The offline IRP's
 * counters say how many were registered; each invoice's IRN is read back from ERPNext.
 * A second batch holds an invoice whose HSN the IRP does not know (shown with the reason, not sent)
 * and is stopped part-way, then resumed: no invoice is registered twice. And after Generate on the
 * form, the form shows the IRN without a page load.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../../e2e/support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../e2e/support/browser';
import { startTestCompanion, type TestCompanion } from '../../e2e/support/companion';
import { expect, textOf } from '../../e2e/support/expect';
import { readyBrowser } from '../../e2e/support/flows';
import { findRealErp } from '../support/real-erp';
import { CASES, createInvoices } from './cases';
import { startRun, type RealRun } from './run';
import { ABBR, ACCOUNTS_USER } from './site';

const found = await findRealErp('erpnext15');
const skip = 'skip' in found ? found.skip : false;
const GOODS = CASES.filter((c) => c.id === 'inter-two-items');
/** Looks like an HSN code, is not in the IRP's master (shared/src/codes/hsn.ts). */
const UNKNOWN_HSN = '01019999';

describe('ERPNext 15 Sales Invoice list: Generate IRNs for the ticked invoices', { skip }, () => {
  let run: RealRun;
  let companion: TestCompanion;
  let b: ExtensionBrowser;
  let origin: string;

  /** `n` submitted invoices for one customer of this run (so the list can be filtered to them). */
  async function invoicesFor(customer: 'rangoli' | 'bhima', n: number): Promise<string[]> {
    const names: string[] = [];
    const cases = customer === 'rangoli' ? GOODS : CASES.filter((c) => c.id === 'intra-list-price');
    for (let i = 0; i < n; i++) names.push(...Object.values(await createInvoices(run.user, run.masters, run.taxes, cases)));
    return names;
  }

  before(async () => {
    if ('skip' in found) return;
    run = await startRun(found.url);
    origin = found.url.replace('127.0.0.1', 'localhost');
    companion = await startTestCompanion();
    b = await launchExtensionBrowser();
    await readyBrowser(b, companion, origin);
    const login = await b.context.request.post(`${origin}/api/method/login`, { form: { usr: ACCOUNTS_USER.usr, pwd: ACCOUNTS_USER.pwd } });
    assert.equal(login.status(), 200, 'the Accounts User logs in to the desk');
  }, { timeout: 180_000 });
  after(async () => {
    await b?.close();
    await companion?.close();
  });

  /** The list filtered to `customer`, the `names` ticked as a clerk ticks them; returns the bulk page it opens. */
  async function tickAndOpen(customer: string, names: string[]): Promise<{ list: Page; bulk: Page }> {
    const list = await b.context.newPage();
    await list.setViewportSize({ width: 1366, height: 768 });
    await list.goto(`${origin}/app/sales-invoice?customer=${encodeURIComponent(customer)}`);
    for (const name of names) {
      const box = list.locator(`.page-container[data-page-route="List/Sales Invoice/List"] .list-row-checkbox[data-name="${name}"]`);
      await expect(box, 60_000);
      await box.check();
    }
    const action = list.getByTestId('irn-bulk-action');
    await expect(action.filter({ hasText: `Generate IRNs (${names.length})` }), 30_000);
    assert.equal(await action.evaluate((el) => Boolean(el.closest('.page-head .page-actions'))), true, "the button is in the list's own toolbar");
    saveScreenshot('bulk-erpnext-list', await list.screenshot());
    const [bulk] = await Promise.all([b.context.waitForEvent('page'), action.click()]);
    await bulk.setViewportSize({ width: 1366, height: 768 });
    return { list, bulk };
  }

  const rowOf = (bulk: Page, name: string) => bulk.locator(`[data-testid="bulk-row"][data-name="${name}"]`);

  async function waitForPreview(bulk: Page, n: number): Promise<void> {
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /will be registered with the IRP/ }), 120_000);
    await expect(bulk.getByTestId('bulk-confirm'));
    assert.equal(await bulk.getByTestId('bulk-row').count(), n);
  }

  test('20 ticked in the list → one confirmation → 20 registered at the IRP, each IRN recorded in ERPNext', { timeout: 600_000 }, async () => {
    const names = await invoicesFor('rangoli', 20);
    const before = await companion.irpRegistrations();
    const { list, bulk } = await tickAndOpen(run.masters.customers.rangoli.name, names);
    await waitForPreview(bulk, 20);
    assert.equal(await bulk.locator('[data-testid="bulk-row"][data-state="ready"]').count(), 20, await bulk.getByTestId('bulk-table').innerText());
    assert.equal((await bulk.getByTestId('bulk-confirm').textContent())?.trim(), 'Register 20 invoices with the IRP');
    saveScreenshot('bulk-erpnext-preview', await bulk.screenshot());
    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 20 registered\./ }), 300_000);
    saveScreenshot('bulk-erpnext-done', await bulk.screenshot({ fullPage: true }));
    assert.equal(await companion.irpRegistrations() - before, 20, 'the offline IRP registered 20');
    const irns = new Set<string>();
    for (const name of names) {
      const row = rowOf(bulk, name);
      assert.equal(await row.getAttribute('data-state'), 'done');
      assert.equal(await row.getByTestId('bulk-row-writeback').getAttribute('data-ok'), 'true', await row.innerText());
      const irn = (await row.getByTestId('bulk-row-irn').textContent())!.trim();
      const inv = await run.user.get<{ irn?: string }>('Sales Invoice', name);
      assert.equal(inv.irn, irn, `${name}: ERPNext holds the IRN the batch got`);
      irns.add(irn);
    }
    assert.equal(irns.size, 20);
    await bulk.close();
    await list.close();
  });

  test('after the batch the list tab is redrawn by the desk (cur_list.refresh), the page not reloaded', { timeout: 300_000 }, async () => {
    const names = await invoicesFor('bhima', 2);
    const { list, bulk } = await tickAndOpen(run.masters.customers.bhima.name, names);
    await waitForPreview(bulk, 2);
    // A mark on the window survives a redraw but not a page load; a row's element, the other way round.
    await list.evaluate(() => {
      (window as unknown as { irnMark: number }).irnMark = 1;
      (window as unknown as { irnRow: Element | null }).irnRow = document.querySelector('.page-container[data-page-route="List/Sales Invoice/List"] .result .list-row-container');
    });
    assert.equal(await list.evaluate(() => Boolean((window as unknown as { irnRow: Element | null }).irnRow)), true);
    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 2 registered\./ }), 120_000);
    await list.waitForFunction(() => (window as unknown as { irnRow: Element | null }).irnRow?.isConnected === false, undefined, { timeout: 30_000 });
    assert.equal(await list.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the list was redrawn, the page not reloaded');
    await expect(list.locator(`.page-container[data-page-route="List/Sales Invoice/List"] .list-row-checkbox[data-name="${names[0]}"]`), 30_000);
    await bulk.close();
    await list.close();
  });

  test('an invoice the IRP would refuse is shown with its reason and not sent; Stop part-way, then Resume: none twice', { timeout: 600_000 }, async () => {
    const good = await invoicesFor('bhima', 6);
    // An item whose HSN is not in the IRP's master: ERPNext and India Compliance accept it, the IRP would not.
    const hsn = (await run.admin.list('GST HSN Code', [['name', '=', UNKNOWN_HSN]])).length
      ? UNKNOWN_HSN : (await run.admin.insert<{ name: string }>({ doctype: 'GST HSN Code', hsn_code: UNKNOWN_HSN, description: 'IRN Bridge test: not in the IRP master' })).name;
    const code = `Unknown HSN Spice ${run.masters.tag}`;
    await run.admin.insert({ doctype: 'Item', item_code: code, item_name: 'Unknown HSN Spice', item_group: 'Products', stock_uom: 'Nos', is_stock_item: 0, gst_hsn_code: hsn, taxes: [{ item_tax_template: `GST 5% - ${ABBR}` }] });
    const badCase = CASES.find((c) => c.id === 'intra-list-price')!;
    const bad = (await createInvoices(run.user, run.masters, run.taxes, [{
      ...badCase, id: 'unknown-hsn', build: (m, t) => ({ ...badCase.build(m, t), items: [{ item_code: code, qty: 2, rate: 140 }] }),
    }]))['unknown-hsn'];
    const names = [...good.slice(0, 3), bad, ...good.slice(3)];
    const before = await companion.irpRegistrations();

    const { list, bulk } = await tickAndOpen(run.masters.customers.bhima.name, names);
    await waitForPreview(bulk, 7);
    const badRow = rowOf(bulk, bad);
    assert.equal(await badRow.getAttribute('data-state'), 'blocked');
    assert.match(await badRow.getByTestId('bulk-row-reason').innerText(), /1 problem to fix in ERPNext; not sent/);
    const issue = badRow.locator('[data-testid="irn-issue"][data-severity="error"]').first();
    assert.match(await issue.getByTestId('irn-issue-message').innerText(), new RegExp(`${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*HSN|HSN.*${UNKNOWN_HSN}`, 's'), 'the reason names the ERP item');
    assert.equal((await bulk.getByTestId('bulk-confirm').textContent())?.trim(), 'Register 6 invoices with the IRP');
    saveScreenshot('bulk-erpnext-invalid', await bulk.screenshot({ fullPage: true }));

    // Stop as soon as the batch starts: what is at the IRP finishes, nothing new is sent.
    await bulk.getByTestId('bulk-confirm').click();
    await bulk.getByTestId('bulk-stop').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Stopped: / }), 120_000);
    const doneAtStop = await bulk.locator('[data-testid="bulk-row"][data-state="done"]').count();
    assert.ok(doneAtStop >= 1 && doneAtStop < 6, `stopped part-way (${doneAtStop} of 6 done)`);
    assert.equal(await companion.irpRegistrations() - before, doneAtStop, 'only the finished ones were sent');
    await bulk.getByTestId('bulk-resume').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 6 registered\. 1 not sent/ }), 300_000);
    assert.equal(await companion.irpRegistrations() - before, 6, 'Resume sent the rest; none twice');
    assert.equal(await badRow.getAttribute('data-state'), 'blocked', 'the invalid invoice was never sent');

    // The same batch opened again (its page reloaded): the registered ones are not sent again.
    await bulk.reload();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /will be registered/ }), 120_000);
    assert.equal(await bulk.locator('[data-testid="bulk-row"][data-state="ready"]').count(), 0);
    assert.match(await rowOf(bulk, good[0]).getByTestId('bulk-row-reason').innerText(), /Already registered: ERPNext holds IRN [0-9a-f]{64}/);
    for (const name of good) assert.match((await run.user.get<{ irn?: string }>('Sales Invoice', name)).irn ?? '', /^[0-9a-f]{64}$/, `${name} holds its IRN`);
    assert.equal((await run.user.get<{ irn?: string }>('Sales Invoice', bad)).irn ?? '', '');
    assert.equal(await companion.irpRegistrations() - before, 6);
    await bulk.close();
    await list.close();
  });

  test('after Generate IRN on the form, the form shows the IRN without a page load (cur_frm.reload_doc)', { timeout: 300_000 }, async () => {
    const [name] = await invoicesFor('rangoli', 1);
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${origin}/app/sales-invoice/${encodeURIComponent(name)}`);
    await expect(page.getByTestId('irn-generate'), 60_000);
    // Frappe 15 shows a read-only field's value in its `.control-value` (the label is beside it).
    const field = '.page-container[data-page-route="Sales Invoice"] .frappe-control[data-fieldname="irn"] .control-value';
    await page.waitForFunction((sel) => document.querySelector(sel) !== null, field, { timeout: 30_000 });
    const shown = () => page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? '', field);
    assert.equal(await shown(), '', 'no IRN on the form before');
    // Marks this page load: a reload would drop the mark.
    await page.evaluate(() => { (window as unknown as { irnMark: number }).irnMark = 1; });
    await page.getByTestId('irn-generate').click();
    await expect(page.getByTestId('irn-preview'));
    await page.getByTestId('irn-confirm').click();
    const irn = await textOf(page.getByTestId('irn-irn'), 60_000);
    const wb = await expect(page.getByTestId('irn-writeback'), 60_000);
    assert.equal(await wb.getAttribute('data-ok'), 'true', (await wb.textContent()) ?? '');
    // Read from the form's DOM (the field may sit on a tab that is not open: its text is there all the same).
    await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false, [field, irn] as const, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the desk redrew the form; the page was not reloaded');
    saveScreenshot('erpnext15-real-form-refreshed', await page.screenshot());
    await page.close();
  });
});
