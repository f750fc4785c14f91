/**
 * The content script asks the background for the panel's code once, on its first invoice; a
 * failed load is asked again on the next invoice (lib/panel-loader.ts). Run under Node with a
 * stand-in `send` that does what the background's injection does: leave the class on the global.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPanel, loadPanelRetrying, PANEL_CLASS } from './panel-loader';
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

test('a load that fails while the background starts is asked again after each wait; given up when the page moved on or the waits are used', async () => {
  delete g[PANEL_CLASS];
  let failures = 2;
  const asked: number[] = [];
  const send = (async () => {
    asked.push(asked.length);
    if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
    g[PANEL_CLASS] = FakePanel;
    return { loaded: true };
  }) as unknown as Send;
  const waited: number[] = [];
  const wait = async (ms: number) => void waited.push(ms);
  assert.equal(await loadPanelRetrying(send, () => true, [10, 20, 30], wait), FakePanel);
  assert.deepEqual(waited, [10, 20], 'two failures, two waits, then loaded');
  assert.equal(asked.length, 3);
  delete g[PANEL_CLASS];

  failures = 5;
  waited.length = 0;
  await assert.rejects(loadPanelRetrying(send, () => true, [10, 20], wait), /Receiving end does not exist/);
  assert.deepEqual(waited, [10, 20], 'no more asks than waits + 1');

  failures = 5;
  let onInvoice = true;
  const leaving = async (ms: number) => { waited.push(ms); onInvoice = false; };
  assert.equal(await loadPanelRetrying(send, () => onInvoice, [10, 20], leaving), null, 'the clerk moved on: no panel, no error');
  delete g[PANEL_CLASS];
});
