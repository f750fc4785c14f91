/**
 * Odoo's customer-invoice list for bulk registration: 17.0 `/web#…&model=account.move&view_type=list`;
 * 17.2+/18.0 `/odoo/<path>` whose last segment is the action or its path (`customer-invoices`,
 * `action-account.action_move_out_invoice_type`, `accounting/customer-invoices`), no record id,
 * `view_type` absent or `list`. As for the form (detect.ts), only the server knows what an 18.0 path
 * opens: `selected` confirms it is account.move (`confirmMoveModel`) before naming anything.
 * A row carries no record id in the DOM (`data-id` is the client's datapoint id), so
 * the ticked rows' Number cells (`td[name="name"]`) are named back to ids with one `search_read`.
 * A draft has no number yet ("/" or empty) and is skipped with the reason.
 */
import type { ErpIo, ErpListSelection, ErpListView } from '../module';
import { callKw } from './rpc';
import { confirmMoveModel } from './detect';
import { odooListSlot, shownListView } from './list-ui';

const MODEL = 'account.move';
/** 17.2+/18.0: `/odoo/…/<action or path>` with no record id (`/odoo/customer-invoices/7` is a form, `new` a new one). */
const ODOO_LIST_PATH = /^\/odoo(?:\/[^/]+)*\/([^/]+)\/?$/;

function odoo18Action(url: URL): string | null {
  const m = ODOO_LIST_PATH.exec(url.pathname);
  if (!m || /^\d+$/.test(m[1]) || m[1] === 'new') return null;
  const viewType = url.searchParams.get('view_type');
  return !viewType || viewType === 'list' ? decodeURIComponent(m[1]) : null;
}

/**
 * After Odoo's "Select all N" the whole search is selected, not only this page (list_controller.xml
 * `isDomainSelected`: its "Select all" link is gone while every row shown is ticked and the pager's
 * total is larger). The DOM names only the rows shown: how many more Odoo selected, or 0.
 */
function selectedOffPage(page: Document): number {
  const view = shownListView(page);
  // 17.0 list_controller.xml `.o_list_selection_box`/`.o_list_select_domain`; 18.0 moved them to
  // views/view_components/selection_box.xml as `.o_selection_box`/`.o_select_domain`.
  const box = view?.querySelector('.o_list_selection_box, .o_selection_box');
  if (!view || !box || box.querySelector('.o_list_select_domain, .o_select_domain')) return 0;
  const rows = view.querySelectorAll('tr.o_data_row').length;
  const ticked = view.querySelectorAll('tr.o_data_row.o_data_row_selected').length;
  const total = parseInt(view.querySelector('.o_cp_pager .o_pager_limit')?.textContent ?? '', 10);
  return ticked === rows && total > rows ? total - rows : 0;
}

function tickedNames(page: Document): string[] {
  const rows = shownListView(page)?.querySelectorAll('tr.o_data_row.o_data_row_selected') ?? [];
  return Array.from(rows, (r) => (r.querySelector('td.o_data_cell[name="name"]')?.textContent ?? '').trim());
}

export const odooList: ErpListView = {
  detect(url) {
    if (url.pathname.startsWith('/odoo/')) return odoo18Action(url) !== null;
    if (url.pathname !== '/web' && url.pathname !== '/web/') return false;
    const params = new URLSearchParams(url.hash.replace(/^#/, ''));
    return params.get('model') === MODEL && params.get('view_type') === 'list';
  },
  countSelected: (page) => tickedNames(page).length,
  async selected(io: ErpIo, page: Document): Promise<ErpListSelection> {
    const href = page.location?.href;
    const action = href ? odoo18Action(new URL(href)) : null;
    if (action) await confirmMoveModel(io, { erp: 'odoo', name: `${action}/0`, id: 0 });
    const shown = tickedNames(page);
    const skipped: ErpListSelection['skipped'] = [];
    const offPage = selectedOffPage(page);
    if (offPage) {
      skipped.push({ label: `${offPage} more`, reason: 'Odoo\'s "Select all" also took invoices that are not on this page; only the ones shown are sent. Show more rows per page (the pager) or tick them page by page.' });
    }
    const names: string[] = [];
    for (const n of shown) {
      if (!n || n === '/') skipped.push({ label: n || '(no number)', reason: 'A draft has no number yet: confirm it in Odoo first.' });
      else if (!names.includes(n)) names.push(n);
    }
    const found = names.length
      ? await callKw<{ id: number; name: string }[]>(io, MODEL, 'search_read', [[['name', 'in', names]]], { fields: ['id', 'name'] })
      : [];
    const refs: ErpListSelection['refs'] = [];
    for (const name of names) {
      const hits = found.filter((r) => r.name === name);
      if (!hits.length) skipped.push({ label: name, reason: 'Odoo has no journal entry with this number (deleted, or in another company).' });
      for (const r of hits) refs.push({ erp: 'odoo', name: `${MODEL}/${r.id}`, id: r.id });
    }
    return { refs, skipped };
  },
  formUrl(list, ref) {
    // The list's action stays in the address, so Odoo's breadcrumb leads back to the list (18.0: `/odoo/<list path>/<id>`).
    if (odoo18Action(list)) return `${list.origin}${list.pathname.replace(/\/$/, '')}/${ref.id}`;
    const action = new URLSearchParams(list.hash.replace(/^#/, '')).get('action');
    return `${list.origin}/web#id=${ref.id}&model=${MODEL}&view_type=form${action ? `&action=${encodeURIComponent(action)}` : ''}`;
  },
  actionSlot: odooListSlot,
};
