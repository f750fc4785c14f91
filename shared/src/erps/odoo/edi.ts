/**
 * Odoo's own e-invoice record, when l10n_in_edi is installed, read and written the way that module
 * does it, so its printed invoice shows the IRN, Ack No/Date and the signed QR and it never sends
 * the invoice to the IRP again (IRP 2150):
 * - 17.0 (account_edi): an `account.edi.document` of format `in_einvoice_1_03` in state `sent`
 *   whose attachment holds the IRP's response JSON (`<name>_einvoice.json`, see
 *   addons/l10n_in_edi/models/account_edi_format.py `_l10n_in_edi_post_invoice`); the report reads
 *   it back with `_get_l10n_in_edi_response_json` (views/edi_pdf_report.xml). On cancellation the
 *   document goes to `cancelled` and the move is reset and cancelled
 *   (account_edi/models/account_edi_document.py `_postprocess_cancel_edi_results`).
 * - 18.0: `l10n_in_edi_status` and the binary `l10n_in_edi_attachment_file` on the move itself.
 */
import type { EInvoiceResult } from '../../api/contract';
import type { ErpIo } from '../module';
import { base64ToText, textToBase64 } from './base64';
import { fieldsFor, hasField } from './fields';
import type { OdooAccountMove, OdooEdiState } from './records';
import { callKw, readRecords } from './rpc';

export const IN_EINVOICE_FORMAT = 'in_einvoice_1_03';

interface EdiDocument { id: number; edi_format_id: [number, string] | false; state: string; attachment_id: [number, string] | false }

/** The IRP's response as l10n_in_edi stores it (NIC's decrypted `Data`). */
export function irpResponseJson(r: EInvoiceResult): Record<string, unknown> {
  const ackNo = /^\d{1,15}$/.test(r.ackNo) ? Number(r.ackNo) : r.ackNo;
  return {
    AckNo: ackNo, AckDt: r.ackDt, Irn: r.irn, SignedInvoice: r.signedInvoice, SignedQRCode: r.signedQrCode,
    Status: r.status === 'CNL' ? 'CNL' : 'ACT', EwbNo: r.ewbNo ?? null, EwbDt: r.ewbDt ?? null, EwbValidTill: r.ewbValidTill ?? null, Remarks: null,
  };
}

/** The id of Odoo's Indian e-invoice format, or null when l10n_in_edi (17.0) is not installed. */
async function einvoiceFormatId(io: ErpIo): Promise<number | null> {
  if (!(await hasField(io, 'account.move', 'edi_document_ids'))) return null;
  // account_edi without l10n_in_edi has no such format; a server without account_edi has no such model.
  const ids = await callKw<number[]>(io, 'account.edi.format', 'search', [[['code', '=', IN_EINVOICE_FORMAT]]], { limit: 1 }).catch(() => []);
  return ids[0] ?? null;
}

async function einvoiceDocument(io: ErpIo, move: Pick<OdooAccountMove, 'id' | 'edi_document_ids'>, formatId: number): Promise<EdiDocument | null> {
  const docs = await readRecords<EdiDocument>(io, 'account.edi.document', move.edi_document_ids ?? [], await fieldsFor(io, 'account.edi.document'));
  return docs.find((d) => Array.isArray(d.edi_format_id) && d.edi_format_id[0] === formatId) ?? null;
}

