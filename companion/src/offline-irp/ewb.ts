/**
 * E-way bills by IRN (NIC's Generate E-way Bill by IRN): the rules the IRP applies, shared by inline `EwbDtls` on generate
 * and by `POST /eiewb/v1.03/ewaybill`, plus the sandbox-only EWB cancel that lets an IRN be
 * cancelled afterwards.
 */
import type { Context } from 'hono';
import { formatIstDateTime, formatIstEwbDateTime, parseDocDate, parseIstDateTime } from '@irn-bridge/shared/dates';
import { EWB_CANCEL_REMARK_MAX, EWB_CANCEL_WINDOW_MS } from '@irn-bridge/shared/codes/ewb-cancel-reasons';
import { aesDecrypt, decryptJson } from '../irp/crypto';
import { authorise, isWireError } from './auth';
import type { OfflineContext } from './context';
import type { IrnRow } from './store';
import { findTaxpayer } from './taxpayers';
import { ciGet, err, fail, ok, readEncryptedBody, type WireError } from './wire';

const IST_OFFSET_MS = 330 * 60_000;

export interface EwbPlan {
  validTill: string | null;
  info: unknown[] | null;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** Rough PIN-to-PIN distance for Distance 0 (the real IRP looks it up; any stable figure will do here). */
function pinDistance(a: number, b: number): number {
  return Math.min(4000, Math.max(10, Math.round(Math.abs(a - b) / 100)));
}

/** 23:59 IST of the day `days` after `now`'s IST day. */
function validTillAfter(now: Date, days: number): string {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const end = Date.UTC(ist.getUTCFullYear(), ist.getUTCMonth(), ist.getUTCDate() + days, 23, 59, 0) - IST_OFFSET_MS;
  return formatIstDateTime(new Date(end));
}

/**
 * Checks an e-way bill request against the registered invoice. `req` uses the EWB-by-IRN key names;
 * inline EwbDtls share them. Returns the validity (null for Part A only) or the IRP's errors.
 */
export function planEwb(inv: Record<string, any>, req: unknown, now: Date): EwbPlan | WireError[] {
  const errors: WireError[] = [];
  const docType = str(inv.DocDtls?.Typ).toUpperCase();
  if (docType === 'CRN' || docType === 'DBN') errors.push(err('4010', 'E-way Bill cannot generated for Debit Note, Credit Note and Services.'));
  const items: any[] = Array.isArray(inv.ItemList) ? inv.ItemList : [];
  if (!items.some((it) => str(it.IsServc).toUpperCase() !== 'Y')) {
    errors.push(err('4009', 'E Way Bill can be generated provided at least HSN of one item belongs to goods.'));
  }
  for (const g of [inv.SellerDtls?.Gstin, inv.BuyerDtls?.Gstin]) {
    if (g && findTaxpayer(String(g))?.BlkStatus === 'B') errors.push(err('4015', `EWayBill will not be generated for blocked User -${g}`));
  }

  const mode = str(ciGet(req, 'TransMode'));
  const transId = str(ciGet(req, 'TransId'));
  const vehNo = str(ciGet(req, 'VehNo'));
  const vehType = str(ciGet(req, 'VehType')).toUpperCase();
  const docNo = str(ciGet(req, 'TransDocNo') ?? ciGet(req, 'TrnDocNo'));
  const docDt = str(ciGet(req, 'TransDocDt') ?? ciGet(req, 'TrnDocDt'));
  if (!mode && (vehNo || docNo)) errors.push(err('4028', 'Transport mode is mandatory as Vehicle Number/Transport Document Number is given'));
  if (!mode && !transId && !vehNo && !docNo) errors.push(err('4019', 'Provide Transporter ID in order to generate Part A of e-Way Bill'));
  if (mode && !['1', '2', '3', '4'].includes(mode)) errors.push(err('4020', 'Invalid vehicle type .'));
  if (mode === '1') {
    if (!vehNo) errors.push(err('4011', 'Vehicle number should be passed in case of transportation mode is Road.'));
    else if (!/^[A-Z0-9]{4,20}$/i.test(vehNo)) errors.push(err('4014', 'Invalid Vehicle Number'));
    if (!vehType) errors.push(err('4022', 'vehicle type should be passed in case of transportation mode is Road.'));
    else if (vehType !== 'R' && vehType !== 'O') errors.push(err('4020', 'Invalid vehicle type .'));
  }
  if (mode === '2' || mode === '3') {
    if (!docNo) errors.push(err('4012', 'The transport document number should be passed for transportation modes air and rail'));
    if (!docDt) errors.push(err('4023', 'The transport document date should be passed for of transportation modes air and rail.'));
  }
  if (mode === '4' && !vehNo && !docNo) errors.push(err('4040', 'For Ship Transport, either vehicle number or transport document number is required'));
  if (docDt) {
    const d = parseDocDate(docDt);
    if (!d) errors.push(err('4017', 'Incorrect date format'));
    else if (Date.UTC(d.year, d.month - 1, d.day) - IST_OFFSET_MS > now.getTime()) {
      errors.push(err('4016', 'Transport document date cannot be a future date'));
    }
  }

  const rawDistance = Number(ciGet(req, 'Distance') ?? 0);
  let distance = Number.isFinite(rawDistance) ? rawDistance : -1;
  let info: unknown[] | null = null;
  if (distance < 0) errors.push(err('4013', 'The distance between the pincodes given is too high or low.'));
  if (distance > 4000) errors.push(err('4038', 'The distance between the pincodes given is too high'));
  if (distance === 0) {
    const from = Number(inv.DispDtls?.Pin ?? inv.SellerDtls?.Pin);
    const to = Number(ciGet(ciGet(req, 'ExpShipDtls'), 'Pin') ?? inv.ShipDtls?.Pin ?? inv.BuyerDtls?.Pin);
    if (from === to) errors.push(err('4029', 'Valid distance to be sent in case of same pin codes, you cannot send 0 as distance in this case.'));
    else {
      distance = pinDistance(from, to);
      info = [{ InfCd: 'EWBPPD', Desc: `Pin-Pin calc distance: ${distance}KM` }];
    }
  }
  if (errors.length) return errors;

  // Part B (vehicle or transport document) makes the bill valid: one day per 200 km (20 km for ODC).
  const partB = !!mode && !!(vehNo || docNo);
  const perDay = vehType === 'O' ? 20 : 200;
  return { validTill: partB ? validTillAfter(now, Math.max(1, Math.ceil(distance / perDay))) : null, info };
}

function ownership(ctx: OfflineContext, row: IrnRow | undefined, gstin: string): WireError | null {
  if (!row) return err('4003', 'Requested IRN data is not available');
  if (row.seller_gstin !== gstin) return err('4037', 'You are not authorised to get data');
  return null;
}

export async function handleGenerateEwb(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const read = await readEncryptedBody(c, auth.sek);
  if ('error' in read) return fail(c, [read.error]);
  const irn = str(ciGet(read.body, 'Irn')).toLowerCase();
  if (!irn) return fail(c, [err('4006', 'Requesting parameter cannot be empty')]);
  const row = ctx.store.irn(irn);
  const owner = ownership(ctx, row, auth.gstin);
  if (owner) return fail(c, [owner]);
  if (row!.status !== 'ACT') return fail(c, [err('4000', 'Status of the IRN is not active')]);
  if (row!.ewb_no !== null && row!.ewb_status === 'ACT') {
    return fail(c, [err('4002', 'EwayBill is already generated for this IRN')]);
  }
  const now = ctx.clock.now();
  const plan = planEwb(JSON.parse(row!.invoice_json), read.body, now);
  if (Array.isArray(plan)) return fail(c, plan);
  const ewb = { no: ctx.store.nextEwbNo(), dt: formatIstDateTime(now), validTill: plan.validTill };
  ctx.store.setEwb(irn, ewb);
  return ok(c, { EwbNo: ewb.no, EwbDt: ewb.dt, EwbValidTill: ewb.validTill, Remarks: null }, auth.sek, plan.info);
}

export function handleGetEwb(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const row = ctx.store.irn(c.req.param('irn') ?? '');
  const owner = ownership(ctx, row, auth.gstin);
  if (owner) return fail(c, [owner]);
  if (row!.ewb_no === null) return fail(c, [err('4005', 'Eway Bill details are not found')]);
  return ok(
    c,
    { EwbNo: row!.ewb_no, Status: row!.ewb_status, GenGstin: row!.seller_gstin, EwbDt: row!.ewb_dt, EwbValidTill: row!.ewb_valid_till },
    auth.sek,
  );
}

/**
 * Sandbox-only EWB cancel (NIC's e-way bill API, action CANEWB; ../shared/irp-spec.md §1 row 10), here so an IRN with an e-way
 * bill can be cancelled. Accepts `{"action":"CANEWB","data":AES(SEK, json or base64 json)}` or NIC's usual `{"Data": ...}`.
 * The e-way bill system's rules, with its codes: a reason 1–4 (307), a remark of 1–50 characters (308), the caller's own
 * active bill (312: "not generated by you or cancelled"), within 24 hours of EwbDt (315).
 */
export async function handleCancelEwb(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return fail(c, [err('4006', 'Requesting parameter cannot be empty')]);
  }
  const data = ciGet(body, 'Data') ?? ciGet(body, 'data');
  let req: unknown;
  try {
    try {
      req = decryptJson(auth.sek, String(data));
    } catch {
      req = JSON.parse(Buffer.from(aesDecrypt(auth.sek, Buffer.from(String(data), 'base64')).toString('utf8'), 'base64').toString('utf8'));
    }
  } catch {
    return fail(c, [err('4006', 'Requesting parameter cannot be empty')]);
  }
  const ewbNo = Number(ciGet(req, 'ewbNo'));
  const row = Number.isFinite(ewbNo) ? ctx.store.byEwbNo(ewbNo) : undefined;
  if (!row) return fail(c, [err('4007', 'Requested e-Way Bill is not available')]);
  const problems: WireError[] = [];
  if (!['1', '2', '3', '4'].includes(str(ciGet(req, 'cancelRsnCode')))) problems.push(err('307', 'Invalid reason'));
  const remark = str(ciGet(req, 'cancelRmrk'));
  if (!remark || remark.length > EWB_CANCEL_REMARK_MAX) problems.push(err('308', 'Invalid remarks'));
  if (problems.length) return fail(c, problems);
  if (row.seller_gstin !== auth.gstin || row.ewb_status !== 'ACT') return fail(c, [err('312', 'This eway bill is either not generated by you or cancelled')]);
  const now = ctx.clock.now();
  if (now.getTime() - parseIstDateTime(row.ewb_dt!).getTime() > EWB_CANCEL_WINDOW_MS) {
    return fail(c, [err('315', 'Validity period lapsed, you cannot cancel this eway bill')]);
  }
  ctx.store.cancelEwb(row.irn);
  return ok(c, { ewayBillNo: String(row.ewb_no), cancelDate: formatIstEwbDateTime(now) }, auth.sek);
}
