import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '../background/handlers';
import { syncSites } from '../background/sites';
import { browser, type Runtime } from '../lib/browser';
import type { Message, Reply } from '../lib/messages';
import { toUiError } from '../lib/ui-error';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    // Always answer with a Reply so errors cross the message boundary with their code and hint.
    return dispatch(msg as Message, sender).then(
      (data): Reply<unknown> => ({ ok: true, data }),
      (err): Reply<unknown> => ({ ok: false, error: toUiError(err) }),
    );
  });
  // Registered scripts persist, but a revoked permission or a browser that dropped them is repaired here.
  void syncSites().catch(() => undefined);
  browser.permissions.onRemoved.addListener(() => void syncSites().catch(() => undefined));
});
