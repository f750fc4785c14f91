/**
 * IRN registration, retrieval and cancellation (NIC's Generate IRN, Get IRN by IRN and by document details, and Cancel IRN; the business rules are those of validateInvoice).
 */
import type { Context } from 'hono';
import { formatIstDateTime, parseDocDate } from '@irn-bridge/shared/dates';
import { computeIrn, financialYear } from '@irn-bridge/shared/irn';
import { normalizeInvoiceKeys } from '@irn-bridge/shared/invoice/normalize';
import type { IrnResponseData } from '../irp/types';
import { authorise, isWireError } from './auth';
import type { OfflineContext } from './context';
import { planEwb } from './ewb';
import { qrData, signData, signedInvoiceData } from './signing';
import type { IrnRow } from './store';
import { findTaxpayer } from './taxpayers';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import { ciGet, err, fail, header, ok, readEncryptedBody, type WireError } from './wire';

const HOUR = 3_600_000;
const CANCEL_WINDOW_MS = 24 * HOUR;
const RETENTION_MS = 48 * HOUR;

export function responseOf(row: IrnRow): IrnResponseData {
  return {
    AckNo: row.ack_no,
    AckDt: row.ack_dt,
    Irn: row.irn,
    SignedInvoice: row.signed_invoice ?? '',
    SignedQRCode: row.signed_qr ?? '',
    Status: row.status,
    EwbNo: row.ewb_status === 'ACT' ? row.ewb_no : null,
    EwbDt: row.ewb_status === 'ACT' ? row.ewb_dt : null,
    EwbValidTill: row.ewb_status === 'ACT' ? row.ewb_valid_till : null,
    Remarks: null,
  };
}

function toWireErrors(inv: unknown, now: Date): WireError[] {
  const seen = new Set<string>();
  const out: WireError[] = [];
  for (const issue of validateInvoice(inv, { allowSandboxGstins: true, now })) {
    if (issue.severity !== 'error') continue;
    const code = /^\d{4}$/.test(issue.code) ? issue.code : '2140';
    const message = code === '2140' && issue.path && !issue.message.includes(issue.path) ? `${issue.path}: ${issue.message}` : issue.message;
    const key = `${code}|${message}`;
    if (!seen.has(key)) out.push(err(code, message));
    seen.add(key);
  }
  return out;
}

/** Checks the IRP makes against its own records rather than the document alone. */
function registryErrors(inv: Record<string, any>, headerGstin: string): WireError[] {
  const out: WireError[] = [];
  const seller = String(inv.SellerDtls?.Gstin ?? '').toUpperCase();
  if (seller && seller !== headerGstin) out.push(err('2143', 'Invoice does not belongs to the user GSTIN'));
  const buyerGstin = String(inv.BuyerDtls?.Gstin ?? '').toUpperCase();
  const buyer = buyerGstin ? findTaxpayer(buyerGstin) : undefined;
  if (buyer?.Status === 'INA') out.push(err('3076', `GSTIN - ${buyerGstin} is inactive`));
  if (buyer?.Status === 'CNL') {
    out.push(err('3074', `GSTIN - ${buyerGstin} is cancelled and document date - ${inv.DocDtls?.Dt} is later than de-registration date`));
  }
  return out;
}

