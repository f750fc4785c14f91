/**
 * The background's message dispatch and its privilege checks, apart from the browser so they are
 * tested under Node (dispatch.test.ts): handlers.ts builds the real one with the extension's id,
 * its base URL and the enabled sites from storage.
 *
 * Only our own contexts reach `runtime.onMessage` (web pages have no channel to it: the manifest
 * declares no `externally_connectable`). Generate, cancel and e-way bill additionally require a
 * sender that is either an extension page or a content script in a tab of an enabled site.
 */
import type { Runtime } from 'webextension-polyfill';
import { PRIVILEGED, type Message, type MessageType, type Protocol } from '../lib/messages';
import { patternForOrigin } from '../lib/site-patterns';
import { UiFailure } from '../lib/ui-error';

export type Handler<T extends MessageType> = (msg: Message<T>, sender: Runtime.MessageSender) => Promise<Protocol[T]['res']>;
export type Handlers = { [T in MessageType]: Handler<T> };

export interface DispatchDeps {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('/')`: the prefix of every extension page's URL. */
  extensionUrl: string;
  /** The match patterns of the sites the user enabled. */
  enabledSites(): Promise<string[]>;
}

export const isExtensionPage = (sender: Runtime.MessageSender, deps: Pick<DispatchDeps, 'extensionUrl'>): boolean =>
  (sender.url ?? '').startsWith(deps.extensionUrl);

/** Extension pages, or our content script in a tab of a site the user enabled. */
export async function mayActOnInvoices(sender: Runtime.MessageSender, deps: DispatchDeps): Promise<boolean> {
  if (isExtensionPage(sender, deps)) return true;
  const url = sender.url ?? '';
  if (sender.tab === undefined || !/^https?:/.test(url)) return false;
  return (await deps.enabledSites()).includes(patternForOrigin(url));
}

export function createDispatch(handlers: Handlers, deps: DispatchDeps): (msg: Message, sender: Runtime.MessageSender) => Promise<unknown> {
  return async (msg, sender) => {
    if (sender.id !== deps.extensionId) throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'Message from an unknown sender.' });
    if (PRIVILEGED.has(msg.type) && !(await mayActOnInvoices(sender, deps))) {
      throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'IRNs and e-way bills can only be generated or cancelled from the IRN Bridge panel on an enabled site.' });
    }
    const handler = Object.hasOwn(handlers, msg.type) ? handlers[msg.type] as Handler<MessageType> : undefined;
    if (!handler) throw new UiFailure({ code: 'BAD_REQUEST', message: `Unknown request ${String(msg.type)}.` });
    return handler(msg, sender);
  };
}

/** Recipes decide what is read and written on a site: only the extension's own pages change them. */
export function requireExtensionPage(sender: Runtime.MessageSender, deps: Pick<DispatchDeps, 'extensionUrl'>): void {
  if (!isExtensionPage(sender, deps)) {
    throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'Recipes can only be changed in the IRN Bridge options page.' });
  }
}
