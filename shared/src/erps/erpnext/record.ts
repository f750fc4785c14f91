/**
 * Records an IRP outcome in ERPNext so that India Compliance, the printed invoice and the IRP agree.
 * What an ordinary Accounts User may do there (India Compliance 15.25.6, gst_india/utils/e_invoice.py
 * and e_waybill.py; e-Invoice Log grants no write to any role):
 * - generated: `mark_e_invoice_as_generated` (needs submit permission) sets `irn`, einvoice_status
 *   "Manually Generated" and an e-Invoice Log with Ack No/Date, but keeps no signed QR or invoice data.
 *   So the signed result is also attached to the invoice (`upload_file`, needs write permission) as
 *   `e-invoice-<IRN>.json`, which IRN Bridge's print format (print/irn-bridge-e-invoice.html) prints.
 * - cancelled: India Compliance's own cancellation cancels the Sales Invoice too (`_cancel_e_invoice`
 *   ends with `doc.cancel()`), and `mark_e_invoice_as_cancelled` only works on a cancelled invoice; so
 *   the invoice is cancelled (`frappe.client.cancel`), then marked, after attaching `e-invoice-<IRN>-cancelled.json`.
 *   Only an Accounts Manager may cancel a Sales Invoice (ERPNext 15): for an Accounts User the
 *   cancellation is attached and noted on the timeline, with what the manager has to do.
 * - ewaybill: `mark_e_waybill_as_generated`, and `e-waybill-<EwbNo>.json` attached.
 * - ewaybill-cancelled: `mark_e_waybill_as_cancelled` (e_waybill.py; needs cancel permission, as the
 *   desk's own "Mark as Cancelled" does), and `e-waybill-<EwbNo>-cancelled.json` attached; for a user
 *   without that right, a timeline comment saying what an Accounts Manager has to mark.
 * Without India Compliance (no `irn` field), the outcome goes on the timeline through the desk's own
 * `frappe.desk.form.utils.add_comment` (POST /api/resource/Comment needs System Manager).
 */
import type { ErpDocumentRef, ErpEvent, ErpIo, WriteBackOutcome } from '../module';
import { frappeMessage, send } from './desk';
import { indiaComplianceState, type IndiaComplianceState } from './india-compliance';

const IC = 'india_compliance.gst_india.utils';
export const INDIA_COMPLIANCE_METHOD = `${IC}.e_invoice.mark_e_invoice_as_generated`;
/** India Compliance's cancel reasons (constants/e_invoice.py CANCEL_REASON_CODES), by IRP code. */
const CANCEL_REASONS: Record<string, string> = { '1': 'Duplicate', '2': 'Data Entry Mistake', '3': 'Order Cancelled', '4': 'Others' };

export async function recordInErpnext(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  try {
    const ic = await indiaComplianceState(io, ref.name);
    if (event.kind === 'generated') return await generated(io, ref, event, ic);
    if (event.kind === 'cancelled') return await cancelled(io, ref, event, ic);
    if (event.kind === 'ewaybill-cancelled') return await ewaybillCancelled(io, ref, event, ic);
    return await ewaybill(io, ref, event, ic);
  } catch (err) {
    return { ok: false, method: null, message: `${(err as Error).message} Note it on the invoice by hand.` };
  }
}

type Ev<K extends ErpEvent['kind']> = Extract<ErpEvent, { kind: K }>;

async function call(io: ErpIo, method: string, args: Record<string, unknown>): Promise<{ ok: boolean; why: string; status: number }> {
  const res = await send(io, 'POST', `/api/method/${method}`, args);
  return { ok: res.ok, why: res.ok ? '' : await frappeMessage(res), status: res.status };
}

/** Attaches `content` to the invoice as a private JSON file, as the desk's Attach does (once: a replay finds it there). */
async function attach(io: ErpIo, name: string, fileName: string, content: unknown): Promise<{ ok: boolean; why: string }> {
  const filters = JSON.stringify([['attached_to_doctype', '=', 'Sales Invoice'], ['attached_to_name', '=', name], ['file_name', '=', fileName]]);
  const count = await io.fetch(`${io.origin}/api/method/frappe.client.get_count?${new URLSearchParams({ doctype: 'File', filters })}`, { credentials: 'include', headers: { Accept: 'application/json' } })
    .then(async (r) => (r.ok ? Number(((await r.json()) as { message?: unknown }).message ?? 0) : 0))
    .catch(() => 0);
  if (count > 0) return { ok: true, why: '' };
  const form = new FormData();
  form.append('file', new Blob([JSON.stringify(content, null, 1)], { type: 'application/json' }), fileName);
  form.append('is_private', '1');
  form.append('doctype', 'Sales Invoice');
  form.append('docname', name);
  form.append('folder', 'Home/Attachments');
  const res = await send(io, 'POST', '/api/method/upload_file', form);
  return { ok: res.ok, why: res.ok ? '' : await frappeMessage(res) };
}

