/**
 * Runs in Odoo's main world after a batch (see ../form-refresh.ts `LIST_REFRESHERS`): when the
 * action service's current controller is account.move's list, the client action `soft_reload`
 * restores it, which searches the records again (17.0 web/static/src/webclient/actions/
 * client_actions.js `softReload`), as for the form (form-refresh.ts). Another view: left alone.
 */
export async function refreshOdooList(): Promise<'reloaded' | 'dirty' | 'not-open'> {
  type Controller = { view?: { type?: string }; props?: { resModel?: string } };
  const odoo = (globalThis as { odoo?: { __WOWL_DEBUG__?: { root?: { env?: { services?: { action?: { currentController?: Controller; doAction(a: string): Promise<unknown> } } } } } } }).odoo;
  const action = odoo?.__WOWL_DEBUG__?.root?.env?.services?.action;
  const c = action?.currentController;
  if (!action || c?.view?.type !== 'list' || c.props?.resModel !== 'account.move') return 'not-open';
  await action.doAction('soft_reload');
  return 'reloaded';
}
