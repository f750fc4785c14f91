/**
 * The history page at 1366×768: the ledger searched by customer, amount and state; the CSV read back
 * from the download; a row opening its invoice in the ERP; e-way bill, cancel e-way bill and cancel IRN
 * from the rows, in the order the IRP allows. Real Chromium, the built extension, the demo companion.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { expect, textOf } from './support/expect';
import { usePairedSite } from './support/rig';
import { smallestText } from './support/font-size';

const rig = usePairedSite(createFakeErpnext({ variant: 'india-compliance' }).app);

async function register(page: Page, name: string): Promise<string> {
  await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath(name)));
  await page.getByTestId('irn-generate').click();
  await page.getByTestId('irn-confirm').click();
  return textOf(page.getByTestId('irn-irn'));
}

/** The Sales Invoice as ERPNext's REST API returns it to the logged-in clerk (read back from the ERP). */
const readBack = (page: Page, name: string) => page.evaluate(async (n) =>
  ((await (await fetch(`/api/resource/Sales Invoice/${encodeURIComponent(n)}`, { headers: { Accept: 'application/json' } })).json()) as { data: Record<string, unknown> }).data, name);

/** The rows the table shows, by document number. */
const rowNumbers = async (page: Page) => (await page.getByTestId('history-row').locator('td:nth-child(2) b').allTextContents());

