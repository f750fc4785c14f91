/** Records an IRP outcome in Odoo: a chatter note (`message_post`), which every Odoo has. */
import type { ErpDocumentRef, ErpEvent, ErpIo, WriteBackOutcome } from '../module';
import { callKw } from './rpc';

function noteFor(event: ErpEvent): string {
  const r = event.result;
  if (event.kind === 'cancelled') return `e-Invoice cancelled at the IRP on ${event.cancelDate}. IRN: ${r.irn}`;
  if (event.kind === 'ewaybill') return `E-way bill generated. EWB No: ${event.ewbNo} · Date: ${event.ewbDt}${event.ewbValidTill ? ` · Valid till: ${event.ewbValidTill}` : ''}`;
  return `e-Invoice registered. IRN: ${r.irn} · Ack No: ${r.ackNo} · Ack Date: ${r.ackDt}`;
}

export async function recordInOdoo(io: ErpIo, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  try {
    await callKw(io, 'account.move', 'message_post', [[ref.id]], { body: noteFor(event), message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
    return { ok: true, method: 'chatter-note', message: 'Logged as a note in the invoice chatter.' };
  } catch (err) {
    return { ok: false, method: 'chatter-note', message: `${(err as Error).message} Note it by hand.` };
  }
}