async function attachmentJson(io: ErpIo, id: number): Promise<Record<string, unknown> | null> {
  const [a] = await readRecords<{ datas: string | false }>(io, 'ir.attachment', [id], ['datas']);
  try {
    return a?.datas ? (JSON.parse(base64ToText(a.datas)) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What Odoo's own e-invoice module holds for this move; null when it is not installed. */
export async function odooEdiState(io: ErpIo, move: OdooAccountMove): Promise<OdooEdiState | null> {
  try {
    if (move.l10n_in_edi_status !== undefined) {
      const file = typeof move.l10n_in_edi_attachment_file === 'string' ? move.l10n_in_edi_attachment_file : '';
      let irn: string | null = null;
      try { irn = file ? String((JSON.parse(base64ToText(file)) as { Irn?: string }).Irn ?? '') || null : null; } catch { irn = null; }
      return { flavour: '18', state: move.l10n_in_edi_status || null, irn };
    }
    const formatId = await einvoiceFormatId(io);
    if (formatId === null) return null;
    const doc = await einvoiceDocument(io, move, formatId);
    if (!doc) return { flavour: '17', state: null, irn: null };
    const registered = doc.state === 'sent' || doc.state === 'to_cancel';
    const json = registered && doc.attachment_id ? await attachmentJson(io, doc.attachment_id[0]) : null;
    return { flavour: '17', state: doc.state, irn: typeof json?.Irn === 'string' ? json.Irn : null };
  } catch {
    return null; // Reading Odoo's EDI state is a nicety; the registration does not depend on it.
  }
}

const fileName = (moveName: string, suffix: string) => `${moveName.replace(/\//g, '_')}_${suffix}.json`;

export async function attachJson(io: ErpIo, moveId: number, name: string, json: unknown): Promise<number> {
  const ids = await callKw<number[] | number>(io, 'ir.attachment', 'create', [[{
    name, datas: textToBase64(JSON.stringify(json)), res_model: 'account.move', res_id: moveId, mimetype: 'application/json',
  }]]);
  return Array.isArray(ids) ? ids[0] : ids;
}

/** Records a registration as l10n_in_edi does. Returns false when that module is not installed here. */
export async function recordGeneratedInEdi(io: ErpIo, move: OdooAccountMove, result: EInvoiceResult): Promise<boolean> {
  const response = irpResponseJson(result);
  if (await hasField(io, 'account.move', 'l10n_in_edi_status')) {
    await callKw(io, 'account.move', 'write', [[move.id], { l10n_in_edi_attachment_file: textToBase64(JSON.stringify(response)), l10n_in_edi_status: 'sent' }]);
    return true;
  }
  const formatId = await einvoiceFormatId(io);
  if (formatId === null) return false;
  const attachmentId = await attachJson(io, move.id, fileName(move.name, 'einvoice'), response);
  const doc = await einvoiceDocument(io, move, formatId);
  const values = { state: 'sent', attachment_id: attachmentId, error: false, blocking_level: false };
  if (doc) await callKw(io, 'account.edi.document', 'write', [[doc.id], values]);
  else await callKw(io, 'account.edi.document', 'create', [[{ move_id: move.id, edi_format_id: formatId, ...values }]]);
  return true;
}

/** Records a cancellation as l10n_in_edi does: reason and remarks on the move, the document cancelled, the move cancelled. */
export async function recordCancelledInEdi(
  io: ErpIo, move: OdooAccountMove, irn: string, cancelDate: string, reason: string, remark: string,
): Promise<boolean> {
  const is18 = await hasField(io, 'account.move', 'l10n_in_edi_status');
  const formatId = is18 ? null : await einvoiceFormatId(io);
  if (!is18 && formatId === null) return false;
  await callKw(io, 'account.move', 'write', [[move.id], { l10n_in_edi_cancel_reason: reason, l10n_in_edi_cancel_remarks: remark }]);
  if (is18) {
    await callKw(io, 'account.move', 'write', [[move.id], { l10n_in_edi_status: 'cancelled' }]);
  } else {
    // Odoo keeps the cancel response on the move and unlinks it from the document.
    await attachJson(io, move.id, fileName(move.name, 'cancel_einvoice'), { Irn: irn, CancelDate: cancelDate });
    const doc = await einvoiceDocument(io, move, formatId!);
    const values = { state: 'cancelled', attachment_id: false, error: false, blocking_level: false };
    if (doc) await callKw(io, 'account.edi.document', 'write', [[doc.id], values]);
    else await callKw(io, 'account.edi.document', 'create', [[{ move_id: move.id, edi_format_id: formatId, ...values }]]);
  }
  if (move.state === 'posted') {
    await callKw(io, 'account.move', 'button_draft', [[move.id]]);
    await callKw(io, 'account.move', 'button_cancel', [[move.id]]);
  }
  return true;
}

export { fileName as odooJsonFileName };
