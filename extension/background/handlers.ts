/** One handler per message type; the background's whole job is here. */
import type { ProfileSummary } from '@irn-bridge/shared/api/contract';
import { chooseProfile, sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import { browser, type Runtime } from '../lib/browser';
import { CompanionClient } from '../lib/companion-client';
import { PRIVILEGED, type CompanionStatus, type Message, type MessageType, type Protocol, type Settings } from '../lib/messages';
import { loadSettings, saveSettings, type StoredSettings } from '../lib/settings';
import { toUiError, UiFailure } from '../lib/ui-error';
import { readMainWorldGlobals } from './page-globals';
import { patternForOrigin } from '../lib/site-patterns';
import { listRecipes, recipesForOrigin, removeRecipe, saveRecipe } from './recipes';
import { enableSite, listSites, removeSite } from './sites';

type Handler<T extends MessageType> = (msg: Message<T>, sender: Runtime.MessageSender) => Promise<Protocol[T]['res']>;

function client(s: StoredSettings): CompanionClient {
  return new CompanionClient({ port: s.port, apiKey: s.apiKey, fetch: (...a) => fetch(...a) });
}

function publicSettings(s: StoredSettings): Settings {
  return { port: s.port, defaultProfile: s.defaultProfile, paired: Boolean(s.apiKey) };
}

/**
 * The profile a request will use, by the companion's own rule (shared/src/profiles/choice.ts): the
 * profile chosen in the options (while it exists), else the one for the invoice's seller GSTIN,
 * else the companion's default. The background sends it by name, so preview and generate agree.
 */
export function pickProfile(profiles: ProfileSummary[], wanted: string | null, sellerGstin?: string | null): ProfileSummary | null {
  const defaultName = profiles.find((p) => p.isDefault)?.name ?? null;
  const named = wanted ? chooseProfile(profiles, defaultName, { profile: wanted }) : null;
  if (named?.ok) return named.profile;
  const choice = chooseProfile(profiles, defaultName, { sellerGstin });
  return choice.ok ? choice.profile : profiles[0] ?? null;
}

async function chosenProfile(c: CompanionClient, s: StoredSettings, sellerGstin?: string | null): Promise<string | undefined> {
  return pickProfile((await c.profiles()).profiles, s.defaultProfile, sellerGstin)?.name;
}

async function status(sellerGstin?: string): Promise<CompanionStatus> {
  const s = await loadSettings();
  const c = client(s);
  try {
    const health = await c.health();
    let activeProfile: ProfileSummary | null = null;
    if (health.paired) activeProfile = pickProfile((await c.profiles()).profiles, s.defaultProfile, sellerGstin);
    return { running: true, paired: health.paired, port: s.port, health, activeProfile, error: null };
  } catch (err) {
    const error = toUiError(err);
    const running = error.code !== 'COMPANION_DOWN';
    return { running, paired: false, port: s.port, health: null, activeProfile: null, error };
  }
}

const handlers: { [T in MessageType]: Handler<T> } = {
  status: (msg) => status(msg.sellerGstin),
  pair: async (msg) => {
    const s = await loadSettings();
    const code = msg.code.replace(/\s+/g, '').toUpperCase();
    if (!code) throw new UiFailure({ code: 'BAD_REQUEST', message: 'Type the pairing code shown by `irn-bridge pair`.' });
    const res = await client(s).pair(code, msg.client ?? `IRN Bridge extension (${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'})`);
    await saveSettings({ apiKey: res.apiKey });
    return { paired: true };
  },
  unpair: async () => publicSettings(await saveSettings({ apiKey: null })),
  'settings.get': async () => publicSettings(await loadSettings()),
  'settings.set': async (msg) => {
    const patch: Partial<StoredSettings> = {};
    if (msg.port !== undefined) {
      if (!Number.isInteger(msg.port) || msg.port < 1 || msg.port > 65535) {
        throw new UiFailure({ code: 'BAD_REQUEST', message: 'The port must be a whole number between 1 and 65535.' });
      }
      patch.port = msg.port;
    }
    if (msg.defaultProfile !== undefined) patch.defaultProfile = msg.defaultProfile;
    return publicSettings(await saveSettings(patch));
  },
  profiles: async () => (await client(await loadSettings()).profiles()).profiles,
  gstin: async (msg) => {
    const s = await loadSettings();
    return client(s).gstin(msg.gstin.trim().toUpperCase(), s.defaultProfile);
  },
  'einvoices.recent': async (msg) => {
    const s = await loadSettings();
    return client(s).recent(Math.min(Math.max(msg.limit ?? 10, 1), 100), s.defaultProfile);
  },
  'einvoices.lookup': async (msg) => {
    const s = await loadSettings();
    const c = client(s);
    return c.lookup({ docType: msg.docType, docNo: msg.docNo, docDate: msg.docDate }, await chosenProfile(c, s, msg.sellerGstin));
  },
  'einvoices.generate': async (msg) => {
    const s = await loadSettings();
    const c = client(s);
    return c.generate({ invoice: msg.invoice, profile: await chosenProfile(c, s, sellerGstinOf(msg.invoice)) });
  },
  'einvoices.cancel': async (msg) => {
    const s = await loadSettings();
    return client(s).cancel(msg.irn, { reason: msg.reason, remark: msg.remark, profile: s.defaultProfile ?? undefined });
  },
  'einvoices.ewaybill': async (msg) => {
    const s = await loadSettings();
    const { distance, transMode, transId, transName, transDocNo, transDocDt, vehNo, vehType } = msg;
    return client(s).ewaybill(msg.irn, { distance, transMode, transId, transName, transDocNo, transDocDt, vehNo, vehType, profile: s.defaultProfile ?? undefined });
  },
  'sites.list': () => listSites(),
  'sites.enable': (msg) => enableSite(msg.origin, msg.tabId),
  'sites.remove': (msg) => removeSite(msg.pattern),
  'recipes.list': () => listRecipes(),
  'recipes.save': async (msg, sender) => {
    requireExtensionPage(sender);
    return saveRecipe(msg.recipe);
  },
  'recipes.remove': async (msg, sender) => {
    requireExtensionPage(sender);
    return removeRecipe(msg.id);
  },
  'recipes.forOrigin': (msg, sender) => {
    // A content script gets its own page's recipes only, whatever origin it names.
    const own = (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    return recipesForOrigin(own ? msg.origin : new URL(sender.url ?? 'about:blank').origin);
  },
  'page.globals': async (msg, sender) => {
    if (sender.tab?.id === undefined) throw new UiFailure({ code: 'BAD_REQUEST', message: 'Page globals can only be read for a tab.' });
    return readMainWorldGlobals(sender.tab.id, sender.frameId ?? 0, msg.names);
  },
};

/**
 * Only our own contexts reach `runtime.onMessage` (web pages have no channel to it: the manifest
 * declares no `externally_connectable`). Generate, cancel and e-way bill additionally require a
 * sender that is either an extension page or a content script in a tab of an enabled site.
 */
export async function dispatch(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
  if (sender.id !== browser.runtime.id) throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'Message from an unknown sender.' });
  if (PRIVILEGED.has(msg.type) && !(await mayActOnInvoices(sender))) {
    throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'IRNs and e-way bills can only be generated or cancelled from the IRN Bridge panel on an enabled site.' });
  }
  const handler = handlers[msg.type] as Handler<MessageType> | undefined;
  if (!handler) throw new UiFailure({ code: 'BAD_REQUEST', message: `Unknown request ${String(msg.type)}.` });
  return handler(msg, sender);
}

/** Recipes decide what is read and written on a site: only the extension's own pages change them. */
function requireExtensionPage(sender: Runtime.MessageSender): void {
  if (!(sender.url ?? '').startsWith(browser.runtime.getURL('/'))) {
    throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'Recipes can only be changed in the IRN Bridge options page.' });
  }
}

/** Extension pages, or our content script in a tab of a site the user enabled. */
async function mayActOnInvoices(sender: Runtime.MessageSender): Promise<boolean> {
  const url = sender.url ?? '';
  if (url.startsWith(browser.runtime.getURL('/'))) return true;
  if (sender.tab === undefined || !/^https?:/.test(url)) return false;
  const { sites } = await loadSettings();
  return sites.includes(patternForOrigin(url));
}
