/**
 * HTML of the fake Odoo 17.0 web client. Like the real one it boots from `odoo.csrf_token` and
 * `odoo.__session_info__`, and the form view is chosen by the hash of
 * `/web#id=17&model=account.move&view_type=form` (17.0 has no `/odoo/…` paths; 17.2+ and 18.0 do).
 * The form is rendered client-side (from data embedded in the page) and re-rendered on hashchange.
 */
import { escapeHtml as h, scriptJson } from './common';

export interface MoveCard {
  id: number;
  name: string;
  state: string;
  move_type: string;
  partner: string;
  invoice_date: string | false;
  amount_total: number;
}

export function webClientPage(csrfToken: string, sessionInfo: unknown, moves: MoveCard[]): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>Odoo</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f9fafb; color: #374151; }
  .o_main_navbar { background: #71639e; color: #fff; padding: 8px 16px; }
  .o_control_panel { padding: 12px 16px; } .breadcrumb { list-style: none; display: flex; gap: 8px; margin: 0; padding: 0; }
  .o_form_sheet { background: #fff; margin: 0 16px; padding: 16px 24px; border: 1px solid #e5e7eb; }
  .o_statusbar_status .o_arrow_button_current { font-weight: 700; }
  .o_field_widget { display: block; margin: 6px 0; }
</style>
</head>
<body class="o_web_client">
<header class="o_navbar"><nav class="o_main_navbar"><span class="o_menu_brand">Invoicing</span></nav></header>
<div class="o_action_manager"></div>
<script type="text/javascript">
  var odoo = { csrf_token: ${scriptJson(csrfToken)}, debug: "" };
</script>
<script type="text/javascript">
  odoo.__session_info__ = ${scriptJson(sessionInfo)};
</script>
<script type="text/javascript">
(function () {
  var moves = ${scriptJson(moves)};
  var STATES = { draft: 'Draft', posted: 'Posted', cancel: 'Cancelled' };
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function current() {
    var hash = new URLSearchParams(location.hash.replace(/^#/, ''));
    return hash.get('model') === 'account.move' && hash.get('id') ? Number(hash.get('id')) : null;
  }
  function render() {
    var root = document.querySelector('.o_action_manager');
    var id = current();
    var move = moves.filter(function (m) { return m.id === id; })[0];
    if (!move) {
      root.innerHTML = '<div class="o_action o_view_controller o_list_view"><div class="o_control_panel"><ol class="breadcrumb"><li class="breadcrumb-item active">Invoices</li></ol></div><table class="o_list_table">' +
        moves.map(function (m) { return '<tr class="o_data_row" data-id="' + m.id + '"><td><a href="/web#id=' + m.id + '&menu_id=101&action=244&model=account.move&view_type=form">' + esc(m.name === '/' ? 'Draft (* ' + m.id + ')' : m.name) + '</a></td><td>' + esc(m.partner) + '</td><td>' + esc(STATES[m.state]) + '</td></tr>'; }).join('') + '</table></div>';
      return;
    }
    var states = ['draft', 'posted'].map(function (s) {
      return '<button type="button" class="btn o_arrow_button' + (s === move.state ? ' o_arrow_button_current' : '') + '" data-value="' + s + '"' + (s === move.state ? ' aria-current="step"' : ' disabled') + '>' + STATES[s] + '</button>';
    }).join('');
    root.innerHTML =
      '<div class="o_action o_view_controller o_form_view" data-model="account.move" data-res-id="' + move.id + '">' +
      '<div class="o_control_panel"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/web#menu_id=101&action=244&model=account.move&view_type=list">Invoices</a></li>' +
      '<li class="breadcrumb-item active"><span>' + esc(move.name === '/' ? 'Draft Invoice' : move.name) + '</span></li></ol></div>' +
      '<div class="o_form_view_container"><div class="o_form_sheet_bg">' +
      '<div class="o_form_statusbar"><div class="o_statusbar_buttons"></div><div class="o_statusbar_status o_field_widget" name="state">' + states + '</div></div>' +
      '<div class="o_form_sheet">' +
      '<div class="oe_title"><span class="o_form_label">' + (move.move_type === 'out_refund' ? 'Credit Note' : 'Customer Invoice') + '</span>' +
      '<h1><div class="o_field_widget o_field_char" name="name"><span>' + esc(move.name === '/' ? 'Draft' : move.name) + '</span></div></h1></div>' +
      '<div class="o_field_widget o_field_res_partner_many2one" name="partner_id"><span>' + esc(move.partner) + '</span></div>' +
      '<div class="o_field_widget o_field_date" name="invoice_date"><span>' + esc(move.invoice_date || '') + '</span></div>' +
      '<div class="o_field_widget o_field_monetary" name="amount_total"><span>₹ ' + esc(move.amount_total.toFixed(2)) + '</span></div>' +
      '</div></div></div><div class="o-mail-Chatter"></div></div>';
  }
  window.addEventListener('hashchange', render);
  render();
})();
</script>
</body>
</html>`;
}

export function loginPage(csrfToken: string, redirect: string, error = ''): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Login | Odoo</title></head>
<body>
<form class="oe_login_form" role="form" action="/web/login" method="post">
  <input type="hidden" name="csrf_token" value="${h(csrfToken)}"/>
  <div class="mb-3 field-login"><label for="login">Email</label><input type="text" name="login" id="login" class="form-control" required autocomplete="username"/></div>
  <div class="mb-3 field-password"><label for="password">Password</label><input type="password" name="password" id="password" class="form-control" required autocomplete="current-password"/></div>
  ${error ? `<p class="alert alert-danger" role="alert">${h(error)}</p>` : ''}
  <input type="hidden" name="redirect" value="${h(redirect)}"/>
  <div class="oe_login_buttons"><button type="submit" class="btn btn-primary">Log in</button></div>
</form>
</body></html>`;
}

/**
 * An Odoo 18.0-style invoice list at `/odoo/<path>` (18.0 web client; the rest of this fake is 17.0):
 * the controller `.o_action_manager > .o_view_controller.o_list_view`, rows `tr.o_data_row` with the
 * record selector `td.o_list_record_selector` and `o_data_row_selected` once ticked (18.0
 * views/list/list_renderer.xml and list_renderer.js `getRowClass`), and while rows are ticked the
 * selection box `.o_selection_box` (views/view_components/selection_box.xml) in the control panel's
 * `.o_control_panel_actions`. Only what the bulk button reads is imitated.
 */
export function odoo18ListPage(csrfToken: string, sessionInfo: unknown, moves: MoveCard[]): string {
  const rows = moves.map((m, i) => `<tr class="o_data_row" data-id="datapoint_${i + 2}"><td class="o_list_record_selector"><div class="o-checkbox form-check"><input type="checkbox" class="form-check-input" aria-label="Select ${h(m.name)}"></div></td>` +
    `<td class="o_data_cell" name="name">${h(m.name)}</td><td class="o_data_cell" name="invoice_partner_display_name">${h(m.partner)}</td><td class="o_data_cell" name="state">${h(m.state)}</td></tr>`).join('');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Odoo - Invoices</title></head>
<body class="o_web_client">
<div class="o_action_manager"><div class="o_action o_view_controller o_list_view">
  <div class="o_control_panel"><div class="o_control_panel_main"><div class="o_control_panel_breadcrumbs"><span class="o_last_breadcrumb_item">Invoices</span></div>
    <div class="o_control_panel_actions"></div>
    <div class="o_control_panel_navigation"><div class="o_cp_pager"><span class="o_pager_value">1-${moves.length}</span> / <span class="o_pager_limit">${moves.length}</span></div></div></div></div>
  <div class="o_content"><table class="o_list_table table"><tbody>${rows}</tbody></table></div>
</div></div>
<script type="text/javascript">
  var odoo = { csrf_token: ${scriptJson(csrfToken)}, debug: "" };
  odoo.__session_info__ = ${scriptJson(sessionInfo)};
  document.addEventListener('change', function (e) {
    var tr = e.target.closest('tr.o_data_row');
    if (tr) tr.classList.toggle('o_data_row_selected', e.target.checked);
    var n = document.querySelectorAll('tr.o_data_row_selected').length;
    var bar = document.querySelector('.o_control_panel_actions');
    var box = bar.querySelector('.o_selection_box');
    if (!n) { if (box) box.remove(); return; }
    if (!box) { box = document.createElement('div'); box.className = 'o_selection_box list-group flex-row w-auto'; bar.prepend(box); }
    box.innerHTML = '<span class="list-group-item active"><b>' + n + '</b> selected</span>';
  });
</script>
</body></html>`;
}
