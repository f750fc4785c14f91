/** The background's dispatch: who may send what. Generate, cancel and e-way bill need a trusted sender. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Runtime } from 'webextension-polyfill';
import type { Message, MessageType } from '../lib/messages';
import { UiFailure } from '../lib/ui-error';
import { createDispatch, mayActOnInvoices, requireExtensionPage, type Handlers } from './dispatch';
import { pickProfile } from './pick-profile';

const deps = { extensionId: 'ours', extensionUrl: 'chrome-extension://ours/', enabledSites: async () => ['https://erp.example.com/*'] };
const calls: string[] = [];
const handlerFor = (type: string) => async () => { calls.push(type); return { handled: type }; };
const handlers = Object.fromEntries(['status', 'einvoices.generate', 'einvoices.cancel', 'einvoices.ewaybill'].map((t) => [t, handlerFor(t)])) as unknown as Handlers;
const dispatch = createDispatch(handlers, deps);

const page: Runtime.MessageSender = { id: 'ours', url: 'chrome-extension://ours/popup.html' };
const enabledTab: Runtime.MessageSender = { id: 'ours', url: 'https://erp.example.com/app/sales-invoice/X', tab: { id: 1 } as Runtime.MessageSender['tab'] };
const otherTab: Runtime.MessageSender = { id: 'ours', url: 'https://evil.example.org/x', tab: { id: 2 } as Runtime.MessageSender['tab'] };
const msg = (type: MessageType, extra: object = {}) => ({ type, ...extra }) as Message;

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UiFailure, String(e));
    return e.error.code;
  }
  assert.fail('expected a refusal');
}

test('a message from another extension is refused before any handler runs', async () => {
  calls.length = 0;
  assert.equal(await refusal(dispatch(msg('status'), { id: 'someone-else', url: 'chrome-extension://someone-else/' })), 'UNTRUSTED_SENDER');
  assert.deepEqual(calls, []);
});

test('generate, cancel and e-way bill: from an extension page or an enabled site only', async () => {
  for (const type of ['einvoices.generate', 'einvoices.cancel', 'einvoices.ewaybill'] as MessageType[]) {
    calls.length = 0;
    assert.deepEqual(await dispatch(msg(type), page), { handled: type });
    assert.deepEqual(await dispatch(msg(type), enabledTab), { handled: type });
    assert.equal(await refusal(dispatch(msg(type), otherTab)), 'UNTRUSTED_SENDER', `${type} from a site not enabled`);
    assert.equal(await refusal(dispatch(msg(type), { id: 'ours', url: 'https://erp.example.com/x' })), 'UNTRUSTED_SENDER', `${type} without a tab`);
    assert.equal(await refusal(dispatch(msg(type), { id: 'ours', url: 'file:///erp.example.com/x', tab: { id: 3 } as Runtime.MessageSender['tab'] })), 'UNTRUSTED_SENDER');
    assert.deepEqual(calls, [type, type]);
  }
});

test('ordinary requests from any of our contexts reach their handler; unknown types are refused', async () => {
  assert.deepEqual(await dispatch(msg('status'), otherTab), { handled: 'status' });
  const noHandlers = createDispatch({} as Handlers, deps);
  assert.equal(await refusal(noHandlers(msg('toString' as MessageType), page)), 'BAD_REQUEST');
  assert.equal(await refusal(noHandlers(msg('__proto__' as MessageType), page)), 'BAD_REQUEST');
});

test('recipes change only from the extension pages; the privilege check reads the enabled sites', async () => {
  assert.doesNotThrow(() => requireExtensionPage(page, deps));
  assert.throws(() => requireExtensionPage(enabledTab, deps), UiFailure);
  assert.equal(await mayActOnInvoices(enabledTab, { ...deps, enabledSites: async () => [] }), false);
});

test('the profile the background sends: options choice, else the seller\'s (the companion\'s rule), else the default', () => {
  const profiles = [
    { name: 'demo', kind: 'offline' as const, demo: true, gstin: '29AAHCA4821K1ZH', isDefault: true, baseUrl: 'x' },
    { name: 'acme', kind: 'sandbox' as const, demo: false, gstin: '27AAPFU0939F1ZV', isDefault: false, baseUrl: 'y' },
  ];
  assert.equal(pickProfile(profiles, null, '27AAPFU0939F1ZV')?.name, 'acme');
  assert.equal(pickProfile(profiles, null, null)?.name, 'demo');
  assert.equal(pickProfile(profiles, 'demo', '27AAPFU0939F1ZV')?.name, 'demo');
  assert.equal(pickProfile(profiles, 'gone', '27AAPFU0939F1ZV')?.name, 'acme', 'a removed choice falls back to the rule');
});
