/**
 * The panel's code (entrypoints/erp-panel.ts → erp-panel.js) goes into a page only when its content
 * script found an invoice there, into that frame's isolated world (the content script's), so the
 * content script that runs on every page of an enabled site stays small (issue 12).
 */
import { browser, type Runtime } from '../lib/browser';
import { UiFailure } from '../lib/ui-error';

/** The unlisted script's path in the build (WXT: `entrypoints/<name>.ts` → `/<name>.js`). */
export const PANEL_SCRIPT = '/erp-panel.js';

export async function injectPanel(sender: Runtime.MessageSender): Promise<{ loaded: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !/^https?:/.test(sender.url ?? '')) {
    throw new UiFailure({ code: 'BAD_REQUEST', message: 'The panel is only loaded into an ERP page.' });
  }
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_SCRIPT] });
  return { loaded: true };
}
