/**
 * A record whose URL looks like an invoice but is something else (an Odoo vendor bill) gets no
 * panel at all, no error: the module's read says NOT_AN_INVOICE. Since issue 12 the read runs in
 * the content script and the panel is injected apart (extension/lib/panel-loader.ts), so the
 * panel must recognise the content script's ErpError by its name, not by its class.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeOdoo, ODOO_MOVES, odooInvoicePath } from '../fake-erp/odoo';
import { expect } from './support/expect';
import { usePairedSite } from './support/rig';

const odoo = createFakeOdoo();
const rig = usePairedSite(odoo.app);
const VENDOR_BILL = 99;

test('an Odoo vendor bill shows no panel and no error; the invoice after it in the same tab does', async () => {
  const posted = odoo.db['account.move'].find((m) => m.id === ODOO_MOVES.posted)!;
  odoo.db['account.move'].push({ ...structuredClone(posted), id: VENDOR_BILL, name: 'BILL/2026/11/0001', move_type: 'in_invoice' });
  const page = await rig.b.context.newPage();
  try {
    await page.goto(`${rig.site.origin}/web/login?login=admin&password=admin&redirect=${encodeURIComponent(odooInvoicePath(VENDOR_BILL))}`);
    // The read answers NOT_AN_INVOICE within a few hundred ms; an error view (the defect) would appear by then.
    const shown = await page.getByTestId('irn-error').or(page.getByTestId('irn-generate')).waitFor({ timeout: 3_000 }).then(() => true, () => false);
    assert.equal(shown, false, 'nothing is shown for a vendor bill');
    assert.equal(await page.getByTestId('irn-panel').count(), 0, 'the panel is taken away');
    await page.goto(`${rig.site.origin}${odooInvoicePath(ODOO_MOVES.posted)}`);
    await expect(page.getByTestId('irn-generate'));
  } finally {
    await page.close();
  }
});
