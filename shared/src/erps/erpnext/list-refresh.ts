/**
 * Runs in the desk's main world after a batch (see ../form-refresh.ts `LIST_REFRESHERS`): Frappe 15
 * keeps the list on screen in `cur_list` (frappe/public/js/frappe/list/base_list.js), whose
 * `refresh()` fetches the rows again and redraws them, as its own refresh button does. `cur_list`
 * outlives the list page, so the route (`frappe.get_route()`, router.js) must still be its list.
 * `refresh()` does nothing when called with the same arguments within 3 s (base_list.js `no_change`,
 * `last_args`), and the desk's own calls during the write-backs set them: they are cleared first
 * (seen on ERPNext 15.99.1: without it the list stayed as it was).
 */
export async function refreshErpnextList(): Promise<'reloaded' | 'dirty' | 'not-open'> {
  const g = globalThis as { cur_list?: { doctype?: string; last_args?: unknown; refresh?: () => unknown }; frappe?: { get_route?: () => string[] } };
  const list = g.cur_list;
  if (!list || list.doctype !== 'Sales Invoice' || typeof list.refresh !== 'function') return 'not-open';
  const route = g.frappe?.get_route?.() ?? [];
  if (route[0] !== 'List' || route[1] !== 'Sales Invoice') return 'not-open';
  list.last_args = null;
  await list.refresh();
  return 'reloaded';
}
