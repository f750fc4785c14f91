/** The UI side of the message protocol: typed requests to the background (also from the content script, hence no polyfill). */
import { pageBrowser } from './page-browser';
import type { Message, MessageType, Protocol, Reply } from './messages';
import { UiFailure } from './ui-error';

export async function send<T extends MessageType>(type: T, req: Protocol[T]['req']): Promise<Protocol[T]['res']> {
  const msg = { type, ...req } as Message<T>;
  const reply = (await pageBrowser().runtime.sendMessage(msg)) as Reply<Protocol[T]['res']> | undefined;
  if (!reply) throw new UiFailure({ code: 'INTERNAL', message: 'The extension did not answer. Reload the page and try again.' });
  if (!reply.ok) throw new UiFailure(reply.error);
  return reply.data;
}
