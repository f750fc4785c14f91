/**
 * Odoo 17's customer-invoice list (`/web#…&model=account.move&view_type=list`) for bulk
 * registration. A row carries no record id in the DOM (`data-id` is the client's datapoint id), so
 * the ticked rows' Number cells (`td[name="name"]`) are named back to ids with one `search_read`.
 * A draft has no number yet ("/" or empty) and is skipped with the reason.
 */
import type { ErpIo, ErpListSelection, ErpListView } from '../module';
import { callKw } from './rpc';
import { odooListSlot, shownListView } from './list-ui';

const MODEL = 'account.move';

/**
 * After Odoo's "Select all N" the whole search is selected, not only this page (list_controller.xml
 * `isDomainSelected`: its "Select all" link is gone while every row shown is ticked and the pager's
 * total is larger). The DOM names only the rows shown: how many more Odoo selected, or 0.
 */
function selectedOffPage(page: Document): number {
  const view = shownListView(page);
  const box = view?.querySelector('.o_list_selection_box');
  if (!view || !box || box.querySelector('.o_list_select_domain')) return 0;
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
    if (url.pathname !== '/web' && url.pathname !== '/web/') return false;
    const params = new URLSearchParams(url.hash.replace(/^#/, ''));
    return params.get('model') === MODEL && params.get('view_type') === 'list';
  },
  countSelected: (page) => tickedNames(page).length,
  async selected(io: ErpIo, page: Document): Promise<ErpListSelection> {
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
    // The list's action stays in the address, so Odoo's breadcrumb leads back to the list.
    const action = new URLSearchParams(list.hash.replace(/^#/, '')).get('action');
    return `${list.origin}/web#id=${ref.id}&model=${MODEL}&view_type=form${action ? `&action=${encodeURIComponent(action)}` : ''}`;
  },
  actionSlot: odooListSlot,
};
