/**
 * ERPNext end to end on the fake desk (test/fake-erp/erpnext.ts): real Chromium, the built extension,
 * the companion with its offline IRP. The same flows run against the real ERPNext 15 in
 * test/real/erpnext/desk.test.ts; here are what the real one cannot serve: Frappe v16's /desk/ route,
 * hand-made invalid invoices, a hostile page, two tabs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl, type FakeErpnext } from '../fake-erp/erpnext';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { readyBrowser } from './support/flows';
import type { Page } from 'playwright-core';

let companion: TestCompanion;
let erp: FakeErpnext;
let site: ServedSite;

before(async () => {
  companion = await startTestCompanion();
  erp = createFakeErpnext({ variant: 'india-compliance' });
  site = await serveSite(erp.app);
});
after(async () => {
  await site?.close();
  await companion?.close();
});

/** A fresh browser profile, paired, the site enabled, logged in to the desk on `invoice`. */
async function openInvoice(invoice: string): Promise<{ b: ExtensionBrowser; page: Page }> {
  const b = await launchExtensionBrowser();
  try {
    await readyBrowser(b, companion, site.origin);
    const page = await b.context.newPage();
    await page.goto(erpnextLoginUrl(site.origin, erpnextInvoicePath(invoice)));
    return { b, page };
  } catch (err) {
    await b.close();
    throw err;
  }
}

const panel = (page: Page) => page.getByTestId('irn-panel');

describe('ERPNext: Generate IRN in the page', () => {
  test('click Generate → IRN, Ack No, Ack Date and QR in the page; India Compliance write-back recorded', async () => {
    const before = await companion.irpRegistrations();
    const { b, page } = await openInvoice('ASW-26-00042');
    try {
      await expect(page.getByTestId('irn-generate'));
      assert.equal(await page.getByTestId('irn-badge').textContent(), 'DEMO');
      saveScreenshot('erpnext-panel-before', await panel(page).screenshot());

      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-preview'));
      assert.match(await textOf(page.getByTestId('irn-seller')), /29AAHCA4821K1ZH/);
      assert.match(await textOf(page.getByTestId('irn-buyer')), /37AAGCR5310M1Z6/);
      assert.match(await textOf(page.getByTestId('irn-doc')), /ASW-26-00042 dated 20\/11\/2026/);
      assert.equal(await page.getByTestId('irn-confirm').isEnabled(), true);
      saveScreenshot('erpnext-panel-preview', await panel(page).screenshot());

      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      assert.match(irn, /^[0-9a-f]{64}$/);
      assert.match(await textOf(page.getByTestId('irn-ack-no')), /^\d{15}$/);
      assert.match(await textOf(page.getByTestId('irn-ack-date')), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.equal(await page.getByTestId('irn-qr').locator('svg path').count(), 1);

      const wb = await expect(page.getByTestId('irn-writeback'));
      assert.equal(await wb.getAttribute('data-ok'), 'true');
      assert.equal(await wb.getAttribute('data-method'), 'india-compliance');
      const write = erp.writes.find((w) => w.name === 'ASW-26-00042' && w.kind === 'mark_e_invoice_as_generated');
      assert.equal(write?.values.irn, irn);
      const qr = erp.attachments.find((a) => a.attached_to_name === 'ASW-26-00042' && a.file_name === `e-invoice-${irn}.json`);
      assert.ok(qr, 'the signed result is attached for the print format');
      assert.equal(JSON.parse(qr.content).Irn, irn);
      assert.equal(qr.is_private, 1);
      assert.equal(await companion.irpRegistrations(), before + 1);
      saveScreenshot('erpnext-panel-after', await panel(page).screenshot());
    } finally {
      await b.close();
    }
  });
});

describe('ERPNext: the ledger prevents duplicates', () => {
  test('Generate in two tabs of the same invoice → the same IRN, one registration at the IRP', async () => {
    const before = await companion.irpRegistrations();
    const { b, page } = await openInvoice('ASW-26-00043');
    try {
      const second = await b.context.newPage();
      await second.goto(page.url());
      await expect(page.getByTestId('irn-generate'));
      await expect(second.getByTestId('irn-generate'));

      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));

      // The second tab still offers Generate (it loaded before): the companion answers from its ledger.
      await second.getByTestId('irn-generate').click();
      await second.getByTestId('irn-confirm').click();
      assert.equal(await textOf(second.getByTestId('irn-irn')), irn);
      assert.match(await textOf(second.getByTestId('irn-note')), /Already registered/);
      assert.equal(await companion.irpRegistrations(), before + 1);

      // A reload finds it in the ledger straight away: no Generate button at all.
      await page.reload();
      assert.equal(await textOf(page.getByTestId('irn-irn')), irn);
      assert.equal(await page.getByTestId('irn-generate').count(), 0);
      assert.equal(await companion.irpRegistrations(), before + 1);
    } finally {
      await b.close();
    }
  });
});

