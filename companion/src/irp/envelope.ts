/**
 * Reading NIC's response envelope `{ Status, Data, ErrorDetails, InfoDtls }` leniently: keys in any
 * case, Status as 1 or "1", ErrorDetails as a list (or, per NIC's prose, a base64/JSON string).
 */
import type { IrpErrorDetail } from './errors';

export interface Envelope {
  ok: boolean;
  data: unknown;
  errors: IrpErrorDetail[];
  info: unknown[] | null;
}

/** Case-insensitive property lookup. */
export function pick(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const rec = obj as Record<string, unknown>;
  if (key in rec) return rec[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(rec)) if (k.toLowerCase() === lower) return rec[k];
  return undefined;
}

function parseMaybeEncoded(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const text = v.trim();
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    } catch {
      return [{ ErrorCode: 'UNKNOWN', ErrorMessage: text.slice(0, 300) }];
    }
  }
}

function toDetails(v: unknown): IrpErrorDetail[] {
  const parsed = parseMaybeEncoded(v);
  const list = Array.isArray(parsed) ? parsed : parsed == null ? [] : [parsed];
  return list.map((e) => ({
    code: String(pick(e, 'ErrorCode') ?? pick(e, 'error_cd') ?? 'UNKNOWN'),
    message: String(pick(e, 'ErrorMessage') ?? pick(e, 'message') ?? ''),
  }));
}

/** True if this JSON looks like a NIC envelope at all. */
export function isEnvelope(json: unknown): boolean {
  return pick(json, 'Status') !== undefined && typeof json === 'object' && json !== null && !Array.isArray(json);
}

export function readEnvelope(json: unknown): Envelope {
  const status = pick(json, 'Status');
  const ok = status === 1 || status === '1';
  const infoRaw = parseMaybeEncoded(pick(json, 'InfoDtls'));
  const info = Array.isArray(infoRaw) ? infoRaw : infoRaw == null ? null : [infoRaw];
  return { ok, data: pick(json, 'Data') ?? null, errors: ok ? [] : toDetails(pick(json, 'ErrorDetails')), info };
}
