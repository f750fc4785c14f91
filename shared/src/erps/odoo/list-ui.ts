/**
 * Odoo 17's list view as the bulk button sees it (17.0 `web/static/src/views/list/`): the action
 * manager keeps the current controller (`.o_view_controller.o_list_view`); a ticked row is
 * `tr.o_data_row.o_data_row_selected` (list_renderer.js `getRowClass`); its cells carry the field
 * name (`td.o_data_cell[name=…]`, list_renderer.xml). The button goes in the control panel's
 * `.o_control_panel_actions`, where Odoo shows "n selected" and its Actions menu; the main-button
 * bar is duplicated and collapsed below 1200 px (control_panel.xml), so it is not used.
 */
import type { ErpActionSlot } from '../page-ui-kit';

export function shownListView(page: Document): Element | null {
  return Array.from(page.querySelectorAll('.o_action_manager > .o_view_controller.o_list_view')).at(-1) ?? null;
}

export function odooListSlot(page: Document): ErpActionSlot | null {
  const bar = shownListView(page)?.querySelector('.o_control_panel .o_control_panel_actions');
  return bar ? { parent: bar, before: null, className: 'btn btn-secondary ms-2' } : null;
}
