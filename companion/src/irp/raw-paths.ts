/**
 * Which IRP calls `POST /v1/irp/raw` and `irn-bridge irp get|post` may make: read-only endpoints
 * only, decided on the path exactly as the HTTP client will send it. WHATWG URL parsing (what fetch
 * does) resolves `.`, `%2e` and `..` segments, so `/eicore/v1.03/./Invoice` is sent as
 * `/eicore/v1.03/Invoice`; servers may also ignore repeated and trailing slashes, case and percent
 * escapes. The path is normalised that way, sent in that form, and matched against an allow-list:
 * anything that registers or cancels (the ledger's business) or is not known to be read-only is refused.
 */
import { badRequest } from '../errors';

/** Read-only NIC endpoints (e-invoice API v1.03/v1.04): GSTIN details, IRN and e-way bill lookups, the heartbeat. */
const READ_ONLY: readonly RegExp[] = [
  /^\/eivital\/v1\.0[34]\/master\/(sync)?gstin\/[0-9a-z]{15}$/,
  /^\/eivital\/v1\.0[34]\/heartbeat\/ping$/,
  /^\/eicore\/v1\.0[34]\/invoice\/irn\/[0-9a-f]{64}$/,
  /^\/eicore\/v1\.0[34]\/invoice\/irnbydocdetails$/,
  /^\/eiewb\/v1\.0[34]\/ewaybill\/irn\/[0-9a-f]{64}$/,
];
const IRP_ROOTS = /^\/(eivital|eicore|eiewb|ewaybillapi|ewayapi)(\/|$)/i;
const EXAMPLE = 'an IRP API path such as /eivital/v1.04/Master/gstin/29AAACP7879D1Z0';

export interface RawIrpCall {
  method: 'GET' | 'POST';
  /** The path to send (normalised; with its query string). */
  path: string;
}

/** The path as it goes on the wire and as it is compared: dot segments resolved, slashes collapsed. */
export function normaliseIrpPath(path: string): { wire: string; canonical: string } | null {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f\s]/.test(path)) return null;
  let url: URL;
  try {
    url = new URL(`http://irp.invalid${path}`);
  } catch {
    return null;
  }
  if (url.host !== 'irp.invalid') return null;
  const pathname = url.pathname.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const canonical = decoded.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1').toLowerCase();
  if (/(^|\/)\.{1,2}(\/|$)/.test(canonical)) return null; // an escaped dot segment that a server might still resolve
  return { wire: pathname + url.search, canonical };
}

export function checkRawIrpCall(method: 'GET' | 'POST', path: string): RawIrpCall {
  if (path.includes('..')) throw badRequest(`"path" must be ${EXAMPLE} (no "..").`);
  const normal = normaliseIrpPath(path);
  if (!normal || !IRP_ROOTS.test(normal.canonical)) throw badRequest(`"path" must be ${EXAMPLE}.`);
  if (/\/auth(\/|$)/.test(normal.canonical)) throw badRequest('Authentication is handled by the companion; it cannot be called through /v1/irp/raw.');
  if (method === 'POST' || !READ_ONLY.some((p) => p.test(normal.canonical))) {
    throw badRequest(`"path": ${method} ${normal.wire.split('?')[0]} is not one of the read-only IRP calls allowed here. Generating or cancelling an IRN and generating an e-way bill go through the ledger, so that nothing is registered twice or lost.`,
      'Use POST /v1/einvoices, POST /v1/einvoices/{irn}/cancel or POST /v1/einvoices/{irn}/ewaybill; for lookups, GET /v1/gstin/{gstin} or /v1/einvoices/{irn}.');
  }
  return { method, path: normal.wire };
}
