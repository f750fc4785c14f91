/**
 * Writes an IRP outcome back to Odoo. With l10n_in_edi installed, as that module records its own
 * (edi.ts), so Odoo's invoice shows the IRN and QR and Odoo will not register it again. Without it,
 * the IRP's response as a JSON attachment, the signed QR as a PNG attachment, and a chatter note.
 * Every outcome also gets a chatter note, so the clerk sees who recorded what.
 */
import type { ErpDocumentRef, ErpEvent, ErpIo, WriteBackOutcome } from '../module';
import { attachJson, irpResponseJson, odooJsonFileName, recordCancelledInEdi, recordGeneratedInEdi } from './edi';
import { fieldsFor } from './fields';
import type { OdooAccountMove } from './records';
import { callKw, readRecords } from './rpc';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function noteFor(event: ErpEvent): string {
  const r = event.result;
  if (event.kind === 'cancelled') return `e-Invoice cancelled at the IRP on ${event.cancelDate}. IRN: ${r.irn}`;
  if (event.kind === 'ewaybill-cancelled') return `E-way bill ${event.ewbNo} cancelled on ${event.cancelDate}${event.remark ? ` (${event.remark})` : ''}. The IRN ${r.irn} is still registered.`;
  if (event.kind === 'ewaybill') return `E-way bill generated. EWB No: ${event.ewbNo} · Date: ${event.ewbDt}${event.ewbValidTill ? ` · Valid till: ${event.ewbValidTill}` : ''}`;
  return `e-Invoice registered. IRN: ${r.irn} · Ack No: ${r.ackNo} · Ack Date: ${r.ackDt}`;
}

async function note(io: ErpIo, moveId: number, body: string, attachmentIds: number[] = []): Promise<void> {
  await callKw(io, 'account.move', 'message_post', [[moveId]], {
    body: `<p>${escapeHtml(body)}</p>`, message_type: 'comment', subtype_xmlid: 'mail.mt_note',
    ...(attachmentIds.length ? { attachment_ids: attachmentIds } : {}),
  });
}

async function attachQrPng(io: ErpIo, move: OdooAccountMove, signedQr: string): Promise<number | null> {
  // Made outside the page (ErpIo.qrPngBase64): the QR encoder is not in the content script.
  const png = io.qrPngBase64 ? await io.qrPngBase64(signedQr).catch(() => null) : null;
  if (!png) return null;
  const ids = await callKw<number[] | number>(io, 'ir.attachment', 'create', [[{
    name: `${move.name.replace(/\//g, '_')}_einvoice_qr.png`, datas: png, res_model: 'account.move', res_id: move.id, mimetype: 'image/png',
  }]]);
  return Array.isArray(ids) ? ids[0] : ids;
}

async function recordEvent(io: ErpIo, move: OdooAccountMove, event: ErpEvent): Promise<WriteBackOutcome> {
  const text = noteFor(event);
  if (event.kind === 'generated') {
    if (await recordGeneratedInEdi(io, move, event.result)) {
      await note(io, move.id, text);
      return { ok: true, method: 'l10n_in_edi', message: "Recorded as Odoo's own e-invoice: the printed invoice shows the IRN, Ack No/Date and the QR code." };
    }
    const json = await attachJson(io, move.id, odooJsonFileName(move.name, 'einvoice'), irpResponseJson(event.result));
    const png = await attachQrPng(io, move, event.result.signedQrCode);
    await note(io, move.id, text, png === null ? [json] : [json, png]);
    return {
      ok: true, method: 'attachments',
      message: png === null
        ? "Logged in the chatter with the IRP's response attached; print the QR code from IRN Bridge."
        : "Logged in the chatter with the IRP's response and the signed QR code (PNG) attached.",
    };
  }
  if (event.kind === 'cancelled') {
    if (await recordCancelledInEdi(io, move, event.result.irn, event.cancelDate, event.reason, event.remark)) {
      await note(io, move.id, text);
      return { ok: true, method: 'l10n_in_edi', message: "Recorded as Odoo's own e-invoice cancellation; Odoo has cancelled the invoice too." };
    }
    const json = await attachJson(io, move.id, odooJsonFileName(move.name, 'cancel_einvoice'), { Irn: event.result.irn, CancelDate: event.cancelDate });
    await note(io, move.id, text, [json]);
    return { ok: true, method: 'attachments', message: 'Logged in the chatter. Cancel the invoice in Odoo too if it is void (Cancel Entry).' };
  }
  if (event.kind === 'ewaybill-cancelled') {
    // Odoo 17's l10n_in_edi_ewaybill is not installed here: the chatter and an attachment hold it, as for the e-way bill itself.
    const json = await attachJson(io, move.id, odooJsonFileName(move.name, 'cancel_ewaybill'), { EwbNo: event.ewbNo, CancelDate: event.cancelDate, CancelRsnCode: event.reason, CancelRmrk: event.remark });
    await note(io, move.id, text, [json]);
    return { ok: true, method: 'attachments', message: "Logged in the chatter with the e-way bill's cancellation attached." };
  }
  const json = await attachJson(io, move.id, odooJsonFileName(move.name, 'ewaybill'), { EwbNo: event.ewbNo, EwbDt: event.ewbDt, EwbValidTill: event.ewbValidTill });
  await note(io, move.id, text, [json]);
  return { ok: true, method: 'attachments', message: 'Logged in the chatter with the e-way bill attached.' };
}

export async function recordInOdoo(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  try {
    const fields = (await fieldsFor(io, 'account.move')).filter((f) => ['name', 'state', 'edi_document_ids', 'l10n_in_edi_status'].includes(f));
    const [move] = await readRecords<OdooAccountMove>(io, 'account.move', [ref.id!], fields);
    if (!move) return { ok: false, method: null, message: `Odoo has no invoice with id ${ref.id}; note it by hand.` };
    return await recordEvent(io, move, event);
  } catch (err) {
    const what = event.kind === 'generated' ? 'the IRN' : event.kind === 'cancelled' ? 'the cancellation'
      : event.kind === 'ewaybill-cancelled' ? "the e-way bill's cancellation" : 'the e-way bill';
    return { ok: false, method: null, message: `${(err as Error).message} Note ${what} on the invoice by hand.` };
  }
}
