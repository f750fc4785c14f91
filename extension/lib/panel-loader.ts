/**
 * The panel's code is not in the content script: the content script runs on every page of an
 * enabled ERP site (lists, reports, settings…), the panel only where the page shows an invoice. On
 * the first invoice the background injects `erp-panel.js` into this frame's isolated world (the
 * content script's own, entrypoints/erp-panel.ts), which leaves the panel class here. The page's
 * own scripts cannot see it: the isolated world is the extension's alone.
 */
import type { IrnPanel, Send } from '../ui/panel';

/** Where erp-panel.js leaves the panel class, in this isolated world. */
export const PANEL_CLASS = Symbol.for('irn-bridge.panel-class');

export type PanelClass = typeof IrnPanel;

let loading: Promise<PanelClass> | null = null;

export function loadPanel(send: Send): Promise<PanelClass> {
  const g = globalThis as Record<symbol, PanelClass | undefined>;
  if (g[PANEL_CLASS]) return Promise.resolve(g[PANEL_CLASS]!);
  loading ??= send('panel.load', {}).then(() => {
    const Panel = g[PANEL_CLASS];
    if (!Panel) throw new Error('The IRN Bridge panel could not be loaded into this page. Reload the page.');
    return Panel;
  }).finally(() => {
    loading = null; // settled: a loaded class is read from the global, a failure is asked again
  });
  return loading;
}

/** Waits before asking again after a failed load (the background may have been starting or restarting). */
export const PANEL_LOAD_RETRIES_MS: readonly number[] = [500, 1500, 4000];

/**
 * loadPanel, asked again after each wait in `retriesMs` while `stillWanted()` (the page still shows
 * the invoice): one failed message must not leave an invoice page without its panel until the clerk
 * moves to another record. null when no longer wanted; the last error once the waits are used up.
 */
export async function loadPanelRetrying(
  send: Send, stillWanted: () => boolean, retriesMs: readonly number[] = PANEL_LOAD_RETRIES_MS,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<PanelClass | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadPanel(send);
    } catch (err) {
      if (attempt >= retriesMs.length) throw err;
      await wait(retriesMs[attempt]!);
      if (!stillWanted()) return null;
    }
  }
}