/** A timeline comment, as the desk adds one (frappe/desk/form/utils.py add_comment: read permission is enough). */
export async function addComment(io: ErpIo, name: string, content: string): Promise<{ ok: boolean; why: string; status: number }> {
  const user = await io.fetch(`${io.origin}/api/method/frappe.auth.get_logged_user`, { credentials: 'include', headers: { Accept: 'application/json' } })
    .then(async (r) => (r.ok ? String(((await r.json()) as { message?: string }).message ?? '') : ''))
    .catch(() => '');
  const fullName = /(?:^|;\s*)full_name=([^;]*)/.exec(io.document?.cookie ?? '')?.[1];
  return call(io, 'frappe.desk.form.utils.add_comment', {
    reference_doctype: 'Sales Invoice', reference_name: name, content, comment_email: user, comment_by: fullName ? decodeURIComponent(fullName) : user,
  });
}

function outcome(method: string, parts: { ok: boolean; why: string; done: string; failed: string }[]): WriteBackOutcome {
  const failed = parts.filter((p) => !p.ok);
  if (!failed.length) return { ok: true, method, message: parts.map((p) => p.done).join(' ') };
  return { ok: false, method, message: [...parts.filter((p) => p.ok).map((p) => p.done), ...failed.map((p) => `${p.failed} (${p.why}).`)].join(' ') };
}

async function generated(io: ErpIo, ref: ErpDocumentRef, event: Ev<'generated'>, ic: IndiaComplianceState): Promise<WriteBackOutcome> {
  const r = event.result;
  const file = await attach(io, ref.name, `e-invoice-${r.irn}.json`, {
    Irn: r.irn, AckNo: r.ackNo, AckDt: r.ackDt, Status: 'ACT', SignedQRCode: r.signedQrCode, SignedInvoice: r.signedInvoice,
    ...(r.ewbNo ? { EwbNo: r.ewbNo, EwbDt: r.ewbDt ?? null, EwbValidTill: r.ewbValidTill ?? null } : {}),
  });
  const qr = { ...file, done: 'The signed QR code is attached for the printed invoice (print format "IRN Bridge e-Invoice").', failed: 'The signed QR code could not be attached, so the printed invoice has no QR' };
  if (ic.installed) {
    const marked = ic.irn === r.irn ? { ok: true, why: '', status: 200 } : await call(io, INDIA_COMPLIANCE_METHOD, { doctype: 'Sales Invoice', docname: ref.name, values: { irn: r.irn, ack_no: r.ackNo, ack_dt: r.ackDt } });
    if (marked.ok) return outcome('india-compliance', [{ ...marked, done: 'Recorded on the invoice by India Compliance.', failed: '' }, qr]);
    const noted = await addComment(io, ref.name, `e-Invoice registered. IRN: ${r.irn} | Ack No: ${r.ackNo} | Ack Date: ${r.ackDt}`);
    return outcome('comment', [{ ok: false, why: marked.why, done: '', failed: 'India Compliance refused to record the IRN' }, { ...noted, done: 'Added as a comment on the invoice.', failed: 'The comment was refused too' }, qr]);
  }
  const noted = await addComment(io, ref.name, `e-Invoice registered. IRN: ${r.irn} | Ack No: ${r.ackNo} | Ack Date: ${r.ackDt}`);
  return outcome('comment', [{ ...noted, done: 'Added as a comment on the invoice.', failed: 'ERPNext refused the comment' }, qr]);
}

async function cancelled(io: ErpIo, ref: ErpDocumentRef, event: Ev<'cancelled'>, ic: IndiaComplianceState): Promise<WriteBackOutcome> {
  const r = event.result;
  const reason = CANCEL_REASONS[event.reason] ?? 'Others';
  const file = await attach(io, ref.name, `e-invoice-${r.irn}-cancelled.json`, { Irn: r.irn, Status: 'CNL', CancelDate: event.cancelDate, CancelReason: reason, CancelRemark: event.remark });
  const note = { ...file, done: 'The cancellation is attached for the printed invoice.', failed: 'The cancellation could not be attached for the printed invoice' };
  if (!ic.installed) {
    const noted = await addComment(io, ref.name, `e-Invoice cancelled at the IRP on ${event.cancelDate} (${reason}${event.remark ? `: ${event.remark}` : ''}). IRN: ${r.irn}`);
    return outcome('comment', [{ ...noted, done: 'Added as a comment on the invoice.', failed: 'ERPNext refused the comment' }, note]);
  }
  if (ic.docstatus === 1) {
    const c = await call(io, 'frappe.client.cancel', { doctype: 'Sales Invoice', name: ref.name });
    if (!c.ok && c.status === 403) {
      // ERPNext 15 lets only an Accounts Manager cancel a Sales Invoice (sales_invoice.json), and India
      // Compliance's cancel and "Mark as Cancelled" need that same right: note it where the user may.
      const noted = await addComment(io, ref.name, `e-Invoice cancelled at the IRP on ${event.cancelDate} (${reason}${event.remark ? `: ${event.remark}` : ''}). IRN: ${r.irn}. An Accounts Manager should cancel this Sales Invoice in ERPNext, then choose e-Invoice → Mark as Cancelled.`);
      return outcome('comment', [note, { ...noted, done: 'Noted on the invoice; cancelling the Sales Invoice itself needs an Accounts Manager, then e-Invoice → Mark as Cancelled.', failed: 'ERPNext refused the comment' }]);
    }
    if (!c.ok) {
      return outcome('india-compliance', [note, { ...c, done: '', failed: `The IRN is cancelled at the IRP, but ERPNext did not cancel the Sales Invoice; cancel it, then choose e-Invoice → Mark as Cancelled` }]);
    }
  }
  const marked = ic.irn === '' && ic.docstatus === 2 ? { ok: true, why: '', status: 200 } : await call(io, `${IC}.e_invoice.mark_e_invoice_as_cancelled`, {
    doctype: 'Sales Invoice', docname: ref.name, values: { reason, remark: event.remark || reason, cancelled_on: event.cancelDate },
  });
  return outcome('india-compliance', [{ ...marked, done: 'The Sales Invoice and its e-Invoice are cancelled in ERPNext, as India Compliance does.', failed: 'India Compliance refused to mark the e-Invoice as cancelled' }, note]);
}

