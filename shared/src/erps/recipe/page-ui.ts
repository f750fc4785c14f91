/** A user-taught ERP: IRN Bridge knows nothing of its screens, so the panel alone offers the action. */
import { inv01LineNames, type ErpPageUi } from '../page-ui-kit';

export const recipePageUi: ErpPageUi = {
  actionSlot: () => null,
  notFinal: 'Finalise the invoice in your ERP first: only final invoices can be registered with the IRP.',
  labels: { total: 'Total', grandTotal: 'Total', roundOff: 'Round-off', taxable: 'Taxable value' },
  lines: (_doc, invoice) => inv01LineNames(invoice),
  customer: () => null,
  fixFor: () => null,
};
