/**
 * The in-page panel's code, injected by the background (`panel.load`) into the isolated world of a
 * frame whose content script found an invoice (lib/panel-loader.ts), so the content script itself
 * carries no panel UI. Not in the manifest; running it twice is harmless.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PANEL_CLASS } from '../lib/panel-loader';
import { IrnPanel } from '../ui/panel';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[PANEL_CLASS] = IrnPanel;
});
