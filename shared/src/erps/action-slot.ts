/**
 * Where each ERP keeps its form actions, by module id: the one piece of page knowledge (page-ui.ts)
 * that must run in the page. The rest (names, links, fixes) is computed in the background.
 */
import { actionSlot as erpnext } from './erpnext/action-slot';
import { actionSlot as odoo } from './odoo/action-slot';
import type { ErpActionSlot } from './page-ui-kit';

const SLOTS: Record<string, (page: Document) => ErpActionSlot | null> = { erpnext, odoo };

/** An unknown ERP (a recipe) has no toolbar: the panel alone offers the action. */
export function actionSlotFor(moduleId: string): (page: Document) => ErpActionSlot | null {
  return SLOTS[moduleId] ?? (() => null);
}
