/**
 * The e-way bill request's field rules, checked the same way by the API, the CLI and the extension's
 * form before anything is sent: what the IRP refuses (4011 vehicle number missing, 4012/4023
 * transport document missing, 4014 invalid vehicle number, 4016 future date, 4020 invalid mode or
 * vehicle type, 4028 mode missing, 4038 distance too high) is caught here and named by field.
 * The codes are those of NIC's e-way bill by IRN API (docs/local-api.md lists them in our words).
 */
import { compareDocDateToToday, daysBetweenDocDates, parseDocDate } from '../dates';
import { GSTIN_SCHEMA_PATTERN } from '../gstin';

export const TRANS_MODES = Object.freeze({ 1: 'Road', 2: 'Rail', 3: 'Air', 4: 'Ship' } as const);
export const TRANS_MODE_CODES = ['1', '2', '3', '4'] as const;
export type TransMode = (typeof TRANS_MODE_CODES)[number];
export const VEHICLE_TYPE_CODES = ['R', 'O'] as const;
export type VehicleType = (typeof VEHICLE_TYPE_CODES)[number];
export const MAX_EWB_DISTANCE_KM = 4000;
/** The IRP's field sizes for the transport document number and the transporter name. */
export const MAX_TRANS_DOC_NO = 15;
export const MAX_TRANS_NAME = 100;

/** The request's transport fields, as the local API takes them. */
export interface EwaybillFields {
  distance: number;
  transMode?: string;
  transId?: string;
  transName?: string;
  transDocNo?: string;
  transDocDt?: string;
  vehNo?: string;
  vehType?: string;
}

export type EwaybillField = keyof EwaybillFields;
export interface EwaybillIssue {
  field: EwaybillField;
  message: string;
}

/** Vehicle numbers go to the IRP without spaces or dashes, upper case ("ka 01-ab 1234" → KA01AB1234). */
export const normalizeVehicleNo = (v: string) => v.replace(/[\s-]+/g, '').toUpperCase();

export const isTransMode = (m: unknown): m is TransMode => typeof m === 'string' && (TRANS_MODE_CODES as readonly string[]).includes(m);

/**
 * Every problem with the fields; `invoiceDate` (dd/mm/yyyy) lets a transport document dated before
 * the invoice be caught. Vehicle numbers are compared after normalizeVehicleNo.
 */
export function checkEwaybillFields(req: EwaybillFields, opts: { invoiceDate?: string; now?: Date } = {}): EwaybillIssue[] {
  const issues: EwaybillIssue[] = [];
  const add = (field: EwaybillField, message: string) => issues.push({ field, message });
  const { distance } = req;
  if (!Number.isInteger(distance) || distance < 0 || distance > MAX_EWB_DISTANCE_KM) {
    add('distance', `Distance must be a whole number of kilometres from 0 to ${MAX_EWB_DISTANCE_KM} (0 lets the IRP calculate it).`);
  }
  const mode = req.transMode?.trim() || undefined;
  const vehNo = normalizeVehicleNo(req.vehNo ?? '');
  const docNo = (req.transDocNo ?? '').trim();
  const docDt = (req.transDocDt ?? '').trim();
  if (mode === undefined) {
    if (vehNo || docNo) add('transMode', 'Transport mode is required when a vehicle number or transport document is given: Road, Rail, Air or Ship.');
  } else if (!isTransMode(mode)) {
    add('transMode', 'Transport mode must be Road, Rail, Air or Ship.');
  } else if (mode === '1') {
    if (!vehNo) add('vehNo', 'Vehicle number is required for road transport.');
    else if (!/^[A-Z0-9]{4,20}$/.test(vehNo)) add('vehNo', 'Vehicle number must be 4 to 20 letters and digits, e.g. KA01AB1234.');
    if (!(VEHICLE_TYPE_CODES as readonly string[]).includes(req.vehType ?? '')) add('vehType', 'Vehicle type must be Regular or Over-dimensional cargo.');
  } else {
    const name = TRANS_MODES[mode].toLowerCase();
    if (!docNo && !(mode === '4' && vehNo)) add('transDocNo', `Transport document number is required for ${name} transport (the RR, airway bill or bill of lading number).`);
    else if (docNo.length > MAX_TRANS_DOC_NO) add('transDocNo', `Transport document number can be at most ${MAX_TRANS_DOC_NO} characters.`);
    if (!docDt && mode !== '4') add('transDocDt', `Transport document date is required for ${name} transport.`);
  }
  if (mode !== '1' && docDt) {
    if (!parseDocDate(docDt)) add('transDocDt', 'Transport document date must be a date written dd/mm/yyyy, e.g. 24/11/2026.');
    else if (compareDocDateToToday(docDt, opts.now ?? new Date()) > 0) add('transDocDt', 'Transport document date cannot be in the future.');
    else if (opts.invoiceDate && daysBetweenDocDates(opts.invoiceDate, docDt) < 0) add('transDocDt', `Transport document date cannot be before the invoice date (${opts.invoiceDate}).`);
  }
  if (vehNo && mode !== '1' && !/^[A-Z0-9]{4,20}$/.test(vehNo)) add('vehNo', 'Vehicle number must be 4 to 20 letters and digits, e.g. KA01AB1234.');
  if (req.vehType !== undefined && req.vehType !== '' && !(VEHICLE_TYPE_CODES as readonly string[]).includes(req.vehType) && mode !== '1') {
    add('vehType', 'Vehicle type must be Regular or Over-dimensional cargo.');
  }
  const transId = (req.transId ?? '').trim().toUpperCase();
  if (transId && !GSTIN_SCHEMA_PATTERN.test(transId)) add('transId', 'Transporter ID must be the transporter\'s 15-character GSTIN or TRANSIN.');
  if ((req.transName ?? '').length > MAX_TRANS_NAME) add('transName', `Transporter name can be at most ${MAX_TRANS_NAME} characters.`);
  return issues;
}
