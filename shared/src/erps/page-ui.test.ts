/** Where each ERP keeps its form actions, on markup shaped as the real ERPs render it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { pageUiFor } from './page-ui';

test('ERPNext: the visible Sales Invoice form\'s .page-actions, before .standard-actions (frappe 15 ui/page.html), not the hidden .custom-actions', () => {
  // Frappe keeps earlier pages in the DOM, hidden; only the shown one gets the button.
  const { document } = parseHTML(`<body>
    <div class="content page-container" data-page-route="Form/Sales Invoice" style="display: none;"><div class="page-head"><div class="page-actions" id="old"><div class="standard-actions"></div></div></div></div>
    <div class="content page-container" data-page-route="Sales Invoice"><div class="page-head flex"><div class="container"><div class="row">
      <div class="flex col page-actions justify-content-end" id="shown"><div class="custom-actions hide hidden-xs hidden-md"></div><div class="standard-actions flex"></div></div>
    </div></div></div></div></body>`);
  const slot = pageUiFor('erpnext').actionSlot(document as unknown as Document);
  assert.equal(slot?.parent.getAttribute('id'), 'shown');
  assert.equal(slot?.before?.classList.contains('standard-actions'), true);
  assert.equal(slot?.className, 'btn btn-default btn-sm');
});

test('Odoo: the form\'s .o_statusbar_buttons (web 17.0 status_bar_buttons.xml); none on a list view', () => {
  const form = parseHTML('<body><div class="o_action_manager"><div class="o_action o_form_view"><div class="o_form_statusbar"><div class="o_statusbar_buttons d-flex"></div></div></div></div></body>').document;
  assert.equal(pageUiFor('odoo').actionSlot(form as unknown as Document)?.parent.classList.contains('o_statusbar_buttons'), true);
  const list = parseHTML('<body><div class="o_action_manager"><div class="o_action o_list_view"></div></div></body>').document;
  assert.equal(pageUiFor('odoo').actionSlot(list as unknown as Document), null);
});

test('each ERP says "not final" in its own words, and a recipe has no toolbar', () => {
  assert.match(pageUiFor('erpnext').notFinal, /^Submit the invoice first/);
  assert.match(pageUiFor('odoo').notFinal, /^Confirm the invoice first/);
  assert.equal(pageUiFor('recipe').actionSlot({} as Document), null);
});

test('where the fix is: ERPNext computes totals (no "set the total"), Odoo resets to draft', () => {
  assert.match(pageUiFor('erpnext').fixFor('ValDtls.TotInvVal', '2189') ?? '', /ERPNext computes the totals/);
  assert.match(pageUiFor('odoo').fixFor('ValDtls.TotInvVal', '2189') ?? '', /Reset the invoice to draft/);
  assert.match(pageUiFor('erpnext').fixFor('BuyerDtls.Pos', '3039') ?? '', /Place of Supply/);
});
