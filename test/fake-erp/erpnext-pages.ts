/**
 * HTML of the fake Frappe desk. Shaped like the real one where adapters look: the `frappe` global
 * with `boot`, `csrf_token` and `session`, `cur_frm` and `locals` for the open document, the route
 * `/app/sales-invoice/<name>`, and a `#body` holding a form whose fields carry `data-fieldname`.
 */
import type { ErpnextSalesInvoice } from '@irn-bridge/shared/erps/erpnext/records';
import { escapeHtml as h, scriptJson } from './common';
import type { ErpnextVariant } from './erpnext-data';

export interface DeskContext {
  user: string;
  fullName: string;
  csrfToken: string;
  variant: ErpnextVariant;
}

const money = (v: unknown) => `₹ ${Number(v ?? 0).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const routeName = (name: string) => `/app/sales-invoice/${encodeURIComponent(name)}`;

function boot(ctx: DeskContext) {
  const versions: Record<string, string> = { frappe: '15.47.0', erpnext: '15.41.0' };
  if (ctx.variant === 'india-compliance') versions.india_compliance = '15.12.1';
  return {
    sitename: 'erp.arunaspice.example',
    user: { name: ctx.user, full_name: ctx.fullName, roles: ['Accounts User', 'Accounts Manager'] },
    sysdefaults: { country: 'India', currency: 'INR', date_format: 'dd-mm-yyyy' },
    versions,
    desk_settings: {},
  };
}

function shell(title: string, ctx: DeskContext, body: string, extraScript = ''): string {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${h(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f272e; background: #f4f5f6; }
  .navbar { background: #fff; border-bottom: 1px solid #e2e6e9; padding: 10px 24px; display: flex; gap: 16px; align-items: center; }
  .page-head { padding: 16px 24px; display: flex; gap: 12px; align-items: center; }
  .title-text { font-size: 20px; margin: 0; }
  .indicator-pill { border-radius: 10px; padding: 2px 10px; font-size: 12px; background: #e2e6e9; }
  .indicator-pill.green { background: #d6f5e0; } .indicator-pill.red { background: #ffe0e0; } .indicator-pill.orange { background: #ffeacc; }
  .page-actions { margin-left: auto; display: flex; gap: 8px; }
  .layout-main-section { background: #fff; margin: 0 24px 24px; padding: 16px 24px; border-radius: 8px; }
  .frappe-control { display: inline-block; width: 30%; margin: 0 2% 12px 0; vertical-align: top; }
  .frappe-control label { display: block; font-size: 12px; color: #687178; }
  .control-value { padding: 6px 0; font-weight: 500; }
  table.grid { border-collapse: collapse; width: 100%; font-size: 13px; } table.grid td, table.grid th { border: 1px solid #e2e6e9; padding: 4px 8px; text-align: left; }
</style>
</head>
<body data-route="${h(title)}">
<div class="main-section">
  <header class="navbar navbar-expand sticky-top"><a class="navbar-brand" href="/app">ERPNext</a><span class="navbar-user">${h(ctx.fullName)}</span></header>
  <div id="body">${body}</div>
</div>
<script>
  window.frappe = window.frappe || {};
  frappe.boot = ${scriptJson(boot(ctx))};
  frappe.csrf_token = ${scriptJson(ctx.csrfToken)};
  frappe.session = { user: frappe.boot.user.name, user_fullname: frappe.boot.user.full_name };
  window.locals = window.locals || {};
  ${extraScript}
</script>
</body>
</html>`;
}

function indicator(inv: ErpnextSalesInvoice): [string, string] {
  if (inv.docstatus === 0) return ['Draft', 'red'];
  if (inv.docstatus === 2) return ['Cancelled', 'red'];
  if (inv.is_return) return ['Return', 'orange'];
  return ['Unpaid', 'orange'];
}

const control = (fieldname: string, label: string, value: unknown, fieldtype = 'Data') =>
  `<div class="frappe-control" data-fieldname="${h(fieldname)}" data-fieldtype="${h(fieldtype)}"><label>${h(label)}</label><div class="control-value like-disabled-input">${h(value)}</div></div>`;

