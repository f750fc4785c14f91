/**
 * The ERP modules' list views (bulk registration), on the markup the real web clients make
 * (Frappe 15 list_view.js, Odoo 17 list_renderer.xml / control_panel.xml), read without a browser.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { erpnext } from './erpnext/index';
import { odoo } from './odoo/index';
import type { ErpIo } from './module';

const noIo = { origin: 'http://erp.test', fetch: () => { throw new Error('no I/O expected'); }, pageGlobals: async () => ({}) } as unknown as ErpIo;

describe('ERPNext: the Sales Invoice list', () => {
  const list = erpnext.list!;
  test('v15 /app and v16 /desk list routes, not a form or another doctype', () => {
    for (const p of ['/app/sales-invoice', '/app/sales-invoice/', '/app/sales-invoice/view/list', '/desk/sales-invoice']) assert.equal(list.detect(new URL(`http://e.test${p}?customer=X`)), true, p);
    for (const p of ['/app/sales-invoice/SINV-1', '/app/sales-invoice/view/report', '/app/purchase-invoice', '/app']) assert.equal(list.detect(new URL(`http://e.test${p}`)), false, p);
  });

  test('the ticked rows of the list page on screen, by their data-name; hidden pages do not count', async () => {
    const row = (name: string, checked: boolean) => `<div class="list-row"><input type="checkbox" class="list-row-checkbox" data-doctype="Sales Invoice" data-name="${name}"${checked ? ' checked' : ''}></div>`;
    const { document } = parseHTML(`<html><body>
      <div class="page-container" data-page-route="List/Sales Invoice/List" style="display: none"><div class="result">${row('OLD-1', true)}</div></div>
      <div class="page-container" data-page-route="List/Sales Invoice/List"><div class="page-head"><div class="page-actions"><div class="custom-actions"></div><div class="standard-actions"></div></div></div>
        <div class="result">${row('IRB-26-00001', true)}${row('IRB-26-00002', false)}${row('IRB-26-00003', true)}</div></div>
      <div class="page-container" data-page-route="Sales Invoice" style="display: none"><div class="result">${row('FORM-1', true)}</div></div>
    </body></html>`);
    assert.equal(list.countSelected(document), 2);
    const sel = await list.selected(noIo, document);
    assert.deepEqual(sel.refs, [{ erp: 'erpnext', name: 'IRB-26-00001' }, { erp: 'erpnext', name: 'IRB-26-00003' }]);
    const slot = list.actionSlot(document)!;
    assert.equal(slot.parent.className, 'page-actions');
    assert.equal(slot.before?.className, 'standard-actions', 'beside the standard actions, not in custom-actions (hidden at 1024 px)');
    assert.equal(list.formUrl(new URL('http://e.test/app/sales-invoice?customer=X'), { erp: 'erpnext', name: 'IRB-26-00001' }), 'http://e.test/app/sales-invoice/IRB-26-00001');
    assert.equal(list.formUrl(new URL('http://e.test/desk/sales-invoice'), { erp: 'erpnext', name: 'A B' }), 'http://e.test/desk/sales-invoice/A%20B');
  });
});

describe('Odoo 17: the invoice list', () => {
  const list = odoo.list!;
  test('the list view of account.move, not its form or another model', () => {
    assert.equal(list.detect(new URL('http://o.test/web#action=233&model=account.move&view_type=list&cids=1&menu_id=115')), true);
    assert.equal(list.detect(new URL('http://o.test/web#id=5&model=account.move&view_type=form')), false);
    assert.equal(list.detect(new URL('http://o.test/web#model=res.partner&view_type=list')), false);
  });

  test("ticked rows are named back to record ids by their Number with one search_read; a draft's is skipped with the reason", async () => {
    const row = (name: string, selected: boolean) => `<tr class="o_data_row${selected ? ' o_data_row_selected' : ''}" data-id="datapoint_${name.length}"><td class="o_list_record_selector"></td><td class="o_data_cell" name="name">${name}</td><td class="o_data_cell" name="partner_id">Buyer</td></tr>`;
    const { document } = parseHTML(`<html><body><div class="o_action_manager"><div class="o_view_controller o_list_view">
      <div class="o_control_panel"><div class="o_control_panel_actions"></div></div>
      <table><tbody>${row('INV/2026/00007', true)}${row('INV/2026/00008', false)}${row('/', true)}${row('INV/2026/00009', true)}${row('INV/2026/99999', true)}</tbody></table>
    </div></div></body></html>`);
    assert.equal(list.countSelected(document), 4);
    const calls: unknown[] = [];
    const io = {
      origin: 'http://o.test',
      fetch: async (_url: string, init: RequestInit) => {
        const params = JSON.parse(String(init.body)).params;
        calls.push(params);
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: [{ id: 9, name: 'INV/2026/00009' }, { id: 7, name: 'INV/2026/00007' }] }), { status: 200 });
      },
      pageGlobals: async () => ({}),
    } as unknown as ErpIo;
    const sel = await list.selected(io, document);
    assert.deepEqual(sel.refs, [{ erp: 'odoo', name: 'account.move/7', id: 7 }, { erp: 'odoo', name: 'account.move/9', id: 9 }]);
    assert.deepEqual(sel.skipped.map((s) => s.label), ['/', 'INV/2026/99999']);
    assert.match(sel.skipped[0].reason, /draft/);
    assert.equal(calls.length, 1);
    assert.deepEqual((calls[0] as { args: unknown[] }).args, [[['name', 'in', ['INV/2026/00007', 'INV/2026/00009', 'INV/2026/99999']]]]);
    assert.equal(list.actionSlot(document)?.parent.className, 'o_control_panel_actions');
    assert.equal(list.formUrl(new URL('http://o.test/web#action=233&model=account.move&view_type=list'), sel.refs[0]), 'http://o.test/web#id=7&model=account.move&view_type=form&action=233');
  });

  test('after "Select all 250" only the rows shown can be named: the rest are listed as skipped, with what to do', async () => {
    const page = (selectLink: boolean) => parseHTML(`<html><body><div class="o_action_manager"><div class="o_view_controller o_list_view">
      <div class="o_control_panel"><div class="o_control_panel_actions"><div class="o_list_selection_box"><span>${selectLink ? '<b>2</b> selected <a class="o_list_select_domain">Select all 250</a>' : 'All <b>250</b> selected'}</span></div></div>
      <div class="o_cp_pager"><span class="o_pager_value">1-2</span> / <span class="o_pager_limit">250</span></div></div>
      <table><tbody><tr class="o_data_row o_data_row_selected"><td class="o_data_cell" name="name">INV/1</td></tr><tr class="o_data_row o_data_row_selected"><td class="o_data_cell" name="name">INV/2</td></tr></tbody></table>
    </div></div></body></html>`).document;
    const io = {
      origin: 'http://o.test', pageGlobals: async () => ({}),
      fetch: async () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: [{ id: 1, name: 'INV/1' }, { id: 2, name: 'INV/2' }] })),
    } as unknown as ErpIo;
    const all = await list.selected(io, page(false));
    assert.equal(all.refs.length, 2);
    assert.deepEqual(all.skipped.map((s) => s.label), ['248 more']);
    assert.match(all.skipped[0].reason, /not on this page/);
    assert.deepEqual((await list.selected(io, page(true))).skipped, [], 'the page ticked, the search not selected: nothing more');
  });
});

describe('Odoo 18: the invoice list at /odoo/…', () => {
  const list = odoo.list!;
  test('an action or its path with no record id is a list; a record, a new record or a kanban is not', () => {
    for (const p of ['/odoo/customer-invoices', '/odoo/accounting/customer-invoices', '/odoo/action-account.action_move_out_invoice_type', '/odoo/action-233/', '/odoo/customer-invoices?view_type=list']) {
      assert.equal(list.detect(new URL(`http://o.test${p}`)), true, p);
    }
    for (const p of ['/odoo/customer-invoices/7', '/odoo/accounting/customer-invoices/new', '/odoo/customer-invoices?view_type=kanban', '/odoo', '/odoo/', '/web/login']) {
      assert.equal(list.detect(new URL(`http://o.test${p}`)), false, p);
    }
    assert.equal(list.formUrl(new URL('http://o.test/odoo/accounting/customer-invoices'), { erp: 'odoo', name: 'account.move/7', id: 7 }), 'http://o.test/odoo/accounting/customer-invoices/7');
  });

  // 18.0 markup: list_renderer.js getRowClass `o_data_row_selected`, list_renderer.xml `o_list_record_selector`,
  // views/view_components/selection_box.xml `.o_selection_box` / `.o_select_domain`.
  const page18 = (href: string, domainSelected: boolean) => {
    const { document } = parseHTML(`<html><body><div class="o_action_manager"><div class="o_action o_view_controller o_list_view">
      <div class="o_control_panel"><div class="o_control_panel_actions"><div class="o_selection_box list-group"><span class="list-group-item active">${domainSelected ? 'All <b>40</b> selected' : '<b>2</b> selected <button class="o_select_domain btn">Select all 40</button>'}</span></div></div>
      <div class="o_cp_pager"><span class="o_pager_value">1-2</span> / <span class="o_pager_limit">40</span></div></div>
      <table class="o_list_table"><tbody>
        <tr class="o_data_row o_data_row_selected" data-id="datapoint_3"><td class="o_list_record_selector"><input type="checkbox" checked></td><td class="o_data_cell" name="name">INV/2026/00001</td></tr>
        <tr class="o_data_row o_data_row_selected" data-id="datapoint_4"><td class="o_list_record_selector"><input type="checkbox" checked></td><td class="o_data_cell" name="name">INV/2026/00002</td></tr>
      </tbody></table></div></div></body></html>`);
    Object.defineProperty(document, 'location', { value: new URL(href) });
    return document;
  };

  test('the path is confirmed to open account.move (/web/action/load) before the ticked rows are named', async () => {
    const calls: string[] = [];
    const io = (resModel: string) => ({
      origin: 'http://o.test', pageGlobals: async () => ({}),
      fetch: async (url: string, init: RequestInit) => {
        calls.push(`${new URL(url).pathname} ${JSON.stringify(JSON.parse(String(init.body)).params.action_id ?? null)}`);
        const result = url.endsWith('/web/action/load') ? { res_model: resModel } : [{ id: 1, name: 'INV/2026/00001' }, { id: 2, name: 'INV/2026/00002' }];
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }));
      },
    }) as unknown as ErpIo;
    const sel = await list.selected(io('account.move'), page18('http://o.test/odoo/accounting/customer-invoices', false));
    assert.deepEqual(sel.refs.map((r) => r.id), [1, 2]);
    assert.deepEqual(sel.skipped, []);
    assert.equal(calls[0], '/web/action/load "customer-invoices"');
    assert.equal(list.countSelected(page18('http://o.test/odoo/customer-invoices', false)), 2);
    const all = await list.selected(io('account.move'), page18('http://o.test/odoo/customer-invoices', true));
    assert.deepEqual(all.skipped.map((s) => s.label), ['38 more'], '18.0 "All 40 selected": the rest are named as not sent');
    calls.length = 0;
    await assert.rejects(list.selected(io('res.partner'), page18('http://o.test/odoo/contacts', false)), /This page shows a res\.partner, not an invoice/);
    assert.equal(calls.length, 1, 'nothing named on a list of something else');
    assert.equal(list.actionSlot(page18('http://o.test/odoo/customer-invoices', false))?.parent.className, 'o_control_panel_actions');
  });
});
