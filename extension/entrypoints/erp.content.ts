/**
 * The content script for enabled ERP sites. Not in the manifest: the background registers it at
 * runtime for each site the user enabled (see background/sites.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAdapters, findAdapter } from '../adapters/index';
import { send } from '../lib/send';
import { IrnPanel } from '../ui/panel';

const LOADED = Symbol.for('irn-bridge.content-script');

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Injected once at registration and again by "Enable on this site": run only once per page.
    const g = globalThis as Record<symbol, unknown>;
    if (g[LOADED]) return;
    g[LOADED] = true;
    void start(ctx);
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  const pageFetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch?.bind((globalThis as { content?: unknown }).content);
  // User-taught recipes for this origin come after the built-in adapters (see adapters/index.ts).
  const recipes = await send('recipes.forOrigin', { origin: location.origin }).catch(() => []);
  const adapters = createAdapters({
    origin: location.origin,
    // Firefox: `content.fetch` sends the request as the page (its cookies, its Origin); Chromium's fetch already does.
    fetch: (input, init) => (pageFetch ?? fetch)(input, init),
    document,
    pageGlobals: (names) => send('page.globals', { names }),
  }, recipes);

  let panel: IrnPanel | null = null;
  let shownFor = '';
  const refresh = () => {
    const adapter = findAdapter(adapters, new URL(location.href));
    const ref = adapter?.detect(document) ?? null;
    const key = ref ? `${adapter!.id}:${ref.name}` : '';
    if (key === shownFor) return;
    panel?.unmount();
    panel = null;
    shownFor = key;
    if (adapter && ref) {
      panel = new IrnPanel(document, adapter, ref, send);
      panel.mount();
    }
  };
  refresh();
  // ERPNext's desk and Odoo's web client are single-page apps: follow their navigation.
  ctx.addEventListener(window, 'wxt:locationchange', refresh);
  ctx.onInvalidated(() => panel?.unmount());
}
