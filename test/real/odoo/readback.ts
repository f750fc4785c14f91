/** Reads back from the real Odoo what the module recorded: EDI documents, attachments, notes, the report HTML. */
import type { OdooRpc } from './rpc';

export interface EdiReadBack {
  state: string | null;
  /** The IRP response JSON in the document's attachment (what Odoo's report prints). */
  response: Record<string, unknown> | null;
}

export async function einvoiceDocument(rpc: OdooRpc, moveId: number): Promise<EdiReadBack> {
  const docs = await rpc.searchRead<{ state: string; attachment_id: [number, string] | false }>(
    'account.edi.document', [['move_id', '=', moveId], ['edi_format_id.code', '=', 'in_einvoice_1_03']], ['state', 'attachment_id']);
  if (!docs.length) return { state: null, response: null };
  const [doc] = docs;
  if (!doc.attachment_id) return { state: doc.state, response: null };
  const [a] = await rpc.read<{ datas: string }>('ir.attachment', [doc.attachment_id[0]], ['datas']);
  return { state: doc.state, response: JSON.parse(Buffer.from(a.datas, 'base64').toString('utf8')) };
}

export async function attachments(rpc: OdooRpc, moveId: number): Promise<{ name: string; mimetype: string; text: string; bytes: Buffer }[]> {
  const rows = await rpc.searchRead<{ name: string; mimetype: string; datas: string }>(
    'ir.attachment', [['res_model', '=', 'account.move'], ['res_id', '=', moveId]], ['name', 'mimetype', 'datas'], { order: 'id' });
  return rows.map((r) => {
    const bytes = Buffer.from(r.datas || '', 'base64');
    return { name: r.name, mimetype: r.mimetype, bytes, text: r.mimetype.startsWith('application/json') ? bytes.toString('utf8') : '' };
  });
}

export async function notes(rpc: OdooRpc, moveId: number): Promise<string[]> {
  const rows = await rpc.searchRead<{ body: string }>('mail.message', [['model', '=', 'account.move'], ['res_id', '=', moveId], ['message_type', '=', 'comment']], ['body'], { order: 'id' });
  return rows.map((r) => r.body);
}

/** The invoice report as HTML (`/report/html/account.report_invoice/<id>`), what Print shows. */
export async function reportHtml(rpc: OdooRpc, moveId: number): Promise<string> {
  const { status, html } = await rpc.page(`/report/html/account.report_invoice/${moveId}`);
  if (status !== 200) throw new Error(`The invoice report answered HTTP ${status}`);
  return html;
}
