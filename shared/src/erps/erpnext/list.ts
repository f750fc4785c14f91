/**
 * ERPNext's Sales Invoice list (`/app/sales-invoice`, v16 `/desk/sales-invoice`) for bulk
 * registration. Frappe 15 `frappe/public/js/frappe/list/list_view.js` marks each row with
 * `input.list-row-checkbox` whose `data-name` is the document's name (`get_checkbox_element`), and
 * reads the ticked ones the same way (`get_checked_items`: `.list-row-checkbox:checked`).
 * Frappe keeps every visited page in the DOM: only the list page on screen counts.
 */
import type { ErpIo, ErpListSelection, ErpListView } from '../module';
import { erpnextListSlot, shownListPage } from './list-ui';

const PATH = /^\/(?:app|desk)\/sales-invoice(?:\/view\/list)?\/?$/;

function ticked(page: Document): HTMLInputElement[] {
  const list = shownListPage(page);
  return list ? Array.from(list.querySelectorAll<HTMLInputElement>('.result input.list-row-checkbox:checked')) : [];
}

export const erpnextList: ErpListView = {
  detect: (url) => PATH.test(url.pathname),
  countSelected: (page) => ticked(page).filter((c) => c.dataset.name).length,
  async selected(_io: ErpIo, page: Document): Promise<ErpListSelection> {
    const names = ticked(page).map((c) => c.dataset.name ?? '').filter(Boolean);
    return { refs: [...new Set(names)].map((name) => ({ erp: 'erpnext', name })), skipped: [] };
  },
  // The same desk route the list uses (v15 /app, v16 /desk).
  formUrl: (list, ref) => `${list.origin}/${list.pathname.startsWith('/desk/') ? 'desk' : 'app'}/sales-invoice/${encodeURIComponent(ref.name)}`,
  actionSlot: erpnextListSlot,
};
