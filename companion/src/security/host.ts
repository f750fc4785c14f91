/**
 * DNS-rebinding defence: a web page that points its own domain at the companion's address still
 * sends its own name in Host. Only the names the companion serves are accepted: `127.0.0.1` and
 * `localhost` on one desk; in team mode also the LAN address and names it listens under
 * (tls/listen.ts servedNames), always with its own port. The refusal itself is an HTTP answer
 * (421, the request's authority is not ours), made by api/host-guard.ts.
 */
import { canonicalName } from '../tls/listen';

export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost'];

/** `name:port`, `[v6]:port`, or a bare name (the scheme's default port), as RFC 9110 §7.2 spells Host. */
export function splitHost(host: string): { name: string; port: number | null } | null {
  const m = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(host) ?? /^([^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return null;
  return { name: canonicalName(m[1]), port: m[2] === undefined ? null : Number(m[2]) };
}

export function isOwnHost(host: string | undefined, port: number, names: readonly string[] = LOOPBACK_NAMES, tls = false): boolean {
  const parts = splitHost((host ?? '').trim());
  if (!parts) return false;
  const p = parts.port ?? (tls ? 443 : 80);
  return p === port && names.includes(parts.name);
}
