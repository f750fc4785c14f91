/**
 * The e-way bill form's local checks (spec §6.2): what the IRP would refuse (4011, 4012, 4014, 4016,
 * 4022, 4023, 4040…) is caught before the call and named by field. Pure, so it is tested without a page.
 */
import type { EInvoiceResult, EwaybillRequest } from '@irn-bridge/shared/api/contract';
import { compareDocDateToToday, daysBetweenDocDates, parseDocDate } from '@irn-bridge/shared/dates';
import { GSTIN_SCHEMA_PATTERN } from '@irn-bridge/shared/gstin';

export type TransMode = '1' | '2' | '3' | '4';
export const TRANS_MODES: Record<TransMode, string> = { 1: 'Road', 2: 'Rail', 3: 'Air', 4: 'Ship' };

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

/** Vehicle numbers go to the IRP without spaces or dashes, upper case ("ka 01-ab 1234" → KA01AB1234). */
export const normalizeVehicleNo = (v: string) => v.replace(/[\s-]+/g, '').toUpperCase();

/**
 * Checks the form; `invoiceDate` (dd/mm/yyyy) lets a transport document dated before the invoice be
 * caught (4021). Returns the request to send, or every problem found.
 */
export function checkEwbForm(input: EwbFormInput, opts: { invoiceDate?: string; now?: Date } = {}):
  { ok: true; request: EwbRequestFields } | { ok: false; issues: EwbFieldIssue[] } {
  const issues: EwbFieldIssue[] = [];
  const add = (field: EwbField, message: string) => issues.push({ field, message });

  const distanceText = input.distance.trim();
  const distance = Number(distanceText);
  if (!distanceText) add('distance', 'Distance is required: the kilometres to the buyer, or 0 to let the IRP calculate it.');
  else if (!/^\d+$/.test(distanceText) || distance > 4000) add('distance', 'Distance must be a whole number of kilometres from 0 to 4000 (0 lets the IRP calculate it).');

  const mode = input.transMode;
  const road = mode === '1';
  const vehNo = normalizeVehicleNo(input.vehNo);
  const docNo = input.transDocNo.trim();
  const docDt = input.transDocDt.trim();
  if (!(mode in TRANS_MODES)) add('transMode', 'Transport mode must be Road, Rail, Air or Ship.');
  if (road) {
    if (!vehNo) add('vehNo', 'Vehicle number is required for road transport.');
    else if (!/^[A-Z0-9]{4,20}$/.test(vehNo)) add('vehNo', 'Vehicle number must be 4 to 20 letters and digits, e.g. KA01AB1234.');
    if (input.vehType !== 'R' && input.vehType !== 'O') add('vehType', 'Vehicle type must be Regular or Over-dimensional cargo.');
  } else if (mode in TRANS_MODES) {
    const name = TRANS_MODES[mode].toLowerCase();
    if (!docNo) add('transDocNo', `Transport document number is required for ${name} transport (the RR, airway bill or bill of lading number).`);
    else if (docNo.length > 15) add('transDocNo', 'Transport document number can be at most 15 characters.');
    if (!docDt && mode !== '4') add('transDocDt', `Transport document date is required for ${name} transport.`);
  }
  if (!road && docDt) {
    if (!parseDocDate(docDt)) add('transDocDt', 'Transport document date must be a date written dd/mm/yyyy, e.g. 24/11/2026.');
    else if (compareDocDateToToday(docDt, opts.now ?? new Date()) > 0) add('transDocDt', 'Transport document date cannot be in the future.');
    else if (opts.invoiceDate && daysBetweenDocDates(opts.invoiceDate, docDt) < 0) add('transDocDt', `Transport document date cannot be before the invoice date (${opts.invoiceDate}).`);
  }

  const transId = input.transId.trim().toUpperCase();
  if (transId && !GSTIN_SCHEMA_PATTERN.test(transId)) add('transId', 'Transporter ID must be the transporter\'s 15-character GSTIN or TRANSIN.');

  if (issues.length) return { ok: false, issues };
  const request: EwbRequestFields = { distance, transMode: mode };
  if (road) Object.assign(request, { vehNo, vehType: input.vehType });
  else Object.assign(request, { transDocNo: docNo }, docDt ? { transDocDt: docDt } : {});
  if (transId) request.transId = transId;
  return { ok: true, request };
}

/**
 * Whether the panel offers an e-way bill: an active invoice (not a credit or debit note, 4010) with
 * at least one goods line (4009) and no e-way bill yet (4002).
 */
export function offersEwaybill(r: EInvoiceResult, items: readonly { IsServc?: string }[] | null | undefined): boolean {
  if (r.status !== 'ACT' || r.ewbNo || r.document.docType !== 'INV') return false;
  return (items ?? []).some((it) => String(it.IsServc ?? '').toUpperCase() !== 'Y');
}
