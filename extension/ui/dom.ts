/** A tiny element builder for the extension's own UIs (no framework, no innerHTML of page data). */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'testid') el.setAttribute('data-testid', String(v));
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
  }
  return el;
}

/**
 * Runs `fn` only for clicks a person made: page scripts can dispatch synthetic clicks into an open
 * shadow root, but those arrive with `isTrusted === false`.
 */
export function onTrustedClick(el: HTMLElement, fn: (e: MouseEvent) => void): void {
  el.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    fn(e);
  });
}

export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure context): the old way still works on a click.
    const ta = doc.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    doc.body.append(ta);
    ta.select();
    const ok = doc.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** A "Copy" button that briefly says "Copied". */
export function copyButton(doc: Document, text: string, testid: string, label = 'Copy'): HTMLButtonElement {
  const b = h(doc, 'button', { type: 'button', class: 'copy', testid, title: `Copy ${label === 'Copy' ? '' : label}`.trim() }, label);
  onTrustedClick(b, async () => {
    const ok = await copyText(doc, text);
    b.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => (b.textContent = label), 1500);
  });
  return b;
}

/** Kept for older imports: the one money format lives in lib/format.ts. */
export { formatRupees } from '../lib/format';