export function salesInvoicePage(inv: ErpnextSalesInvoice, ctx: DeskContext): string {
  const [status, colour] = indicator(inv);
  const irnControls =
    'irn' in inv
      ? control('irn', 'IRN', inv.irn ?? '') +
        ('einvoice_status' in inv ? control('einvoice_status', 'e-Invoice Status', inv.einvoice_status ?? '', 'Select') : '') +
        ('ack_no' in inv ? control('ack_no', 'Ack No', inv.ack_no ?? '') + control('ack_date', 'Ack Date', inv.ack_date ?? '', 'Datetime') : '')
      : '';
  const rows = inv.items
    .map((i) => `<tr data-idx="${i.idx}"><td>${i.idx}</td><td>${h(i.item_code)}</td><td>${h(i.gst_hsn_code)}</td><td>${h(i.qty)}</td><td>${h(i.uom)}</td><td>${h(i.rate)}</td><td>${h(i.amount)}</td></tr>`)
    .join('');
  const body = `
<div class="content page-container" id="page-Form/Sales Invoice" data-page-route="Form/Sales Invoice">
  <div class="page-head"><div class="page-title"><h3 class="title-text" title="${h(inv.name)}">${h(inv.name)}</h3>
    <span class="indicator-pill ${colour}" data-docstatus="${inv.docstatus}">${status}</span></div>
    <div class="page-actions standard-actions"></div></div>
  <div class="layout-main-section"><div class="form-layout" data-doctype="Sales Invoice" data-name="${h(inv.name)}">
    ${control('customer', 'Customer', inv.customer_name ?? inv.customer, 'Link')}
    ${control('posting_date', 'Date', inv.posting_date, 'Date')}
    ${control('place_of_supply', 'Place of Supply', inv.place_of_supply)}
    ${control('billing_address_gstin', 'Billing Address GSTIN', inv.billing_address_gstin)}
    ${inv.is_return ? control('return_against', 'Return Against', inv.return_against, 'Link') : ''}
    ${control('grand_total', 'Grand Total', money(inv.grand_total), 'Currency')}
    ${control('rounded_total', 'Rounded Total', money(inv.rounded_total), 'Currency')}
    ${irnControls}
    <div class="frappe-control" data-fieldname="items" data-fieldtype="Table"><label>Items</label>
      <table class="grid"><thead><tr><th>No.</th><th>Item</th><th>HSN/SAC</th><th>Qty</th><th>UOM</th><th>Rate</th><th>Amount</th></tr></thead><tbody>${rows}</tbody></table></div>
  </div></div>
</div>`;
  const script = `locals['Sales Invoice'] = {}; locals['Sales Invoice'][${scriptJson(inv.name)}] = ${scriptJson(inv)};
  window.cur_frm = { doctype: 'Sales Invoice', docname: ${scriptJson(inv.name)}, doc: locals['Sales Invoice'][${scriptJson(inv.name)}] };
  // Frappe 15 form.js: is_dirty() is doc.__unsaved; reload_doc() loads the doc again and redraws the form.
  cur_frm.is_dirty = () => !!cur_frm.doc.__unsaved;
  cur_frm.reload_doc = async () => {
    const res = await fetch('/api/resource/Sales%20Invoice/' + encodeURIComponent(cur_frm.docname), { credentials: 'include' });
    cur_frm.doc = locals['Sales Invoice'][cur_frm.docname] = (await res.json()).data;
    for (const el of document.querySelectorAll('.form-layout > .frappe-control[data-fieldname]')) {
      const v = cur_frm.doc[el.dataset.fieldname];
      const shown = el.querySelector('.control-value');
      if (shown && typeof v === 'string') shown.textContent = v; // text fields; amounts keep their format
    }
  };`;
  return shell(`${inv.name}`, ctx, body, script);
}

export function salesInvoiceListPage(invoices: ErpnextSalesInvoice[], ctx: DeskContext): string {
  const rows = invoices
    // Frappe 15 list_view.js: each row's checkbox carries the document's name (get_checkbox_element).
    .map((inv) => `<tr data-name="${h(inv.name)}"><td><input type="checkbox" class="list-row-checkbox" data-doctype="Sales Invoice" data-name="${h(inv.name)}"> <a href="${routeName(inv.name)}">${h(inv.name)}</a></td><td>${h(inv.customer_name)}</td><td>${h(inv.posting_date)}</td><td>${indicator(inv)[0]}</td><td data-fieldname="einvoice_status">${h(inv.einvoice_status ?? '')}</td><td>${money(inv.grand_total)}</td></tr>`)
    .join('');
  const body = `<div class="content page-container" id="page-List/Sales Invoice/List" data-page-route="List/Sales Invoice/List">
  <div class="page-head"><h3 class="title-text">Sales Invoice</h3><div class="page-actions"><div class="custom-actions"></div><div class="standard-actions"></div></div></div>
  <div class="layout-main-section"><table class="grid result"><thead><tr><th>ID</th><th>Customer</th><th>Date</th><th>Status</th><th>e-Invoice Status</th><th>Grand Total</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
  // Frappe 15: the list on screen is cur_list (base_list.js), refresh() fetches its rows again; get_route() is router.js's.
  const script = `frappe.get_route = () => ['List', 'Sales Invoice', 'List'];
  window.cur_list = { doctype: 'Sales Invoice', refresh: async () => {
    const res = await fetch('/api/resource/Sales%20Invoice?fields=' + encodeURIComponent('["name","einvoice_status"]'), { credentials: 'include' });
    for (const d of (await res.json()).data) {
      const cell = document.querySelector('tr[data-name="' + CSS.escape(d.name) + '"] [data-fieldname="einvoice_status"]');
      if (cell) cell.textContent = d.einvoice_status || '';
    }
  } };`;
  return shell('Sales Invoice', ctx, body, script);
}

export function notFoundPage(what: string, ctx: DeskContext): string {
  return shell('Not Found', ctx, `<div class="page-container" data-page-route="not-found"><div class="page-head"><h3 class="title-text">Not Found</h3></div><div class="layout-main-section">${h(what)} not found</div></div>`);
}

export function loginPage(message = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Login</title></head>
<body data-path="login">
<div class="page-card"><h4>Login to ERPNext</h4>
<form class="form-signin form-login" role="form" method="post" action="/login">
  <input type="text" id="login_email" name="usr" class="form-control" placeholder="jane@example.com" autocomplete="username" required>
  <input type="password" id="login_password" name="pwd" class="form-control" placeholder="•••••" autocomplete="current-password" required>
  <button class="btn btn-sm btn-primary btn-block btn-login" type="submit">Login</button>
</form>
<p class="login-message">${h(message)}</p></div>
</body></html>`;
}
