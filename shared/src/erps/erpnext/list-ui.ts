/**
 * Where the bulk button goes on ERPNext's Sales Invoice list: the list page's own toolbar
 * (Frappe 15 `ui/page.html`: `.page-head .page-actions`, beside `.standard-actions` which holds
 * Add Sales Invoice and, once rows are ticked, the Actions menu). The list page's container is named
 * by its route (`list_factory.js`: `make_page(true, frappe.get_route_str())` → `List/Sales Invoice/List`).
 */
import type { ErpActionSlot } from '../page-ui-kit';

const LIST_PAGES = '.page-container[data-page-route="List/Sales Invoice/List"]';

export function shownListPage(page: Document): Element | null {
  const pages = Array.from(page.querySelectorAll(LIST_PAGES));
  return pages.find((p) => (p as HTMLElement).style.display !== 'none' && !p.classList.contains('hide')) ?? null;
}

export function erpnextListSlot(page: Document): ErpActionSlot | null {
  const actions = shownListPage(page)?.querySelector('.page-head .page-actions');
  if (!actions) return null;
  // Not inside `.custom-actions`: Bootstrap's hidden-md would hide it at 1024 px (as for the form's action).
  return { parent: actions, before: actions.querySelector(':scope > .standard-actions'), className: 'btn btn-default btn-sm' };
}
