/**
 * The content script asks the background for the panel's code once, on its first invoice; a
 * failed load is asked again on the next invoice (lib/panel-loader.ts). Run under Node with a
 * stand-in `send` that does what the background's injection does: leave the class on the global.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPanel, PANEL_CLASS } from './panel-loader';
import type { Send } from '../ui/panel';

const g = globalThis as Record<symbol, unknown>;
class FakePanel {}

test('a failed injection is refused with what to do, and asked again next time; a loaded panel is asked for once', async () => {
  delete g[PANEL_CLASS];
  const asked: string[] = [];
  let inject = false;
  const send = (async (type: string) => {
    asked.push(type);
    if (inject) g[PANEL_CLASS] = FakePanel;
    return { loaded: true };
  }) as unknown as Send;

  // The background answered but the script left nothing (e.g. blocked): a clear refusal.
  await assert.rejects(loadPanel(send), /could not be loaded into this page\. Reload the page/);
  inject = true;
  const [a, b] = await Promise.all([loadPanel(send), loadPanel(send)]);
  assert.equal(a, FakePanel);
  assert.equal(b, FakePanel);
  assert.equal(await loadPanel(send), FakePanel);
  assert.deepEqual(asked, ['panel.load', 'panel.load'], 'one ask for the failure, one for both concurrent loads, none after');
  delete g[PANEL_CLASS];
});
