/**
 * Whether India Compliance is installed, without relying on a null field being in the document:
 * Frappe's REST API leaves null fields out of `GET /api/resource/…` (BaseDocument.as_dict(no_nulls)),
 * so `irn` and `einvoice_status` are missing from an invoice that has none. `frappe.client.get_value`
 * names every field it was asked for and fails for a field the doctype does not have; India
 * Compliance's custom fields exist even while e-invoicing is off (GST Settings only hides them).
 */
import type { ErpIo } from '../module';

export interface IndiaComplianceState {
  installed: boolean;
  /** The Sales Invoice's docstatus (0 draft, 1 submitted, 2 cancelled). */
  docstatus: number;
  /** The IRN India Compliance holds ('' when none). */
  irn: string;
  einvoiceStatus: string;
  ewaybill: string;
}

export async function indiaComplianceState(io: ErpIo, name: string): Promise<IndiaComplianceState> {
  const q = new URLSearchParams({
    doctype: 'Sales Invoice',
    filters: JSON.stringify({ name }),
    fieldname: JSON.stringify(['name', 'docstatus', 'irn', 'einvoice_status', 'ewaybill']),
  });
  const res = await io.fetch(`${io.origin}/api/method/frappe.client.get_value?${q}`, { credentials: 'include', headers: { Accept: 'application/json' } });
  const row = res.ok ? ((await res.json()) as { message?: Record<string, unknown> }).message : undefined;
  if (row && 'einvoice_status' in row) {
    return { installed: true, docstatus: Number(row.docstatus ?? 0), irn: String(row.irn ?? ''), einvoiceStatus: String(row.einvoice_status ?? ''), ewaybill: String(row.ewaybill ?? '') };
  }
  // Without India Compliance the same question without its fields still gives the docstatus.
  const plain = new URLSearchParams({ doctype: 'Sales Invoice', filters: JSON.stringify({ name }), fieldname: JSON.stringify(['name', 'docstatus']) });
  const r2 = await io.fetch(`${io.origin}/api/method/frappe.client.get_value?${plain}`, { credentials: 'include', headers: { Accept: 'application/json' } });
  const base = r2.ok ? ((await r2.json()) as { message?: Record<string, unknown> }).message : undefined;
  return { installed: false, docstatus: Number(base?.docstatus ?? 0), irn: '', einvoiceStatus: '', ewaybill: '' };
}
