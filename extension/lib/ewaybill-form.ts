/**
 * The e-way bill form: what the clerk typed, checked by the shared e-way bill rules
 * (shared/src/ewaybill/rules.ts, the same the companion applies) and turned into the request.
 * Pure, so it is tested without a page.
 */
import type { EInvoiceResult, EwaybillRequest } from '@irn-bridge/shared/api/contract';
import { checkEwaybillFields, normalizeVehicleNo, TRANS_MODES, type TransMode } from '@irn-bridge/shared/ewaybill/rules';

export { normalizeVehicleNo, TRANS_MODES, type TransMode };

/** What the clerk typed, as text. */
export interface EwbFormInput {
  distance: string;
  transMode: TransMode;
  vehNo: string;
  vehType: 'R' | 'O';
  transDocNo: string;
  transDocDt: string;
  transId: string;
}

export type EwbField = keyof EwbFormInput;
export interface EwbFieldIssue {
  field: EwbField;
  message: string;
}

export type EwbRequestFields = Omit<EwaybillRequest, 'profile'>;

export const EMPTY_EWB_FORM: EwbFormInput = { distance: '0', transMode: '1', vehNo: '', vehType: 'R', transDocNo: '', transDocDt: '', transId: '' };

/**
 * Checks the form; `invoiceDate` (dd/mm/yyyy) lets a transport document dated before the invoice be
 * caught. Returns the request to send, or every problem found.
 */
export function checkEwbForm(input: EwbFormInput, opts: { invoiceDate?: string; now?: Date } = {}):
  { ok: true; request: EwbRequestFields } | { ok: false; issues: EwbFieldIssue[] } {
  const distanceText = input.distance.trim();
  const road = input.transMode === '1';
  const vehNo = normalizeVehicleNo(input.vehNo);
  const docNo = input.transDocNo.trim();
  const docDt = input.transDocDt.trim();
  const transId = input.transId.trim().toUpperCase();
  // The form shows only the fields of the chosen mode: road sends the vehicle, the others the document.
  const request: EwbRequestFields = { distance: /^\d+$/.test(distanceText) ? Number(distanceText) : NaN, transMode: input.transMode };
  if (road) Object.assign(request, { vehNo, vehType: input.vehType });
  else Object.assign(request, docNo ? { transDocNo: docNo } : {}, docDt ? { transDocDt: docDt } : {});
  if (transId) request.transId = transId;
  const issues: EwbFieldIssue[] = checkEwaybillFields(request, opts)
    .map((i) => ({ field: i.field as EwbField, message: i.message }));
  if (!distanceText) issues.splice(0, issues.findIndex((i) => i.field === 'distance') + 1,
    { field: 'distance', message: 'Distance is required: the kilometres to the buyer, or 0 to let the IRP calculate it.' });
  return issues.length ? { ok: false, issues } : { ok: true, request };
}

/**
 * Whether the panel offers an e-way bill: an active invoice (not a credit or debit note, 4010) with
 * at least one goods line (4009) and no e-way bill yet (4002).
 */
export function offersEwaybill(r: EInvoiceResult, items: readonly { IsServc?: string }[] | null | undefined): boolean {
  if (r.status !== 'ACT' || r.ewbNo || r.document.docType !== 'INV') return false;
  return (items ?? []).some((it) => String(it.IsServc ?? '').toUpperCase() !== 'Y');
}
