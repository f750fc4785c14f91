/**
 * What a clerk types as an ERP's address, made into one: `localhost:8069` and `erp.example.com`
 * are accepted without a scheme. https:// is assumed, except for this computer (localhost,
 * 127.0.0.1, ::1) and bare IP addresses, which are usually plain http:// on an office network.
 */
import { patternForOrigin } from '../../lib/site-patterns';

export interface SiteAddress {
  /** The origin to enable, e.g. `http://localhost:8069`. */
  origin: string;
  pattern: string;
  /** Set when a scheme was added: which one, and why. */
  assumed: string | null;
}

const LOCAL_OR_IP = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\])(?::\d+)?$/i;

export function siteAddress(typed: string): SiteAddress | { error: string } {
  const text = typed.trim();
  if (!text) return { error: 'Type the address of your ERP, e.g. erp.example.com or localhost:8069.' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { error: `"${text}" is not a web address: only http:// and https:// sites can be enabled.` };
  const host = hasScheme ? '' : text.split(/[/?#]/)[0];
  const scheme = hasScheme ? '' : LOCAL_OR_IP.test(host) ? 'http://' : 'https://';
  let url: URL;
  try {
    url = new URL(scheme + text);
  } catch {
    return { error: `"${text}" is not a web address. Type it as your browser shows it, e.g. erp.example.com or localhost:8069.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `Only http:// and https:// sites can be enabled, not ${url.protocol}//.` };
  if (!url.hostname) return { error: `"${text}" names no site.` };
  const assumed = scheme === 'http://' ? 'http:// assumed (an address on this computer or network)' : scheme ? 'https:// assumed' : null;
  return { origin: url.origin, pattern: patternForOrigin(url.origin), assumed };
}
