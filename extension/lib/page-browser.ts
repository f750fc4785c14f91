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

/**
 * Listens for messages in the content script and answers with the listener's promise. Without the
 * polyfill a promise cannot simply be returned (Chromium's `chrome.runtime.onMessage` answers only
 * through `sendResponse`, keeping the channel open when the listener returns true); `undefined`
 * leaves the message to others. Returns the way to stop listening.
 */
export function onPageMessage(listener: (msg: unknown, sender: Browser.Runtime.MessageSender) => Promise<unknown> | undefined): () => void {
  const events = pageBrowser().runtime.onMessage as unknown as {
    addListener(l: NativeListener): void;
    removeListener(l: NativeListener): void;
  };
  type NativeListener = (msg: unknown, sender: Browser.Runtime.MessageSender, sendResponse: (reply: unknown) => void) => boolean | undefined;
  const native: NativeListener = (msg, sender, sendResponse) => {
    const answer = listener(msg, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } }));
    return true;
  };
  events.addListener(native);
  return () => events.removeListener(native);
}
