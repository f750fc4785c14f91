/** A TLS client for the team tests: node's https with the companion's certificate as the only CA, any Host header. */
import { request } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface TlsReply { status: number; body: any; text: string; peer: PeerCertificate }

export function httpsCall(opts: {
  host: string; port: number; ca: string; path: string; method?: string; headers?: Record<string, string>; body?: unknown; servername?: string;
}): Promise<TlsReply> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request({
      host: opts.host, port: opts.port, path: opts.path, method: opts.method ?? (body ? 'POST' : 'GET'), ca: opts.ca,
      ...(opts.servername ? { servername: opts.servername } : {}),
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(opts.headers ?? {}) }, agent: false,
    }, (res) => {
      const peer = (res.socket as TLSSocket).getPeerCertificate();
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let parsed: unknown = null;
        try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
        resolve({ status: res.statusCode ?? 0, body: parsed, text, peer });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** This computer's first non-internal IPv4 address (the LAN side), if it has one. */
export async function lanAddress(): Promise<string | null> {
  const { networkInterfaces } = await import('node:os');
  return Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address ?? null;
}
