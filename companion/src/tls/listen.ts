/**
 * Where the companion listens. 127.0.0.1 unless `--listen ADDR:PORT` says otherwise; any other
 * address is the LAN (team mode), which needs TLS and per-user keys. The names `Host` may carry
 * come from here too (security/host.ts), so a LAN name is served and a rebinding domain is not.
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { CompanionStartError } from '../server-errors';

export interface ListenAddress {
  /** What to bind: an IPv4/IPv6 address, or 0.0.0.0 / :: for every interface. */
  host: string;
  port: number;
  loopback: boolean;
}

export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const WILDCARD = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0']);

/**
 * One spelling per address, so names from a Host header, an interface and a certificate compare:
 * IPv6 written out in full, lower-case, without leading zeros (as node's X509Certificate prints it);
 * anything else lower-cased.
 */
export function canonicalName(name: string): string {
  const n = name.toLowerCase().replace(/^\[|\]$/g, '');
  if (isIP(n) !== 6 || n.includes('.')) return n;
  const [head, tail] = n.includes('::') ? n.split('::') : [n, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === null ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

/** `192.168.1.20:47321`, `[fe80::1]:47321`, `0.0.0.0:47321`, or just an address (then `port` is used). */
export function parseListen(raw: string, port: number): ListenAddress {
  const m = /^\[([0-9a-f:.]+)\](?::(\d+))?$/i.exec(raw) ?? /^([^:]+)(?::(\d+))?$/.exec(raw);
  const host = m?.[1] ?? '';
  const p = m?.[2] === undefined ? port : Number(m[2]);
  if (!m || (!isIP(host) && host !== 'localhost') || !Number.isInteger(p) || p < 0 || p > 65535) {
    throw new CompanionStartError(`--listen "${raw}" is not ADDRESS:PORT. Give this computer's LAN address and a port, e.g. --listen 192.168.1.20:47321 (or 0.0.0.0:47321 for every network).`);
  }
  if (host === 'localhost') return { host: '127.0.0.1', port: p, loopback: true };
  return { host, port: p, loopback: isLoopbackAddress(host) };
}

/** This computer's own addresses on every interface: IPv4 only for 0.0.0.0, IPv4 and IPv6 for ::. */
function ownAddresses(ipv6: boolean): string[] {
  return Object.values(networkInterfaces()).flat().filter((i) => i && (ipv6 || i.family === 'IPv4')).map((i) => i!.address.toLowerCase());
}

/**
 * The host names a request may be addressed to: loopback names when they reach this socket, the
 * bound address (every own address when bound to all), this computer's name, and names the admin gave.
 * IP literals cannot be a rebinding page's own name, and a DNS name is accepted only when listed here.
 */
export function servedNames(listen: ListenAddress, extraNames: string[] = []): string[] {
  const names = new Set<string>(extraNames.map(canonicalName));
  const all = WILDCARD.has(canonicalName(listen.host));
  // The IPv4 loopback names, as on one desk; [::1] only when the socket is on IPv6 (bound to :: or ::1).
  if (listen.loopback || all) for (const n of ['127.0.0.1', 'localhost']) names.add(n);
  if (listen.host.includes(':') && (all || listen.loopback)) names.add(canonicalName('::1'));
  if (all) for (const a of ownAddresses(listen.host.includes(':'))) names.add(canonicalName(a));
  else names.add(canonicalName(listen.host));
  if (!listen.loopback) {
    const me = hostname().toLowerCase();
    if (me) names.add(me);
  }
  return [...names];
}

/** The names to put in a self-signed certificate: the served names minus the wildcard binding itself. */
export function certificateNames(listen: ListenAddress, extraNames: string[]): string[] {
  return servedNames(listen, extraNames).filter((n) => !WILDCARD.has(n) && !n.includes('%'));
}
