/**
 * Runs in Odoo 17's main world (see ../form-refresh.ts): the web client's root is
 * `odoo.__WOWL_DEBUG__.root` (17.0 web/static/src/env.js `mountComponent`); its action service's
 * client action `soft_reload` restores the current controller, which loads the record again
 * (webclient/actions/client_actions.js). The form has unsaved edits when its status indicator shows
 * the save/discard buttons (form_status_indicator.xml: `invisible` unless dirty).
 */
export async function refreshOdooForm(id: string | number): Promise<'reloaded' | 'dirty' | 'not-open'> {
  type Controller = { view?: { type?: string }; props?: { resModel?: string; resId?: number } };
  const odoo = (globalThis as { odoo?: { __WOWL_DEBUG__?: { root?: { env?: { services?: { action?: { currentController?: Controller; doAction(a: string): Promise<unknown> } } } } } } }).odoo;
  const action = odoo?.__WOWL_DEBUG__?.root?.env?.services?.action;
  const c = action?.currentController;
  if (!action || c?.view?.type !== 'form' || c.props?.resModel !== 'account.move') return 'not-open';
  const shown = Number(new URLSearchParams(location.hash.replace(/^#/, '')).get('id') ?? c.props?.resId);
  if (shown !== Number(id)) return 'not-open';
  const indicator = document.querySelector('.o_action_manager .o_form_view .o_form_status_indicator_buttons');
  if (indicator && !indicator.classList.contains('invisible')) return 'dirty';
  await action.doAction('soft_reload');
  return 'reloaded';
}
