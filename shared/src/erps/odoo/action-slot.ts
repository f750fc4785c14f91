/** Where Odoo 17's form view keeps its header buttons. Apart from page-ui.ts because only this runs in the page (the content script). */
import type { ErpActionSlot } from '../page-ui-kit';

export function actionSlot(page: Document): ErpActionSlot | null {
  // The action manager keeps only the current controller; a dialog's form has its own statusbar.
  const forms = Array.from(page.querySelectorAll('.o_action_manager .o_form_view'));
  const buttons = forms.at(-1)?.querySelector('.o_form_statusbar .o_statusbar_buttons');
  return buttons ? { parent: buttons, before: null, className: 'btn btn-secondary' } : null;
}
