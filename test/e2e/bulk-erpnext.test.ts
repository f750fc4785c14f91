/**
 * Bulk from ERPNext's Sales Invoice list, on the fake desk (test/fake-erp, Frappe 15's list markup:
 * `.list-row-checkbox[data-name]`, `.page-actions`); the real desk's run is test/real/erpnext/bulk.test.ts.
 * 20 ticked invoices, plus one the IRP would refuse and one draft: one confirmation registers the 20
 * (the offline IRP's counters), each IRN read back from the ERP; Stop part-way and Resume sends none
 * twice. The list tab shows the new state after a batch (cur_list.refresh), and the open form the IRN
 * after Generate (cur_frm.reload_doc), without a page load.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';

const erp = createFakeErpnext({ variant: 'india-compliance' });
const rig = usePairedSite(erp.app);

/** `n` submitted copies of the goods invoice ASW-26-00045, named `<prefix>01…`, as if the clerk had made them. */
function copies(prefix: string, n: number): string[] {
  const base = erp.invoices.get('ASW-26-00045')!;
  return Array.from({ length: n }, (_, i) => {
    const name = `${prefix}${String(i + 1).padStart(2, '0')}`;
    erp.invoices.set(name, { ...structuredClone(base), name, irn: null, einvoice_status: 'Pending' });
    return name;
  });
}

async function tickAndOpen(names: string[]): Promise<{ list: Page; bulk: Page }> {
  const list = await rig.b.context.newPage();
  await list.setViewportSize({ width: 1366, height: 768 });
  await list.goto(erpnextLoginUrl(rig.site.origin, '/app/sales-invoice'));
  for (const name of names) await list.locator(`.list-row-checkbox[data-name="${name}"]`).check();
  const action = list.getByTestId('irn-bulk-action');
  await expect(action.filter({ hasText: `Generate IRNs (${names.length})` }));
  assert.equal(await action.evaluate((el) => el.parentElement?.className), 'page-actions', "in the list page's own toolbar");
  const [bulk] = await Promise.all([rig.b.context.waitForEvent('page'), action.click()]);
  await bulk.setViewportSize({ width: 1366, height: 768 });
  // Reading and checking 22 invoices: allow for a busy machine (the preview's wait, not a timing claim).
  await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /will be registered with the IRP/ }), 90_000);
  return { list, bulk };
}

const rowOf = (bulk: Page, name: string) => bulk.locator(`[data-testid="bulk-row"][data-name="${name}"]`);
const count = (bulk: Page, state: string) => bulk.locator(`[data-testid="bulk-row"][data-state="${state}"]`).count();

