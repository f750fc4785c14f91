/**
 * What IRN Bridge (or Odoo's own l10n_in_edi) has recorded on a move, so the panel can compare it
 * with the ledger (erps/drift.ts). Without an e-way bill module (l10n_in_edi_ewaybill is not in this
 * Odoo) and without l10n_in_edi, the only record is record.ts's JSON attachments, by their names.
 */
import type { ErpIo, ErpRecorded } from '../module';
import { base64ToText } from './base64';
import { odooJsonFileName } from './edi';
import type { OdooAccountMove, OdooEdiState } from './records';
import { callKw } from './rpc';

export interface OdooWrittenBack {
  /** The IRNs of `<name>_einvoice.json` and `<name>_cancel_einvoice.json`, the e-way bills of the two e-way bill files; oldest first. */
  registered: string[];
  cancelled: string[];
  ewaybills: string[];
  ewbCancelled: string[];
}

const SUFFIXES = { einvoice: 'registered', cancel_einvoice: 'cancelled', ewaybill: 'ewaybills', cancel_ewaybill: 'ewbCancelled' } as const;

/** Null when the attachments cannot be read (then the panel only compares the IRN). */
export async function readWrittenBack(io: ErpIo, move: Pick<OdooAccountMove, 'id' | 'name'>): Promise<OdooWrittenBack | null> {
  try {
    const names = Object.keys(SUFFIXES).map((s) => odooJsonFileName(move.name, s));
    const rows = await callKw<{ name: string; datas: string | false }[]>(io, 'ir.attachment', 'search_read',
      [[['res_model', '=', 'account.move'], ['res_id', '=', move.id], ['name', 'in', names]]], { fields: ['name', 'datas'], order: 'id asc' });
    const out: OdooWrittenBack = { registered: [], cancelled: [], ewaybills: [], ewbCancelled: [] };
    for (const row of rows) {
      const suffix = (Object.keys(SUFFIXES) as (keyof typeof SUFFIXES)[]).find((s) => row.name === odooJsonFileName(move.name, s));
      if (!suffix || !row.datas) continue;
      let json: { Irn?: unknown; EwbNo?: unknown };
      try { json = JSON.parse(base64ToText(row.datas)) as typeof json; } catch { continue; }
      const key = suffix === 'einvoice' || suffix === 'cancel_einvoice' ? json.Irn : json.EwbNo;
      if (key !== undefined && key !== null && key !== '') out[SUFFIXES[suffix]].push(String(key));
    }
    return out;
  } catch {
    return null;
  }
}

/** What Odoo shows: l10n_in_edi's state first, then IRN Bridge's attachments. */
export function odooRecorded(edi: OdooEdiState | null | undefined, wb: OdooWrittenBack | null | undefined): ErpRecorded | null {
  if (!wb && !edi) return null;
  const last = (a: string[] | undefined) => (a?.length ? a[a.length - 1] : null);
  const ediValid = edi && (edi.state === 'sent' || edi.state === 'to_cancel') ? edi.irn : null;
  const attached = last(wb?.registered);
  const cancelledIrn = last(wb?.cancelled);
  const irn = ediValid ?? attached;
  const irnCancelled = edi?.state === 'cancelled' || (cancelledIrn !== null && (irn === null || cancelledIrn === irn));
  const ewb = last(wb?.ewaybills);
  const ewbGone = ewb !== null && !!wb?.ewbCancelled.includes(ewb);
  return {
    irn: irnCancelled && !ediValid ? null : irn,
    irnCancelled,
    cancelledIrn: cancelledIrn ?? (edi?.state === 'cancelled' ? edi.irn : null),
    ewbNo: ewbGone ? null : ewb,
    ewbCancelled: ewbGone || !!wb?.ewbCancelled.length,
    cancelledEwbNo: last(wb?.ewbCancelled),
  };
}
