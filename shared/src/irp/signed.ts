/**
 * The IRP's signed outputs: SignedQRCode and SignedInvoice are compact JWS (RS256) whose payload is
 * `{"data": "<JSON text>", "iss": "NIC"}`; `data` is a string holding JSON, not an object.
 * Decoding needs no key; verifying needs the IRP's signing certificate or public key (not the
 * auth-encryption key, which is a different key).
 */
import { base64url, compactVerify, importSPKI, importX509 } from 'jose';
import type { CryptoKey } from 'jose';
import type { QrFields } from '../api/contract';
import type { Inv01Invoice } from '../invoice/types';

export interface SignedTokenHeader {
  alg?: string;
  kid?: string;
  typ?: string;
  x5t?: string;
  [k: string]: unknown;
}

export interface SignedToken<T = unknown> {
  header: SignedTokenHeader;
  /** "NIC", "NIC Sandbox", or the offline IRP's name. */
  iss: string | null;
  data: T;
}

/** The signed invoice's data: the submitted invoice with AckNo, AckDt and Irn added (and ItemNo per item). */
export type SignedInvoiceData = Inv01Invoice & { AckNo: number | string; AckDt: string; Irn: string };

const MAX_TOKEN_LENGTH = 2_000_000;
const decoder = new TextDecoder('utf-8', { fatal: true });

function fail(what: string): never {
  throw new Error(`Not a valid IRP signed token: ${what}`);
}

function decodePart(part: string, name: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) fail(`the ${name} is not base64url`);
  let text: string;
  try {
    text = decoder.decode(base64url.decode(part));
  } catch {
    fail(`the ${name} is not base64url-encoded UTF-8`);
  }
  try {
    return JSON.parse(text);
  } catch {
    fail(`the ${name} is not JSON`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parsePayload(payload: unknown): { iss: string | null; data: unknown } {
  if (!isRecord(payload)) fail('the payload is not a JSON object');
  if (!('data' in payload)) fail('the payload has no "data"');
  let data = payload.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      fail('"data" is not JSON text');
    }
  }
  return { iss: typeof payload.iss === 'string' ? payload.iss : null, data };
}

/** Decodes (without verifying) a signed token. Throws a clear Error on anything that is not one. */
export function decodeSignedToken(token: string): SignedToken {
  if (typeof token !== 'string') fail('expected a string');
  const t = token.trim();
  if (t.length > MAX_TOKEN_LENGTH) fail('it is too long');
  const parts = t.split('.');
  if (parts.length !== 3) fail('expected three dot-separated parts');
  const header = decodePart(parts[0], 'header');
  if (!isRecord(header)) fail('the header is not a JSON object');
  const { iss, data } = parsePayload(decodePart(parts[1], 'payload'));
  return { header: header as SignedTokenHeader, iss, data };
}

const QR_STRING_FIELDS = ['SellerGstin', 'BuyerGstin', 'DocNo', 'DocTyp', 'DocDt', 'MainHsnCode', 'Irn', 'IrnDt'] as const;

/** Decodes a SignedQRCode into its ten fields. */
export function decodeSignedQrCode(token: string): { header: SignedTokenHeader; iss: string | null; fields: QrFields } {
  const { header, iss, data } = decodeSignedToken(token);
  if (!isRecord(data)) fail('the QR data is not a JSON object');
  for (const k of QR_STRING_FIELDS) {
    if (data[k] !== undefined && data[k] !== null && typeof data[k] !== 'string') fail(`QR field ${k} is not text`);
  }
  if (typeof data.Irn !== 'string' || typeof data.SellerGstin !== 'string') fail('the QR data has no Irn or SellerGstin');
  const fields: QrFields = {
    SellerGstin: data.SellerGstin,
    BuyerGstin: String(data.BuyerGstin ?? ''),
    DocNo: String(data.DocNo ?? ''),
    DocTyp: String(data.DocTyp ?? ''),
    DocDt: String(data.DocDt ?? ''),
    TotInvVal: Number(data.TotInvVal),
    ItemCnt: Number(data.ItemCnt),
    MainHsnCode: String(data.MainHsnCode ?? ''),
    Irn: data.Irn,
    IrnDt: String(data.IrnDt ?? ''),
  };
  return { header, iss, fields };
}

/** Decodes a SignedInvoice into the registered invoice (with AckNo, AckDt, Irn). */
export function decodeSignedInvoice(token: string): { header: SignedTokenHeader; iss: string | null; invoice: SignedInvoiceData } {
  const { header, iss, data } = decodeSignedToken(token);
  if (!isRecord(data)) fail('the invoice data is not a JSON object');
  if (typeof data.Irn !== 'string') fail('the invoice data has no Irn');
  return { header, iss, invoice: data as unknown as SignedInvoiceData };
}

async function importVerificationKey(key: string | CryptoKey): Promise<CryptoKey | Uint8Array> {
  if (typeof key !== 'string') return key;
  const pem = key.trim();
  try {
    if (pem.includes('BEGIN CERTIFICATE')) return await importX509(pem, 'RS256');
    if (pem.includes('BEGIN PUBLIC KEY')) return await importSPKI(pem, 'RS256');
  } catch {
    throw new Error('The verification key could not be read: expected an RSA public key or certificate in PEM form');
  }
  throw new Error('The verification key must be a PEM public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE)');
}

/**
 * Verifies the RS256 signature of a signed token and returns it decoded.
 * Throws an Error saying the signature does not verify (wrong key, or the token was altered), or
 * that the token or key is malformed. Use isSignedTokenValid for a yes/no answer.
 */
export async function verifySignedToken(token: string, key: string | CryptoKey): Promise<SignedToken> {
  const decoded = decodeSignedToken(token); // clear errors for garbage before any crypto
  const k = await importVerificationKey(key);
  try {
    await compactVerify(token.trim(), k, { algorithms: ['RS256'] });
  } catch {
    throw new Error('The signature of the IRP token does not verify with this key: the token was altered or signed with another key');
  }
  return decoded;
}

/** True when the token's signature verifies with `key`; false for a bad signature or garbage. */
export async function isSignedTokenValid(token: string, key: string | CryptoKey): Promise<boolean> {
  try {
    await verifySignedToken(token, key);
    return true;
  } catch {
    return false;
  }
}
