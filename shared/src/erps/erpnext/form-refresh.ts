/**
 * Runs in the desk's main world (see ../form-refresh.ts): Frappe 15 `form/form.js` `reload_doc()`
 * drops the cached doc and loads it again (`frappe.model.with_doc`) then redraws the form, as its own
 * "Refresh" prompt does; `is_dirty()` is `doc.__unsaved`.
 */
export async function refreshErpnextForm(name: string | number): Promise<'reloaded' | 'dirty' | 'not-open'> {
  const frm = (globalThis as { cur_frm?: { doctype?: string; doc?: { name?: string }; is_dirty?: () => boolean; reload_doc?: () => Promise<unknown> } }).cur_frm;
  if (!frm?.doc || frm.doctype !== 'Sales Invoice' || frm.doc.name !== String(name) || typeof frm.reload_doc !== 'function') return 'not-open';
  if (frm.is_dirty?.()) return 'dirty';
  await frm.reload_doc();
  return 'reloaded';
}
