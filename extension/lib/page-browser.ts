/**
 * The extension API for the content script, without webextension-polyfill (≈ 10 kB minified that
 * every ERP page would carry): what the page uses (runtime messages, storage.local) already returns
 * promises as `chrome.*` in Chromium's MV3 and as `browser.*` in Firefox. The choice is WXT's own
 * (`@wxt-dev/browser` 0.20: `browser` where it has a runtime id, else `chrome`). Extension pages and
 * the background keep lib/browser.ts.
 */
import type Browser from 'webextension-polyfill';

export type PageBrowser = Pick<typeof Browser, 'runtime' | 'storage'>;

export function pageBrowser(): PageBrowser {
  const g = globalThis as { browser?: PageBrowser; chrome?: PageBrowser };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('No extension API here: this runs only inside the extension.');
  return api;
}
