/**
 * Records an IRP outcome in ERPNext. Best first: India Compliance's method, else the doctype's own
 * irn fields, else a Comment on the invoice's timeline.
 */
import type { ErpDocumentRef, ErpEvent, ErpIo, WriteBackOutcome } from '../module';
import { getJson, invoicePath, send } from './desk';
import type { ErpnextSalesInvoice } from './records';

export const INDIA_COMPLIANCE_METHOD = 'india_compliance.gst_india.utils.e_invoice.mark_e_invoice_as_generated';

function commentFor(event: ErpEvent): string {
  const r = event.result;
  if (event.kind === 'cancelled') return `e-Invoice cancelled at the IRP on ${event.cancelDate}. IRN: ${r.irn}`;
  if (event.kind === 'ewaybill') return `E-way bill generated. EWB No: ${event.ewbNo} | Date: ${event.ewbDt}${event.ewbValidTill ? ` | Valid till: ${event.ewbValidTill}` : ''}`;
  return `e-Invoice registered. IRN: ${r.irn} | Ack No: ${r.ackNo} | Ack Date: ${r.ackDt}`;
}

export async function recordInErpnext(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  try {
    return await record(io, ref, event);
  } catch (err) {
    return { ok: false, method: null, message: `${(err as Error).message} Note it by hand.` };
  }
}

async function record(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  const result = event.result;
  const invoice = await getJson<ErpnextSalesInvoice>(io, invoicePath(ref.name));
  if (event.kind === 'generated') {
    // 1. India Compliance installed (its custom field exists): let it record the IRN its own way.
    if ('einvoice_status' in invoice) {
      const values = { irn: result.irn, ack_no: result.ackNo, ack_dt: result.ackDt, signed_invoice: result.signedInvoice, signed_qr_code: result.signedQrCode };
      const res = await send(io, 'POST', `/api/method/${INDIA_COMPLIANCE_METHOD}`, { doctype: 'Sales Invoice', docname: ref.name, values });
      if (res.ok) return { ok: true, method: 'india-compliance', message: 'Recorded on the invoice by India Compliance.' };
      if (res.status !== 404 && res.status !== 417 && res.status !== 403) {
        return { ok: false, method: 'india-compliance', message: `ERPNext refused to record the IRN (HTTP ${res.status}).` };
      }
    }
    // 2. The doctype has irn fields: set the ones it has.
    const fields: Record<string, string> = {
      irn: result.irn, ack_no: result.ackNo, ack_date: result.ackDt, signed_einvoice: result.signedInvoice, signed_qr_code: result.signedQrCode,
    };
    const own = Object.fromEntries(Object.entries(fields).filter(([k]) => k in invoice));
    if ('irn' in own) {
      const res = await send(io, 'PUT', invoicePath(ref.name), own);
      if (res.ok) return { ok: true, method: 'irn-fields', message: `Saved in the invoice's fields (${Object.keys(own).join(', ')}).` };
    }
  }
  // 3. Always possible: a Comment on the invoice's timeline.
  const res = await send(io, 'POST', '/api/resource/Comment', {
    comment_type: 'Comment', reference_doctype: 'Sales Invoice', reference_name: ref.name, content: commentFor(event),
  });
  if (res.ok) return { ok: true, method: 'comment', message: 'Added as a comment on the invoice.' };
  return { ok: false, method: 'comment', message: `ERPNext refused the comment (HTTP ${res.status}). Note it by hand.` };
}
