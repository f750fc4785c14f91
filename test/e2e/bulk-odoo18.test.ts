/**
 * Bulk from Odoo 18.0's invoice list at `/odoo/customer-invoices`, on the fake Odoo's 18.0-style list
 * (test/fake-erp/odoo-pages.ts `odoo18ListPage`): the button sits in the control panel's actions and
 * counts the ticked rows; its click has Odoo confirm the path opens account.move, names the rows back
 * to records, and the bulk page previews them (the draft, without a number, is set aside with why).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeOdoo, ODOO_MOVES } from '../fake-erp/odoo';
import { expect } from './support/expect';
import { usePairedSite } from './support/rig';

const odoo = createFakeOdoo();
const rig = usePairedSite(odoo.app);

describe('Odoo 18 list (fake, /odoo/customer-invoices): Generate IRNs for the ticked invoices', () => {
  test('two posted invoices and a draft ticked: the bulk page previews the two by record id and says why the draft is not sent', async () => {
    const list = await rig.b.context.newPage();
    await list.setViewportSize({ width: 1366, height: 768 });
    await list.goto(`${rig.site.origin}/web/login?login=admin&password=admin&redirect=${encodeURIComponent('/odoo/customer-invoices')}`);
    const names = odoo.db['account.move'].filter((m) => [ODOO_MOVES.posted, ODOO_MOVES.creditNote, ODOO_MOVES.draft].includes(m.id as never)).map((m) => String(m.name));
    const rows = list.locator('tr.o_data_row');
    for (const name of names) await rows.filter({ has: list.locator(`td[name="name"]:text-is("${name}")`) }).locator('.o_list_record_selector input').check();
    const action = list.getByTestId('irn-bulk-action');
    await expect(action.filter({ hasText: 'Generate IRNs (3)' }));
    assert.equal(await action.evaluate((el) => el.parentElement?.className), 'o_control_panel_actions', "in the control panel's actions, beside Odoo's selection box");
    const [bulk] = await Promise.all([rig.b.context.waitForEvent('page'), action.click()]);
    await expect(bulk.getByTestId('bulk-summary').filter({ hasText: /will be registered with the IRP/ }), 60_000);
    const shown = await bulk.locator('[data-testid="bulk-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    assert.deepEqual(shown.filter((n) => n?.startsWith('account.move/')).sort(), [`account.move/${ODOO_MOVES.posted}`, `account.move/${ODOO_MOVES.creditNote}`].sort());
    assert.match(await bulk.locator('body').innerText(), /A draft has no number yet: confirm it in Odoo first\./);
    await bulk.close();
    await list.close();
  });
});
