/** NIC's wire conventions on the server side: the envelope, lenient headers, encrypted bodies. */
import type { Context } from 'hono';
import { decryptJson, encryptJson } from '../irp/crypto';

export interface WireError {
  code: string;
  message: string;
}

/** Header by NIC name, accepting `_` or `-` spellings in any case (Headers are case-insensitive). */
export function header(c: Context, name: string): string | undefined {
  const v = c.req.header(name) ?? c.req.header(name.replace(/_/g, '-')) ?? c.req.header(name.replace(/-/g, '_'));
  return v === undefined || v === '' ? undefined : v;
}

/** Success: Data encrypted under the SEK (or plain when no SEK, as for auth). HTTP 200. */
export function ok(c: Context, data: unknown, sek: Buffer | null, info: unknown[] | null = null) {
  return c.json({ Status: 1, Data: sek ? encryptJson(sek, data) : data, ErrorDetails: null, InfoDtls: info });
}

/** Business failure: plain ErrorDetails (several at once allowed), HTTP 200 like the IRP. */
export function fail(c: Context, errors: WireError[], info: unknown[] | null = null) {
  return c.json({
    Status: 0,
    Data: null,
    ErrorDetails: errors.map((e) => ({ ErrorCode: e.code, ErrorMessage: e.message })),
    InfoDtls: info,
  });
}

export function err(code: string, message: string): WireError {
  return { code, message };
}

/** Reads `{"Data": "..."}` and decrypts it with the SEK; a WireError when that is not possible. */
export async function readEncryptedBody(c: Context, sek: Buffer): Promise<{ body: unknown } | { error: WireError }> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return { error: err('2255', 'Requested Payload is empty') };
  }
  const data = ciGet(json, 'Data');
  if (typeof data !== 'string' || data === '') return { error: err('2255', 'Requested Payload is empty') };
  try {
    return { body: decryptJson(sek, data) };
  } catch {
    return { error: err('2140', 'Error while validating invoice: the payload could not be decrypted with the session key') };
  }
}

/** Case-insensitive property read. */
export function ciGet(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const rec = obj as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(rec, key)) return rec[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(rec)) if (k.toLowerCase() === lower) return rec[k];
  return undefined;
}
