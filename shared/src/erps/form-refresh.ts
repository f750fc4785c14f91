/**
 * After a write-back the ERP's open form should show what was recorded (the IRN, a cancellation,
 * an e-way bill) without the clerk reloading. Only the ERP's own client can redraw its form, and it
 * lives in the page's main world, which the content script cannot reach: the background runs one of
 * these functions there (`scripting.executeScript`, world MAIN). Each is self-contained (it is
 * serialised into the page) and never touches a form with unsaved edits.
 */
import { refreshErpnextForm } from './erpnext/form-refresh';
import { refreshOdooForm } from './odoo/form-refresh';
import { refreshErpnextList } from './erpnext/list-refresh';
import { refreshOdooList } from './odoo/list-refresh';

/** What happened: reloaded; the form has unsaved edits (left alone); another record or no form is on screen. */
export type FormRefresh = 'reloaded' | 'dirty' | 'not-open';

/** Main-world functions by module id; `key` is ERPNext's document name or Odoo's record id. */
export const FORM_REFRESHERS: Record<string, (key: string | number) => Promise<FormRefresh>> = {
  erpnext: refreshErpnextForm as (key: string | number) => Promise<FormRefresh>,
  odoo: refreshOdooForm as (key: string | number) => Promise<FormRefresh>,
};

/** The same for the ERP's invoice list after a bulk batch, so its tab shows the new state (by module id). */
export const LIST_REFRESHERS: Record<string, () => Promise<FormRefresh>> = {
  erpnext: refreshErpnextList,
  odoo: refreshOdooList,
};
