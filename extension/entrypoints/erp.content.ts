/**
 * The content script for enabled ERP sites. Not in the manifest: the background registers it at
 * runtime for each site the user enabled (see background/sites.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { bulkListHook } from '../lib/bulk-hook';
import { erpIoForPage, erpPageFinder } from '../lib/erp-page';
import { installPageIoBridge } from '../lib/page-io-bridge';
import { send } from '../lib/send';
import { pageBrowser } from '../lib/page-browser';
import type { DockPrefs, DockState } from '../ui/dock';
import { loadPanelRetrying } from '../lib/panel-loader';
import type { IrnPanel } from '../ui/panel';

const LOADED = Symbol.for('irn-bridge.content-script');

/** The clerk's choice of an open or collapsed panel, kept for every ERP site (not in the page's storage). */
const PANEL_KEY = 'irnBridgePanel';
const dockPrefs: DockPrefs = {
  async load() {
    const got = (await pageBrowser().storage.local.get(PANEL_KEY))[PANEL_KEY] as { state?: DockState } | undefined;
    return got?.state === 'open' || got?.state === 'collapsed' ? got.state : null;
  },
  async save(state) {
    await pageBrowser().storage.local.set({ [PANEL_KEY]: { state } });
  },
};

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
  // User-taught recipes for this origin come after the built-in ERP modules (see shared/src/erps/index.ts).
  const recipes = await send('recipes.forOrigin', { origin: location.origin }).catch(() => []);
  const io = erpIoForPage(document, (names) => send('page.globals', { names }), (text) => send('qr.png', { text }));
  const findErpPage = erpPageFinder(io, recipes);
  // Bulk registration: the bulk page reads and records through this tab; the ERP's list gets its button.
  const stopBridge = installPageIoBridge(io);
  const listHook = bulkListHook(document, io, send);

  let panel: IrnPanel | null = null;
  let shownFor = '';
  const refresh = () => {
    listHook();
    const found = findErpPage(document);
    const key = found ? `${found.module.id}:${found.ref.name}` : '';
    if (key === shownFor) return;
    panel?.unmount();
    panel = null;
    shownFor = key;
    if (!found) return;
    // The panel's code comes on the first invoice (lib/panel-loader.ts); the clerk may have moved on meanwhile.
    // The ERP is asked while the panel's code is injected; the panel takes the read over.
    const read = found.module.read(found.io, found.ref);
    read.catch(() => undefined); // the panel shows a failed read; none is unhandled if the panel never comes
    const current = () => shownFor === key && !ctx.isInvalid;
    void loadPanelRetrying(send, current).then((Panel) => {
      if (!Panel || !current() || panel) return;
      panel = new Panel(document, found, send, dockPrefs, read);
      panel.mount();
    }, () => {
      if (shownFor === key) shownFor = ''; // try again on the next navigation
    });
  };
  refresh();
  // ERPNext's desk and Odoo's web client are single-page apps: follow their navigation
  // (WXT's locationchange polls the URL, so hash-only changes such as Odoo 17's `/web#id=…` count too).
  // In Chromium it comes from the Navigation API's `navigate` event, which fires before
  // `location` changes: refresh once the new URL is in place, or the panel shows the previous record.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(refresh, 0));
  // Odoo 17 moves between records by the URL's hash: hashchange comes after the new URL is in place,
  // whatever the Navigation API delivered (refresh does nothing when the record is the one shown).
  ctx.addEventListener(window, 'hashchange', refresh);
  ctx.onInvalidated(() => { panel?.unmount(); stopBridge(); });
}
