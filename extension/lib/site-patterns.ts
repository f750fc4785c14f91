/** Origins and match patterns for per-site enablement. Ports are not part of match patterns. */

export function patternForOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Only http and https sites can be enabled, not ${url.protocol}`);
  }
  return `${url.protocol}//${url.hostname}/*`;
}

/** Content-script registration ids are derived from the pattern so re-registering is idempotent. */
export function scriptIdForPattern(pattern: string): string {
  return `irn-bridge-site:${pattern}`;
}

export function patternFromScriptId(id: string): string | null {
  return id.startsWith('irn-bridge-site:') ? id.slice('irn-bridge-site:'.length) : null;
}
