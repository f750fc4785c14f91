/** ERPNext's own totals and what the clerk sees before mapping. */
import type { ErpInvoiceSummary, ErpRecorded, ErpTotals } from '../module';
import { num, round2, toIrpDate } from '../util';
import type { ErpnextDocument } from './records';

export function erpnextTotals(doc: ErpnextDocument): ErpTotals {
  const inv = doc.invoice;
  const pick = (b: unknown, v: unknown) => (b !== undefined && b !== null ? num(b) : num(v));
  const rounded = pick(inv.base_rounded_total, inv.rounded_total);
  const useRounded = !inv.disable_rounded_total && rounded !== 0;
  return {
    grandTotal: round2(Math.abs(useRounded ? rounded : pick(inv.base_grand_total, inv.grand_total))),
    taxableTotal: round2(Math.abs(pick(inv.base_net_total, inv.net_total))),
    taxTotal: round2(Math.abs(pick(inv.base_total_taxes_and_charges, inv.total_taxes_and_charges))),
    roundOff: useRounded ? round2(pick(inv.base_rounding_adjustment, inv.rounding_adjustment) * (inv.is_return ? -1 : 1)) : 0,
    currency: 'INR',
  };
}

export function summarizeErpnext(doc: ErpnextDocument): ErpInvoiceSummary {
  const inv = doc.invoice;
  return {
    ref: { erp: 'erpnext', name: inv.name },
    docType: inv.is_debit_note ? 'DBN' : inv.is_return ? 'CRN' : 'INV',
    docNo: inv.name,
    docDate: toIrpDate(inv.posting_date),
    partyName: inv.customer_name ?? inv.customer ?? '',
    partyGstin: inv.billing_address_gstin ?? null,
    grandTotal: erpnextTotals(doc).grandTotal,
    currency: inv.currency ?? 'INR',
    final: inv.docstatus === 1,
    irn: inv.irn ? String(inv.irn) : null,
    recorded: indiaComplianceRecorded(doc),
  };
}

/** India Compliance's fields; REST drops them while empty, and `einvoice_status` is set once there is an IRN. */
const CANCELLED = ['Cancelled', 'Manually Cancelled'];
function indiaComplianceRecorded(doc: ErpnextDocument): ErpRecorded | null {
  const inv = doc.invoice;
  if (!inv.einvoice_status) return null;
  const irnCancelled = CANCELLED.includes(String(inv.einvoice_status ?? ''));
  return {
    // India Compliance clears `irn` when it marks the e-invoice cancelled (e_invoice.py mark_e_invoice_as_cancelled).
    irn: inv.irn && !irnCancelled ? String(inv.irn) : null,
    irnCancelled,
    ewbNo: inv.ewaybill && !CANCELLED.includes(String(inv.e_waybill_status ?? '')) ? String(inv.ewaybill) : null,
    ewbCancelled: CANCELLED.includes(String(inv.e_waybill_status ?? '')),
    // ERPNext 15 lets only an Accounts Manager cancel a Sales Invoice (record.ts).
    ...(doc.cancellationNoted ? { cancellationNoted: 'an Accounts Manager' } : {}),
  };
}
