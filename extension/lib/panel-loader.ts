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
    if (!g[PANEL_CLASS]) loading = null;
  });
  return loading;
}
