/**
 * Odoo end to end against the fake Odoo 17.0 without l10n_in_edi (test/fake-erp/odoo.ts): the
 * write-back path such a server gets (IRP response and QR attached to a chatter note). The genuine
 * Odoo 17.0 with l10n_in_edi is driven the same way in test/real/odoo/e2e.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeOdoo, ODOO_MOVES, odooInvoicePath, odooLegacyInvoicePath, type FakeOdoo } from '../fake-erp/odoo';
import { saveScreenshot } from './support/artifacts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/browser';
import { startTestCompanion, type TestCompanion } from './support/companion';
import { serveSite, type ServedSite } from './support/erp-sites';
import { expect, textOf } from './support/expect';
import { readyBrowser } from './support/flows';
import type { Page } from 'playwright-core';

let companion: TestCompanion;
let odoo: FakeOdoo;
let site: ServedSite;

before(async () => {
  companion = await startTestCompanion();
  odoo = createFakeOdoo();
  site = await serveSite(odoo.app);
});
after(async () => {
  await site?.close();
  await companion?.close();
});

async function openMove(path: string): Promise<{ b: ExtensionBrowser; page: Page }> {
  const b = await launchExtensionBrowser();
  try {
    await readyBrowser(b, companion, site.origin);
    const page = await b.context.newPage();
    await page.goto(`${site.origin}/web/login?login=admin&password=admin&redirect=${encodeURIComponent(path)}`);
    return { b, page };
  } catch (err) {
    await b.close();
    throw err;
  }
}

describe('Odoo: Generate IRN in the page', () => {
  test('posted invoice (opened from the menu: /web#id=…&menu_id=…&action=…) → IRN, Ack and QR; the response and QR attached to a chatter note', async () => {
    const before = await companion.irpRegistrations();
    const { b, page } = await openMove(odooInvoicePath(ODOO_MOVES.posted));
    try {
      await page.getByTestId('irn-generate').click();
      assert.match(await textOf(page.getByTestId('irn-buyer')), /36AAKCP1187N1ZT/);
      await page.getByTestId('irn-confirm').click();
      const irn = await textOf(page.getByTestId('irn-irn'));
      assert.match(irn, /^[0-9a-f]{64}$/);
      await expect(page.getByTestId('irn-qr').locator('svg'));
      const wb = await expect(page.getByTestId('irn-writeback'));
      assert.equal(await wb.getAttribute('data-ok'), 'true');
      assert.equal(await wb.getAttribute('data-method'), 'attachments');
      const note = odoo.writes.find((w) => w.kind === 'message_post' && w.name === String(ODOO_MOVES.posted));
      assert.ok(note, 'message_post recorded');
      assert.ok(JSON.stringify(note.values).includes(irn), 'the note carries the IRN');
      const files = odoo.db['ir.attachment'].filter((a) => a.res_id === ODOO_MOVES.posted);
      assert.deepEqual(files.map((a) => a.mimetype), ['application/json', 'image/png']);
      assert.deepEqual(note.values.attachment_ids, files.map((a) => a.id));
      assert.equal(await companion.irpRegistrations(), before + 1);
      saveScreenshot('odoo-panel-after', await page.getByTestId('irn-panel').screenshot());
    } finally {
      await b.close();
    }
  });

  test('credit note on the bare /web#id=…&model=account.move URL is registered as CRN', async () => {
    const { b, page } = await openMove(odooLegacyInvoicePath(ODOO_MOVES.creditNote));
    try {
      await page.getByTestId('irn-generate').click();
      await expect(page.locator('[data-testid="irn-summary"] dt', { hasText: 'Credit note' }));
      await page.getByTestId('irn-confirm').click();
      assert.match(await textOf(page.getByTestId('irn-irn')), /^[0-9a-f]{64}$/);
    } finally {
      await b.close();
    }
  });

  test('a draft move offers no Generate button', async () => {
    const { b, page } = await openMove(odooInvoicePath(ODOO_MOVES.draft));
    try {
      await expect(page.getByTestId('irn-not-final'));
      assert.equal(await page.getByTestId('irn-generate').count(), 0);
    } finally {
      await b.close();
    }
  });
});
