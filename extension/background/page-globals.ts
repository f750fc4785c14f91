/**
 * Content scripts live in an isolated world and cannot see page globals such as
 * `frappe.csrf_token`. The background reads them on request by running a tiny function in the
 * page's main world (needs the host permission the user granted for the site). Only primitive
 * values come back, never objects.
 */
import { browser } from '../lib/browser';

type Primitive = string | number | boolean | null;

/** Runs in the page's main world: must be self-contained. */
function readGlobals(names: string[]): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  for (const name of names) {
    let v: unknown = globalThis;
    for (const part of name.split('.')) {
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    }
    out[name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  return out;
}

export async function readMainWorldGlobals(tabId: number, frameId: number, names: string[]): Promise<Record<string, Primitive>> {
  const allowed = names.filter((n) => /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(n)).slice(0, 20);
  const [first] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    world: 'MAIN',
    func: readGlobals,
    args: [allowed],
  });
  return (first?.result as Record<string, Primitive> | undefined) ?? {};
}