/** A reply the client never receives, after the IRN is already registered (fault injection). */
function lostReply(c: Context): Response {
  const outgoing = (c.env as { outgoing?: { socket?: { destroy(): void } | null } } | undefined)?.outgoing;
  if (outgoing?.socket) {
    outgoing.socket.destroy(); // real HTTP: the connection drops before any byte of the reply
    return new Response(null, { status: 204 });
  }
  // In-process (app.fetch): headers arrive, then the body stream fails, as a dropped connection would.
  const body = new ReadableStream({ start: (ctl) => ctl.error(new Error('connection reset by the offline IRP fault injector')) });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

export async function handleGenerate(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const read = await readEncryptedBody(c, auth.sek);
  if ('error' in read) return fail(c, [read.error]);
  if (typeof read.body !== 'object' || read.body === null || Array.isArray(read.body)) {
    return fail(c, [err('2140', 'Error while validating invoice: the request JSON payload is not an invoice object')]);
  }
  const inv = normalizeInvoiceKeys(read.body) as Record<string, any>;
  const now = ctx.clock.now();
  const errors = [...toWireErrors(inv, now), ...registryErrors(inv, auth.gstin)];
  if (errors.length) return fail(c, errors);

  const docType = String(inv.DocDtls.Typ).toUpperCase();
  const docNo = String(inv.DocDtls.No).toUpperCase();
  const docDate = String(inv.DocDtls.Dt);
  const seller = String(inv.SellerDtls.Gstin).toUpperCase();
  const fy = financialYear(docDate);
  const irn = await computeIrn({ sellerGstin: seller, docDate, docType, docNo }, { upperCaseDocNo: true });

  // From here to insertIrn nothing awaits: the duplicate check and the registration are atomic.
  const existing = ctx.store.byDoc(seller, fy, docType, docNo) ?? ctx.store.irn(irn);
  if (existing) {
    return fail(c, [err('2150', 'Duplicate IRN')], [{ InfCd: 'DUPIRN', Desc: { AckNo: existing.ack_no, AckDt: existing.ack_dt, Irn: existing.irn } }]);
  }
  const ackDt = formatIstDateTime(now);
  const row: IrnRow = {
    irn, seller_gstin: seller, buyer_gstin: String(inv.BuyerDtls.Gstin).toUpperCase(), fy, doc_type: docType, doc_no: docNo,
    doc_date: docDate, ack_no: ctx.store.nextAckNo(ackDt.slice(2, 4)), ack_dt: ackDt, ack_at: now.getTime(), status: 'ACT',
    cancel_date: null, signed_invoice: null, signed_qr: null, invoice_json: JSON.stringify(inv),
    ewb_no: null, ewb_dt: null, ewb_valid_till: null, ewb_status: null,
  };
  let info: unknown[] | null = null;
  if (inv.EwbDtls && typeof inv.EwbDtls === 'object') {
    const plan = planEwb(inv, inv.EwbDtls, now);
    if (Array.isArray(plan)) {
      info = [{ InfCd: 'EWBERR', Desc: plan.map((e) => ({ ErrorCode: e.code, ErrorMessage: e.message })) }];
    } else {
      Object.assign(row, { ewb_no: ctx.store.nextEwbNo(), ewb_dt: ackDt, ewb_valid_till: plan.validTill, ewb_status: 'ACT' });
      info = plan.info;
    }
  }
  ctx.store.insertIrn(row);

  try {
    const ack = { AckNo: row.ack_no, AckDt: row.ack_dt, Irn: irn };
    const signedInvoice = await signData(ctx.keys, signedInvoiceData({ ...inv, DocDtls: { ...inv.DocDtls, Typ: docType } }, ack));
    const signedQr = await signData(ctx.keys, qrData({ ...inv, DocDtls: { ...inv.DocDtls, Typ: docType } }, irn, row.ack_dt));
    ctx.store.setSigned(irn, signedInvoice, signedQr);
    Object.assign(row, { signed_invoice: signedInvoice, signed_qr: signedQr });
  } catch {
    ctx.store.deleteIrn(irn);
    return fail(c, [err('2147', 'Unable to sign invoice, Pl try after some time')]);
  }
  ctx.counters.registrations++;

  if (ctx.faults.dropReplies > 0) {
    ctx.faults.dropReplies--;
    return lostReply(c);
  }
  return ok(c, responseOf(row), auth.sek, info);
}

function retrievable(ctx: OfflineContext, row: IrnRow | undefined, owner: string): WireError | null {
  if (!row || row.seller_gstin !== owner) return err('2148', 'Requested IRN data is not available');
  if (ctx.clock.now().getTime() - row.ack_at > RETENTION_MS) {
    return err('2283', 'IRN details cannot be provided as it is generated more than 2 days ago');
  }
  return null;
}

export function handleGetByIrn(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const owner = (header(c, 'sup_gstin') ?? auth.gstin).toUpperCase();
  const row = ctx.store.irn(c.req.param('irn') ?? '');
  const problem = retrievable(ctx, row, owner);
  return problem ? fail(c, [problem]) : ok(c, responseOf(row!), auth.sek);
}

export function handleGetByDocDetails(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const q = c.req.query();
  const docType = String(ciGet(q, 'doctype') ?? '').toUpperCase();
  const docNo = String(ciGet(q, 'docnum') ?? '').trim();
  const docDate = String(ciGet(q, 'docdate') ?? '').trim();
  if (!docType || !docNo || !docDate) return fail(c, [err('2142', 'Incomplete request parameters')]);
  if (!['INV', 'CRN', 'DBN'].includes(docType)) return fail(c, [err('2161', 'Invalid Document Type')]);
  if (!parseDocDate(docDate)) return fail(c, [err('2144', 'Document date should be in the format (dd/MM/yyyy)')]);
  const owner = (header(c, 'sup_gstin') ?? auth.gstin).toUpperCase();
  const row = ctx.store.byDoc(owner, financialYear(docDate), docType, docNo);
  const problem = retrievable(ctx, row, owner);
  return problem ? fail(c, [problem]) : ok(c, responseOf(row!), auth.sek);
}

export async function handleCancel(ctx: OfflineContext, c: Context) {
  const auth = authorise(ctx, c);
  if (isWireError(auth)) return fail(c, [auth]);
  const read = await readEncryptedBody(c, auth.sek);
  if ('error' in read) return fail(c, [read.error]);
  const irn = String(ciGet(read.body, 'Irn') ?? '').trim().toLowerCase();
  const reason = String(ciGet(read.body, 'CnlRsn') ?? '').trim();
  const remark = String(ciGet(read.body, 'CnlRem') ?? '');
  const errors: WireError[] = [];
  if (!/^[0-9a-f]{64}$/.test(irn)) errors.push(err('2145', 'IRN is not valid'));
  if (!['1', '2', '3', '4'].includes(reason)) errors.push(err('2140', 'CnlRsn: the cancel reason must be 1, 2, 3 or 4'));
  if (remark.length > 100) errors.push(err('2140', 'CnlRem: the cancel remark must be at most 100 characters'));
  if (errors.length) return fail(c, errors);

  const row = ctx.store.irn(irn);
  if (!row) return fail(c, [err('2154', 'IRN details are not found')]);
  if (row.seller_gstin !== (header(c, 'sup_gstin') ?? auth.gstin).toUpperCase()) {
    return fail(c, [err('2143', 'Invoice does not belongs to the user GSTIN')]);
  }
  if (row.status === 'CNL') return fail(c, [err('9999', 'Invoice is not active')]);
  if (row.ewb_no !== null && row.ewb_status === 'ACT') {
    return fail(c, [err('2230', 'This IRN cannot be cancelled because e-way bill has been generated , you can cancel e-way bill and then try cancelling IRN')]);
  }
  const now = ctx.clock.now();
  if (now.getTime() - row.ack_at > CANCEL_WINDOW_MS) {
    return fail(c, [err('2270', 'The allowed cancellation time limit is crossed, you cannot cancel the IRN.')]);
  }
  const cancelDate = formatIstDateTime(now);
  ctx.store.cancelIrn(irn, cancelDate);
  return ok(c, { Irn: irn, CancelDate: cancelDate }, auth.sek);
}