/** India Compliance's e-way bill cancel reasons (constants/e_waybill.py), by the e-way bill system's code. */
const EWB_CANCEL_REASONS: Record<string, string> = { '1': 'Duplicate', '2': 'Order Cancelled', '3': 'Data Entry Mistake', '4': 'Others' };

async function ewaybillCancelled(io: ErpIo, ref: ErpDocumentRef, event: Ev<'ewaybill-cancelled'>, ic: IndiaComplianceState): Promise<WriteBackOutcome> {
  const reason = EWB_CANCEL_REASONS[event.reason] ?? 'Others';
  const file = await attach(io, ref.name, `e-waybill-${event.ewbNo}-cancelled.json`, { EwbNo: event.ewbNo, Status: 'CNL', CancelDate: event.cancelDate, CancelReason: reason, CancelRemark: event.remark, IrnOfInvoice: event.result.irn });
  const note = { ...file, done: 'The e-way bill\'s cancellation is attached to the invoice.', failed: 'The cancellation could not be attached to the invoice' };
  const text = `E-way bill ${event.ewbNo} cancelled on ${event.cancelDate} (${reason}${event.remark ? `: ${event.remark}` : ''}). The IRN ${event.result.irn} is still registered.`;
  if (ic.installed && ic.ewaybill === event.ewbNo) {
    const marked = await call(io, `${IC}.e_waybill.mark_e_waybill_as_cancelled`, {
      doctype: 'Sales Invoice', docname: ref.name, values: { reason, remark: event.remark || reason, cancelled_on: event.cancelDate },
    });
    if (marked.ok) return outcome('india-compliance', [{ ...marked, done: 'The e-way bill is marked cancelled by India Compliance.', failed: '' }, note]);
    if (marked.status === 403) {
      const noted = await addComment(io, ref.name, `${text} An Accounts Manager should choose e-Waybill → Mark as Cancelled on this invoice.`);
      return outcome('comment', [note, { ...noted, done: 'Noted on the invoice; marking the e-way bill cancelled in India Compliance needs an Accounts Manager (e-Waybill → Mark as Cancelled).', failed: 'ERPNext refused the comment' }]);
    }
    return outcome('india-compliance', [note, { ...marked, done: '', failed: 'India Compliance refused to mark the e-way bill as cancelled' }]);
  }
  const noted = await addComment(io, ref.name, text);
  return outcome('comment', [{ ...noted, done: 'Added as a comment on the invoice.', failed: 'ERPNext refused the comment' }, note]);
}

async function ewaybill(io: ErpIo, ref: ErpDocumentRef, event: Ev<'ewaybill'>, ic: IndiaComplianceState): Promise<WriteBackOutcome> {
  const file = await attach(io, ref.name, `e-waybill-${event.ewbNo}.json`, { EwbNo: event.ewbNo, EwbDt: event.ewbDt, EwbValidTill: event.ewbValidTill, IrnOfInvoice: event.result.irn });
  const note = { ...file, done: 'The e-way bill is attached for the printed invoice.', failed: 'The e-way bill could not be attached for the printed invoice' };
  if (ic.installed) {
    const marked = await call(io, `${IC}.e_waybill.mark_e_waybill_as_generated`, {
      doctype: 'Sales Invoice', docname: ref.name, values: { ewaybill: event.ewbNo, e_waybill_date: event.ewbDt, valid_upto: event.ewbValidTill },
    });
    if (marked.ok) return outcome('india-compliance', [{ ...marked, done: 'Recorded on the invoice by India Compliance.', failed: '' }, note]);
  }
  const noted = await addComment(io, ref.name, `E-way bill generated. EWB No: ${event.ewbNo} | Date: ${event.ewbDt}${event.ewbValidTill ? ` | Valid till: ${event.ewbValidTill}` : ''}`);
  return outcome('comment', [{ ...noted, done: 'Added as a comment on the invoice.', failed: 'ERPNext refused the comment' }, note]);
}