describe('ERPNext list (fake desk): Generate IRNs for the ticked invoices', () => {
  test('20 ticked + an invalid one + a draft: the preview says why two are not sent; one confirmation registers 20, each recorded in ERPNext', async () => {
    const names = copies('ASW-26-B0', 20);
    const before = await rig.companion.irpRegistrations();
    const { list, bulk } = await tickAndOpen([...names.slice(0, 10), 'ASW-26-00099', 'ASW-26-00044', ...names.slice(10)]);
    assert.equal(await count(bulk, 'ready'), 20);
    assert.match(await rowOf(bulk, 'ASW-26-00044').getByTestId('bulk-row-reason').innerText(), /^Submit the invoice first/);
    const invalid = rowOf(bulk, 'ASW-26-00099');
    assert.match(await invalid.getByTestId('bulk-row-reason').innerText(), /problems? to fix in ERPNext; not sent/);
    const messages = await invalid.locator('[data-testid="irn-issue"][data-severity="error"] [data-testid="irn-issue-message"]').allInnerTexts();
    assert.ok(messages.some((m) => m.includes('TURMERIC-1KG')), `the HSN problem names the ERP's item: ${messages.join(' | ')}`);
    assert.equal((await bulk.getByTestId('bulk-confirm').textContent())?.trim(), 'Register 20 invoices with the IRP');
    saveScreenshot('bulk-erpnext-fake-preview', await bulk.screenshot({ fullPage: true }));
    // No text under 12 px on the bulk page (Chromium's extension-page 75% body font is overridden), at 1024 px too.
    await bulk.setViewportSize({ width: 1024, height: 768 });
    const smallest = await bulk.evaluate(() => {
      let min = { px: Infinity, text: '' };
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (own && (el as HTMLElement).offsetParent !== null && px < min.px) min = { px, text: el.textContent!.trim().slice(0, 40) };
      }
      return min;
    });
    assert.ok(smallest.px >= 12, `bulk page text at ${smallest.px}px: "${smallest.text}"`);
    saveScreenshot('bulk-erpnext-fake-preview-1024', await bulk.screenshot());

    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 20 registered\. 2 not sent/ }), 120_000);
    assert.equal(await rig.companion.irpRegistrations() - before, 20, 'the offline IRP registered 20');
    for (const name of names) {
      const row = rowOf(bulk, name);
      assert.equal(await row.getByTestId('bulk-row-writeback').getAttribute('data-ok'), 'true', await row.innerText());
      assert.equal(erp.invoices.get(name)?.irn, (await row.getByTestId('bulk-row-irn').textContent())?.trim(), `${name}: ERPNext holds the IRN`);
    }
    assert.equal(erp.invoices.get('ASW-26-00099')?.irn ?? null, null, 'the invalid one was not sent');
    await bulk.close();
    await list.close();
  });

  test('Stop part-way, then Resume: the rest are sent, none twice; the batch opened again sends nothing', async () => {
    const names = copies('ASW-26-S0', 20);
    const before = await rig.companion.irpRegistrations();
    const { list, bulk } = await tickAndOpen(names);
    await bulk.getByTestId('bulk-confirm').click();
    await bulk.getByTestId('bulk-stop').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Stopped: / }), 60_000);
    const done = await count(bulk, 'done');
    assert.ok(done >= 1 && done < 20, `stopped part-way (${done} of 20)`);
    assert.equal(await rig.companion.irpRegistrations() - before, done, 'nothing was sent after Stop but what was at the IRP');
    await bulk.getByTestId('bulk-resume').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 20 registered\./ }), 120_000);
    assert.equal(await rig.companion.irpRegistrations() - before, 20, 'Resume sent the rest, none twice');
    await bulk.reload();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^0 will be registered/ }), 30_000);
    assert.equal(await count(bulk, 'blocked'), 20, 'each now holds its IRN in ERPNext');
    assert.equal(await rig.companion.irpRegistrations() - before, 20);
    await bulk.close();
    await list.close();
  });

  test('after the batch the list tab shows the new e-Invoice status without a page load (cur_list.refresh)', async () => {
    const names = copies('ASW-26-L0', 2);
    const { list, bulk } = await tickAndOpen(names);
    const status = (name: string) => list.locator(`tr[data-name="${name}"] [data-fieldname="einvoice_status"]`);
    assert.equal(await status(names[0]).textContent(), 'Pending');
    await list.evaluate(() => { (window as unknown as { irnMark: number }).irnMark = 1; });
    await bulk.getByTestId('bulk-confirm').click();
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /^Done: 2 registered\./ }), 60_000);
    assert.notEqual(erp.invoices.get(names[0])?.einvoice_status, 'Pending', 'ERPNext holds the new status');
    for (const name of names) await expect(status(name).filter({ hasText: erp.invoices.get(name)!.einvoice_status! }), 15_000);
    assert.equal(await list.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the list was redrawn, the page not reloaded');
    await bulk.close();
    await list.close();
  });

  test('after Generate IRN on the form, the form shows the IRN without a page load', async () => {
    const [name] = copies('ASW-26-F0', 1);
    const page = await rig.b.context.newPage();
    await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(name)));
    const irnField = page.locator('.frappe-control[data-fieldname="irn"] .control-value');
    assert.equal(await textOf(irnField), '');
    await page.evaluate(() => { (window as unknown as { irnMark: number }).irnMark = 1; });
    await page.getByTestId('irn-generate').click();
    await page.getByTestId('irn-confirm').click();
    const irn = await textOf(page.getByTestId('irn-irn'), 30_000);
    await expect(page.getByTestId('irn-writeback'), 30_000);
    await expect(irnField.filter({ hasText: irn }), 15_000);
    assert.equal(await page.locator('.frappe-control[data-fieldname="einvoice_status"] .control-value').textContent(), 'Manually Generated');
    assert.equal(await page.evaluate(() => (window as unknown as { irnMark?: number }).irnMark), 1, 'the form was redrawn, the page not reloaded');
    await page.close();
  });

  test('the companion not running: the batch is still previewed, but nothing can be sent, and the banner says what to do', async () => {
    const names = copies('ASW-26-D0', 2);
    await rig.companion.stop();
    const { list, bulk } = await tickAndOpen(names);
    assert.match(await bulk.getByTestId('bulk-banner').innerText(), /companion is not running/);
    assert.equal(await bulk.getByTestId('bulk-confirm').isDisabled(), true);
    await expect(bulk.getByTestId('bulk-check-again'));
    await bulk.close();
    await list.close();
  });
});
