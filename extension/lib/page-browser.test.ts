/**
 * Without webextension-polyfill a content-script listener answers through `sendResponse` and keeps
 * the channel open by returning true (Chromium's `chrome.runtime.onMessage`); messages it does not
 * take are left to other listeners (lib/page-browser.ts). A stand-in `chrome` under Node.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onPageMessage, pageBrowser } from './page-browser';

type Native = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

test('a promise is answered through sendResponse, an unhandled message is left alone, a failure is a Reply', async () => {
  const listeners = new Set<Native>();
  const g = globalThis as { chrome?: unknown };
  g.chrome = { runtime: { id: 'ext', onMessage: { addListener: (l: Native) => listeners.add(l), removeListener: (l: Native) => listeners.delete(l) } } };
  try {
    assert.equal(pageBrowser().runtime.id, 'ext');
    const stop = onPageMessage((msg) => {
      if (msg === 'mine') return Promise.resolve({ ok: true, data: 1 });
      if (msg === 'broken') return Promise.reject(new Error('read failed'));
      return undefined;
    });
    const [native] = listeners;
    const answer = (msg: string) => new Promise<{ kept: boolean | undefined; reply: unknown }>((resolve) => {
      let kept: boolean | undefined;
      kept = native(msg, {}, (reply) => resolve({ kept, reply }));
      if (!kept) resolve({ kept, reply: undefined });
    });
    assert.deepEqual(await answer('mine'), { kept: true, reply: { ok: true, data: 1 } });
    assert.deepEqual(await answer('other'), { kept: undefined, reply: undefined });
    assert.deepEqual(await answer('broken'), { kept: true, reply: { ok: false, error: { code: 'INTERNAL', message: 'read failed' } } });
    stop();
    assert.equal(listeners.size, 0);
  } finally {
    delete g.chrome;
  }
  assert.throws(() => pageBrowser(), /only inside the extension/);
});
