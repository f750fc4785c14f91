/**
 * Viewing an invoice costs nothing at the IRP (issue 11, "Also wanted"): GSPs bill each
 * get-by-document call and NIC rate-limits it, so opening an unregistered invoice asks the ledger
 * only. Counted at the offline IRP the companion talks to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeErpnext, erpnextInvoicePath, erpnextLoginUrl } from '../fake-erp/erpnext';
import { expect } from './support/expect';
import { usePairedSite } from './support/rig';

const erp = createFakeErpnext({ variant: 'india-compliance' });
const rig = usePairedSite(erp.app);

test('opening an unregistered invoice 20 times makes 0 IRP calls; Generate IRN then makes the call', async () => {
  const page = await rig.b.context.newPage();
  try {
    await page.goto(erpnextLoginUrl(rig.site.origin, erpnextInvoicePath('ASW-26-00042')));
    await expect(page.getByTestId('irn-generate'));
    const before = await rig.companion.irpRequests();
    for (let i = 0; i < 20; i++) {
      await page.reload();
      // The Generate button appears only after the ledger lookup has answered "no IRN yet".
      await expect(page.getByTestId('irn-generate'));
    }
    assert.equal(await rig.companion.irpRequests() - before, 0, 'twenty views of an unregistered invoice reached the IRP');
    const registrations = await rig.companion.irpRegistrations();
    await page.getByTestId('irn-generate').click();
    await expect(page.getByTestId('irn-preview'));
    await page.getByTestId('irn-confirm').click();
    await expect(page.getByTestId('irn-irn'), 30_000);
    assert.equal(await rig.companion.irpRegistrations() - registrations, 1, 'Generate IRN registers it');
  } finally {
    await page.close();
  }
});