/** Waits until the table shows exactly these documents (the previous search's rows may still be there for a moment). */
async function showsRows(page: Page, expected: string[]): Promise<void> {
  const until = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < until) {
    got = await rowNumbers(page);
    if (JSON.stringify(got) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(got, expected);
}

/** RFC 4180 parse, enough for the export (quoted fields may hold commas, quotes and CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('history', () => {
  test('search by customer, amount and status; CSV with buyer, taxable value and taxes; open in the ERP; e-way bill, then cancel it, then the IRN', async () => {
    const erp = await rig.b.context.newPage();
    const irn42 = await register(erp, 'ASW-26-00042'); // Rangoli Foods, IGST, ₹ 46,064.00
    const irn43 = await register(erp, 'ASW-26-00043'); // Bhima Stores, CGST + SGST

    const page = await rig.b.openExtensionPage('history.html');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.getByTestId('history-row').nth(1));
    assert.match(await textOf(page.getByTestId('history-count')), /^2 of 2 documents$/);

    // Customer name (from the registered INV-01), then the amount as the clerk would type it.
    await page.getByTestId('history-q').fill('bhima');
    await page.getByTestId('history-search').click();
    await showsRows(page, ['ASW-26-00043']);
    assert.match(await textOf(page.getByTestId('history-count')), /^1 of 1 document$/);
    await page.getByTestId('history-q').fill('46,064');
    await page.getByTestId('history-search').click();
    await showsRows(page, ['ASW-26-00042']);
    const row42 = page.locator(`[data-testid="history-row"][data-irn="${irn42}"]`);
    assert.equal(await textOf(row42.getByTestId('history-taxable')), '₹ 43,870.40');
    assert.match(await textOf(row42.getByTestId('history-tax')), /^₹ 2,193\.52IGST$/);
    assert.equal(await textOf(row42.getByTestId('history-total')), '₹ 46,064.00');
    await page.getByTestId('history-q').fill('');
    await page.getByTestId('history-state').selectOption('cancelled');
    await page.getByTestId('history-search').click();
    await showsRows(page, []);
    await expect(page.getByTestId('history-count').filter({ hasText: 'Nothing matches' }));
    await page.getByTestId('history-state').selectOption('');
    // Document dates (one format, dd/mm/yyyy): ASW-26-00042 is of 20/11/2026, ASW-26-00043 of 21/11/2026.
    await page.getByTestId('history-from').fill('21-11-2026');
    await page.getByTestId('history-search').click();
    await showsRows(page, ['ASW-26-00043']);
    assert.match(await textOf(page.getByTestId('history-count')), /^1 of 1 document$/);
    await page.getByTestId('history-from').fill('21/13/20');
    await page.getByTestId('history-search').click();
    assert.match(await textOf(page.getByTestId('history-count').filter({ hasText: 'dd/mm/yyyy' })), /"Document date from" must be a date as dd\/mm\/yyyy/);
    await page.getByTestId('history-from').fill('');
    await page.getByTestId('history-search').click();
    await showsRows(page, ['ASW-26-00043', 'ASW-26-00042']);
    assert.ok((await smallestText(page)).px >= 12, JSON.stringify(await smallestText(page)));

    // CSV: read back from the download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export').click()]);
    assert.match(download.suggestedFilename(), /^irn-bridge-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM, so a spreadsheet reads it as UTF-8');
    const [header, ...rows] = parseCsv(text.slice(1));
    const col = (name: string) => header.indexOf(name);
    assert.deepEqual(header.slice(0, 13), ['Document date', 'Type', 'Number', 'Buyer name', 'Buyer GSTIN', 'Taxable value', 'IGST', 'CGST', 'SGST', 'Cess', 'Other charges', 'Round-off', 'Invoice total']);
    assert.equal(rows.length, 2);
    const csv42 = rows.find((r) => r[col('Number')] === 'ASW-26-00042')!;
    const csv43 = rows.find((r) => r[col('Number')] === 'ASW-26-00043')!;
    assert.equal(csv42[col('Buyer name')], 'Rangoli Foods Private Limited');
    assert.deepEqual([csv42[col('Taxable value')], csv42[col('IGST')], csv42[col('CGST')], csv42[col('Invoice total')]], ['43870.4', '2193.52', '0', '46064']);
    assert.equal(csv42[col('IRN')], irn42);
    assert.match(csv42[col('Document date')], /^\d{2}\/\d{2}\/\d{4}$/);
    assert.match(csv42[col('Ack date')], /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/, 'one date format: dd/mm/yyyy');
    assert.equal(csv43[col('Buyer name')], 'Bhima Stores LLP');
    assert.equal(Number(csv43[col('CGST')]) + Number(csv43[col('SGST')]), 1770);
    assert.equal(csv43[col('IGST')], '0');
    assert.equal(csv43[col('IRN')], irn43);

    // Open in the ERP: the invoice's own page.
    const [opened] = await Promise.all([rig.b.context.waitForEvent('page'), row42.getByTestId('history-open').click()]);
    await opened.waitForLoadState();
    assert.equal(new URL(opened.url()).pathname, erpnextInvoicePath('ASW-26-00042'));
    await opened.close();
    saveScreenshot('history-1366', await page.screenshot());
    await page.setViewportSize({ width: 1024, height: 768 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'at 1024 px the table fits: no sideways scrolling');
    saveScreenshot('history-1024', await page.screenshot());
    await page.setViewportSize({ width: 1366, height: 768 });

    // An e-way bill from the row; then Cancel IRN is not offered until the e-way bill is cancelled.
    await row42.getByTestId('history-ewb').click();
    await page.getByTestId('irn-ewb-distance').fill('640');
    await page.getByTestId('irn-ewb-vehno').fill('KA01AB1234');
    await page.getByTestId('irn-ewb-confirm').click();
    // Each message is waited for by its own words: the one before it may still be on screen.
    await expect(page.getByTestId('history-message').filter({ hasText: /E-way bill \d{12} generated for ASW-26-00042/ }));
    assert.match(await textOf(row42.getByTestId('history-ewb')), /EWB \d{12} · Active/);
    assert.equal(await row42.getByTestId('history-cancel').count(), 0, 'the IRP refuses to cancel an IRN with an active e-way bill (2230)');
    // …and ERPNext is told, through the invoice's own page (a background tab), as the panel would.
    await expect(page.getByTestId('history-erp-message').filter({ hasText: /^ERPNext updated: Recorded on the invoice by India Compliance/ }));
    const ewbNo = /EWB (\d{12})/.exec(await textOf(row42.getByTestId('history-ewb')))![1];
    assert.equal((await readBack(erp, 'ASW-26-00042')).ewaybill, ewbNo);

    await row42.getByTestId('history-ewb-cancel').click();
    await page.getByTestId('history-action-confirm').click();
    await expect(page.getByTestId('history-action-message').filter({ hasText: /Write why/ })); // an empty remark is said, not only a red box
    await page.getByTestId('history-action-reason').selectOption('2');
    await page.getByTestId('history-action-remark').fill('Order cancelled by the buyer');
    await page.getByTestId('history-action-confirm').click();
    await expect(page.getByTestId('history-message').filter({ hasText: /E-way bill \d{12} of ASW-26-00042 cancelled on .*the IRN can now be cancelled/ }));
    assert.match(await textOf(row42.getByTestId('history-ewb')), /· Cancelled/);
    await expect(page.getByTestId('history-erp-message').filter({ hasText: /^ERPNext updated: The e-way bill is marked cancelled by India Compliance/ }));
    assert.equal((await readBack(erp, 'ASW-26-00042')).ewaybill, '', 'ERPNext no longer holds an active e-way bill');
    assert.ok((await rig.companion.running.companion.ledger.findByIrn(irn42))?.ewb_cancel_date);

    await row42.getByTestId('history-cancel').click();
    await page.getByTestId('history-action-reason').selectOption('3');
    await page.getByTestId('history-action-remark').fill('Order cancelled');
    await page.getByTestId('history-action-confirm').click();
    await expect(page.getByTestId('history-message').filter({ hasText: /IRN of ASW-26-00042 cancelled on/ }));
    assert.equal(await row42.getAttribute('data-state'), 'cancelled');
    await expect(page.getByTestId('history-erp-message').filter({ hasText: /^ERPNext updated: The Sales Invoice and its e-Invoice are cancelled in ERPNext/ }));
    const after = await readBack(erp, 'ASW-26-00042');
    assert.deepEqual([after.docstatus, after.einvoice_status], [2, 'Manually Cancelled'], 'ERPNext agrees with the IRP');
    assert.equal(rig.b.context.pages().filter((p) => p.url().includes('ASW-26-00042')).length, 0, 'the background tabs were closed again (the clerk\'s own ERP tab shows ASW-26-00043)');
    assert.equal((await rig.companion.running.companion.ledger.findByIrn(irn42))?.state, 'cancelled');
    saveScreenshot('history-1366-after-cancel', await page.screenshot());
  });

  test('the popup\'s Recent IRNs show customer and amount; one opens its invoice in the ERP, and "History and search" opens the history', async () => {
    const popup = await rig.b.openExtensionPage('popup.html');
    const first = await expect(popup.getByTestId('recent-item').first());
    assert.match(await textOf(first.getByTestId('recent-customer')), /Bhima Stores LLP|Rangoli Foods Private Limited/);
    assert.match(await textOf(first.getByTestId('recent-amount')), /^₹ [\d,]+\.\d{2}$/);
    const [erpPage] = await Promise.all([rig.b.context.waitForEvent('page'), first.click()]);
    await erpPage.waitForLoadState();
    assert.match(new URL(erpPage.url()).pathname, /^\/app\/sales-invoice\/ASW-26-0004[23]$/);
    const popup2 = await rig.b.openExtensionPage('popup.html');
    const [history] = await Promise.all([rig.b.context.waitForEvent('page'), (await expect(popup2.getByTestId('popup-open-history'))).click()]);
    await expect(history.getByTestId('history-row'));
    assert.ok(history.url().endsWith('/history.html'));
  });
});
