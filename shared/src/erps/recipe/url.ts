/**
 * A recipe's `urlPattern`: which pages of its origin are invoices, and which part of the address
 * names the document.
 *
 * - A glob (the usual case): `/invoices/{id}`, `/app#/sales/invoice/{id}`, `/invoice.php?id={id}`.
 *   `{id}` captures one segment, `*` any run of characters except `/`, `**` anything. The glob is
 *   matched against the pathname, plus the query string only when it contains `?`, plus the hash
 *   only when it contains `#`; a trailing `/` on the page's path is ignored.
 * - A regular expression, written with a leading `^`, matched against pathname + search + hash.
 *   The document id is the named group `id`, else the first group.
 */
export interface CompiledUrlPattern {
  regex: RegExp;
  kind: 'glob' | 'regex';
  /** Whether the pattern names the document (a `{id}` or a capture group). */
  capturesId: boolean;
  withSearch: boolean;
  withHash: boolean;
}

export interface UrlParts {
  pathname: string;
  search: string;
  hash: string;
}

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');

/** Throws a readable Error when the pattern cannot be compiled. */
export function compileUrlPattern(pattern: string): CompiledUrlPattern {
  if (typeof pattern !== 'string' || pattern.trim() === '') throw new Error('The URL pattern is empty.');
  if (pattern.startsWith('^')) {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch (err) {
      throw new Error(`The URL pattern is not a valid regular expression (${(err as Error).message}).`);
    }
    const capturesId = /\((?!\?[:=!<])|\(\?<id>/.test(pattern);
    return { regex, kind: 'regex', capturesId, withSearch: true, withHash: true };
  }
  if (!pattern.startsWith('/')) throw new Error('The URL pattern must start with "/" (a path on the site) or "^" (a regular expression).');
  let body = '';
  let capturesId = false;
  for (let i = 0; i < pattern.length; ) {
    if (pattern.startsWith('{id}', i)) {
      if (capturesId) throw new Error('The URL pattern may contain {id} only once.');
      body += '([^/?#&]+)';
      capturesId = true;
      i += 4;
    } else if (pattern.startsWith('**', i)) {
      body += '.*';
      i += 2;
    } else if (pattern[i] === '*') {
      body += '[^/]*';
      i += 1;
    } else {
      body += escapeRe(pattern[i]);
      i += 1;
    }
  }
  return { regex: new RegExp(`^${body}$`), kind: 'glob', capturesId, withSearch: pattern.includes('?'), withHash: pattern.includes('#') };
}

/**
 * Tests a page address. Returns null when it is not one of the recipe's pages, else the document id
 * it names ('' when the pattern has no capture: the document number is then read from the page).
 */
export function matchUrlPattern(compiled: CompiledUrlPattern, url: UrlParts): { id: string } | null {
  let target: string;
  if (compiled.kind === 'regex') target = url.pathname + url.search + url.hash;
  else {
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
    target = path + (compiled.withSearch ? url.search : '') + (compiled.withHash ? url.hash : '');
  }
  const m = compiled.regex.exec(target);
  if (!m) return null;
  const raw = m.groups?.id ?? m[1] ?? '';
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // A stray % in the address: keep it as written.
  }
  return { id };
}
