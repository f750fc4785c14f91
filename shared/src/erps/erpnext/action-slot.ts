/**
 * Where ERPNext's desk keeps its form actions (Frappe 15 `frappe/public/js/frappe/ui/page.html`:
 * `.page-actions` holds `.custom-actions` — hidden below 1200 px by `hidden-md` — and
 * `.standard-actions`). Apart from page-ui.ts because only this runs in the page (the content script).
 */
import type { ErpActionSlot } from '../page-ui-kit';

/**
 * A form's page container is named by its doctype (frappe 15 views/formview.js: `frappe.container.add_page(doctype)`,
 * verified on the real desk); the fake desk says `Form/Sales Invoice`, so both are accepted.
 */
const FORM_PAGES = '.page-container[data-page-route="Sales Invoice"], .page-container[data-page-route="Form/Sales Invoice"]';

/** Frappe keeps every visited page in the DOM and hides the others: the toolbar of the one shown. */
export function actionSlot(page: Document): ErpActionSlot | null {
  const pages = Array.from(page.querySelectorAll(FORM_PAGES));
  const shown = pages.find((p) => (p as HTMLElement).style.display !== 'none' && !p.classList.contains('hide')) ?? null;
  const actions = shown?.querySelector('.page-head .page-actions');
  if (!actions) return null;
  // Not inside `.custom-actions`: Bootstrap's hidden-md would hide the button at 1024 px.
  return { parent: actions, before: actions.querySelector(':scope > .standard-actions'), className: 'btn btn-default btn-sm' };
}
