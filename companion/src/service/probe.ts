/**
 * Whether an IRN Bridge companion answers where the installed service runs it: plain HTTP on
 * 127.0.0.1 for a desk, HTTPS on the --listen address for team mode. Only /v1/health is asked and no
 * key is sent, so the LAN certificate (often self-signed, trusted by the clerks' browsers, not by
 * this process) is not checked here: the answer says whether it runs, not whom to trust.
 */
import { request } from 'node:https';
import { routes } from '@irn-bridge/shared/api/contract';
import { parseListen } from '../tls/listen';

export interface Probe { url: string; answering: boolean }

const isCompanion = (body: string): boolean => {
  try { return (JSON.parse(body) as { service?: string }).service === 'irn-bridge-companion'; } catch { return false; }
};

export async function probeCompanion(port: number, listen: string | null, timeoutMs = 2000): Promise<Probe> {
  if (!listen) {
    const url = `http://127.0.0.1:${port}`;
    const answering = await fetch(`${url}${routes.health}`, { signal: AbortSignal.timeout(timeoutMs) })
      .then(async (r) => isCompanion(await r.text())).catch(() => false);
    return { url, answering };
  }
  const at = parseListen(listen, port);
  // A wildcard listener is reached on this computer's own loopback address, one of the addresses it serves.
  const host = at.host === '0.0.0.0' ? '127.0.0.1' : at.host === '::' ? '::1' : at.host;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `https://${hostPart}:${at.port}`;
  const answering = await new Promise<boolean>((resolve) => {
    const req = request({ host, port: at.port, path: routes.health, method: 'GET', rejectUnauthorized: false, timeout: timeoutMs,
      headers: { Host: `${hostPart}:${at.port}`, Accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve(isCompanion(body)));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.on('error', () => resolve(false));
    req.end();
  });
  return { url, answering };
}
