/**
 * Where the companion is: on this computer (http://127.0.0.1:PORT, the default), or shared on the
 * office network (team mode, `irn-bridge start --listen ADDR:PORT --tls-…`, docs/install.md). A
 * shared companion is reached over https:// only: its per-user key would otherwise cross the LAN
 * in clear text. Plain http:// is accepted for this computer's loopback addresses alone.
 */
import { patternForOrigin } from './site-patterns';

export interface SharedCompanionAddress {
  /** The origin calls go to, e.g. `https://irn.office.lan:47321`. */
  url: string;
  /** The host permission the extension needs for it (match patterns carry no port). */
  pattern: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function sharedCompanionAddress(typed: string): SharedCompanionAddress | { error: string } {
  const text = typed.trim().replace(/\/+$/, '');
  if (!text) return { error: 'Type the shared companion\'s address your administrator gave you, e.g. https://irn.office.lan:47321.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: `"${text}" is not an address. Type it as your administrator wrote it, e.g. https://irn.office.lan:47321.` };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { error: `${url.origin} is plain http://: your key would cross the office network unprotected. Use the https:// address the companion printed at start (it runs with --tls-cert or --tls-self-signed).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `The companion is reached over https://, not ${url.protocol}//.` };
  if (url.username || url.password) return { error: 'Leave the name and password out of the address; the key goes in the key field.' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { error: `Give only the address and port (${url.origin}), without a path.` };
  }
  return { url: url.origin, pattern: patternForOrigin(url.origin) };
}

/** The base URL of every companion call: the shared one when set, else this computer's. */
export function companionBaseUrl(s: { port: number; sharedUrl: string | null }): string {
  return s.sharedUrl ?? `http://127.0.0.1:${s.port}`;
}
