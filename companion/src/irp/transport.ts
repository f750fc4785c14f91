/**
 * One HTTP exchange with the IRP, turned into either parsed JSON or an IrpTransportError.
 * The timeout covers the whole exchange (headers and body), because a reply that stalls mid-body is
 * as lost as one that never starts.
 */
import { IrpTransportError } from './errors';
import { isEnvelope } from './envelope';

export interface HttpReply {
  status: number;
  json: unknown;
}

export async function exchange(
  fetchFn: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpReply> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  let status = 0;
  let text: string;
  try {
    const res = await fetchFn(url, { ...init, signal: ctl.signal });
    status = res.status;
    text = await res.text();
  } catch (e) {
    if (ctl.signal.aborted) throw new IrpTransportError('timeout', `The IRP did not answer within ${timeoutMs} ms`);
    const cause = (e as { cause?: { code?: string } })?.cause?.code;
    throw new IrpTransportError('network', `Could not reach the IRP${cause ? ` (${cause})` : ''}`, status || undefined);
  } finally {
    clearTimeout(timer);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (status >= 400) throw new IrpTransportError('http', `The IRP answered HTTP ${status}`, status);
    throw new IrpTransportError('bad-response', `The IRP answered HTTP ${status} with a body that is not JSON`, status);
  }
  // A NIC envelope is meaningful whatever the status; anything else above 399 is a transport failure.
  if (status >= 400 && !isEnvelope(json)) throw new IrpTransportError('http', `The IRP answered HTTP ${status}`, status);
  if (status >= 500) throw new IrpTransportError('http', `The IRP answered HTTP ${status}`, status);
  return { status, json };
}