describe('ERPNext: other documents', () => {
  test('a credit note is registered as CRN', async () => {
    const { b, page } = await openInvoice('ASW-26-00051');
    try {
      await page.getByTestId('irn-generate').click();
      assert.match(await textOf(page.getByTestId('irn-doc')), /ASW-26-00051/);
      assert.equal(await page.locator('[data-testid="irn-summary"] dt', { hasText: 'Credit note' }).count(), 1);
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      const row = (await companion.running.companion.ledger.findByIrn(irn));
      assert.equal(row?.doc_type, 'CRN');
      assert.equal(row?.doc_no, 'ASW-26-00051');
      assert.equal(row?.state, 'generated');
    } finally {
      await b.close();
    }
  });

  // Its grand total does not add up either; like India Compliance, the mapping carries the difference
  // as other charges, so the HSN is what blocks it.
  test('an invalid invoice (bad HSN): issues per field, Generate disabled, no IRP call', async () => {
    const before = await companion.irpRegistrations();
    const { b, page } = await openInvoice('ASW-26-00099');
    try {
      await page.getByTestId('irn-generate').click();
      await expect(page.getByTestId('irn-blocked'));
      const paths = await page.getByTestId('irn-issue').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-path')}|${e.getAttribute('data-severity')}`));
      assert.ok(paths.some((p) => /ItemList\[\d+\]\.HsnCd\|error/.test(p)), `an HSN error in ${paths.join(', ')}`);
      assert.equal(await page.getByTestId('irn-confirm').isDisabled(), true);
      saveScreenshot('erpnext-panel-invalid', await panel(page).screenshot());
      // A click on the disabled button does nothing.
      await page.getByTestId('irn-confirm').click({ force: true });
      assert.equal(await page.getByTestId('irn-progress').count(), 0);
      assert.equal(await companion.irpRegistrations(), before);
    } finally {
      await b.close();
    }
  });

  test('a draft invoice offers no Generate button', async () => {
    const { b, page } = await openInvoice('ASW-26-00044');
    try {
      await expect(page.getByTestId('irn-not-final'));
      assert.equal(await page.getByTestId('irn-generate').count(), 0);
    } finally {
      await b.close();
    }
  });
});

describe('ERPNext: the page cannot act for the clerk', () => {
  test("the page's own script clicking the panel's buttons does nothing; no IRP call", async () => {
    const before = await companion.irpRegistrations();
    const { b, page } = await openInvoice('ASW-26-00052');
    // Synthetic clicks, as a hostile ERP page script would make them (the e2e build opens the shadow root).
    const pageClicks = (testid: string) => page.evaluate((id) => {
      const button = document.querySelector('irn-bridge-panel')?.shadowRoot?.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
      if (!button) return false;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return true;
    }, testid);
    try {
      await expect(page.getByTestId('irn-generate'));
      assert.equal(await pageClicks('irn-generate'), true);
      await page.waitForTimeout(400);
      assert.equal(await page.getByTestId('irn-preview').count(), 0, 'a synthetic click must not open the preview');

      await page.getByTestId('irn-generate').click(); // the clerk's real click
      await expect(page.getByTestId('irn-preview'));
      assert.equal(await pageClicks('irn-confirm'), true);
      await page.waitForTimeout(600);
      assert.equal(await page.getByTestId('irn-irn').count(), 0, 'a synthetic click must not generate');
      assert.equal(await companion.irpRegistrations(), before);
    } finally {
      await b.close();
    }
  });
});

describe("ERPNext: Frappe v16's /desk/ route", () => {
  test('the panel appears on /desk/sales-invoice/<name> and generates', async () => {
    const v16 = createFakeErpnext({ variant: 'india-compliance', desk: '/desk' });
    const v16site = await serveSite(v16.app);
    const b = await launchExtensionBrowser();
    try {
      await readyBrowser(b, companion, v16site.origin);
      const page = await b.context.newPage();
      await page.goto(erpnextLoginUrl(v16site.origin, '/desk/sales-invoice/ASW-26-00045'));
      assert.match(new URL(page.url()).pathname, /^\/desk\/sales-invoice\//);
      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      assert.equal(await (await expect(page.getByTestId('irn-writeback'))).getAttribute('data-ok'), 'true');
      assert.equal(v16.writes.find((w) => w.kind === 'mark_e_invoice_as_generated')?.values.irn, irn);
    } finally {
      await b.close();
      await v16site.close();
    }
  });
});

describe('ERPNext: cancel', () => {
  test('within 24 hours of AckDt the IRN can be cancelled with a reason and remark', async () => {
    const { b, page } = await openInvoice('ASW-26-00052');
    try {
      await page.getByTestId('irn-generate').click();
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      await page.getByTestId('irn-cancel-open').click();
      await page.getByTestId('irn-cancel-reason').selectOption('2');
      await page.getByTestId('irn-cancel-remark').fill('Wrong rate entered');
      await page.getByTestId('irn-cancel-confirm').click();
      await expect(page.getByTestId('irn-cancelled'));
      assert.equal(await page.getByTestId('irn-result').getAttribute('data-status'), 'CNL');
      assert.equal(await page.getByTestId('irn-cancel-open').count(), 0);

      assert.equal((await companion.running.companion.ledger.findByIrn(irn))?.state, 'cancelled');
      // Recorded as India Compliance's own cancellation does it: the invoice cancelled, then marked
      // (the panel shows the IRP's answer first and records in ERPNext after it).
      await expect(page.getByTestId('irn-writeback').filter({ hasText: 'cancelled in ERPNext' }));
      assert.deepEqual(erp.writes.filter((w) => w.name === 'ASW-26-00052').map((w) => w.kind).slice(-3), ['upload_file', 'cancel', 'mark_e_invoice_as_cancelled']);
      assert.equal(erp.invoices.get('ASW-26-00052')?.docstatus, 2);
      // The panel agrees after a reload.
      await page.reload();
      assert.equal(await textOf(page.getByTestId('irn-irn')), irn);
      await expect(page.getByTestId('irn-cancelled'));
    } finally {
      await b.close();
    }
  });
});
