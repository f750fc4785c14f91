/** One handler per message type; the background's whole job is here. */
import type { ProfileSummary } from '@irn-bridge/shared/api/contract';
import { sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import { pickProfile } from './pick-profile';
import { browser } from '../lib/browser';
import { CompanionClient } from '../lib/companion-client';
import type { CompanionStatus, Settings } from '../lib/messages';
import { createDispatch, isExtensionPage, requireExtensionPage, type Handlers } from './dispatch';
import { companionConnection, loadSettings, saveSettings, type StoredSettings } from '../lib/settings';
import { sharedCompanionAddress } from '../lib/companion-address';
import { toUiError, UiFailure } from '../lib/ui-error';
import { openBulkPage, refreshForm, refreshList } from './bulk';
import { readMainWorldGlobals } from './page-globals';
import { listRecipes, recipesForOrigin, removeRecipe, saveRecipe } from './recipes';
import { enableSite, listSites, removeSite } from './sites';
import { validateForPanel } from './validate';
import { fixesFor, prepareInvoice } from './prepare';
import { buildQrMatrix } from '../lib/qr-matrix';
import { qrPngBase64 } from '@irn-bridge/shared/erps/odoo/qr-png';
import { injectPanel } from './inject-panel';


function client(s: StoredSettings): CompanionClient {
  const conn = companionConnection(s);
  return new CompanionClient({ port: s.port, ...(conn.shared ? { baseUrl: conn.baseUrl } : {}), apiKey: conn.apiKey, fetch: (...a) => fetch(...a) });
}

function publicSettings(s: StoredSettings): Settings {
  return { port: s.port, sharedUrl: s.sharedUrl, defaultProfile: s.defaultProfile, paired: Boolean(companionConnection(s).apiKey) };
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
    return { running: true, paired: health.paired, port: s.port, sharedUrl: s.sharedUrl, health, activeProfile, error: null };
  } catch (err) {
    const error = toUiError(err);
    const running = error.code !== 'COMPANION_DOWN';
    return { running, paired: false, port: s.port, sharedUrl: s.sharedUrl, health: null, activeProfile: null, error };
  }
}

const handlers: Handlers = {
  status: (msg) => status(msg.sellerGstin),
  pair: async (msg) => {
    const s = await loadSettings();
    const code = msg.code.replace(/\s+/g, '').toUpperCase();
    if (!code) throw new UiFailure({ code: 'BAD_REQUEST', message: 'Type the pairing code shown by `irn-bridge pair`.' });
    const res = await client(s).pair(code, msg.client ?? `IRN Bridge extension (${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'})`);
    await saveSettings({ apiKey: res.apiKey });
    return { paired: true };
  },
  unpair: async () => publicSettings(await saveSettings((await loadSettings()).sharedUrl ? { sharedKey: null } : { apiKey: null })),
  'companion.share': async (msg, sender) => {
    // Where every invoice and the key go: only the options page may change it, never a content script.
    if (!isExtensionPage(sender, deps)) throw new UiFailure({ code: 'UNTRUSTED_SENDER', message: 'The companion address can only be changed in the IRN Bridge options page.' });
    const address = sharedCompanionAddress(msg.url);
    if ('error' in address) throw new UiFailure({ code: 'BAD_REQUEST', message: address.error });
    const key = msg.key.trim();
    if (!key) throw new UiFailure({ code: 'BAD_REQUEST', message: 'Paste the key your administrator made for you (irn-bridge keys create prints it once).' });
    const s = await loadSettings();
    const health = await new CompanionClient({ port: s.port, baseUrl: address.url, apiKey: key, fetch: (...a) => fetch(...a) }).health();
    if (!health.paired) {
      throw new UiFailure({ code: 'NOT_PAIRED', message: `The companion at ${address.url} answers but does not accept this key (mistyped, revoked or made for another companion).`, hint: 'Ask your administrator for your key again: irn-bridge keys create --user NAME --role clerk.' });
    }
    return { settings: publicSettings(await saveSettings({ sharedUrl: address.url, sharedKey: key })), health };
  },
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
    if (msg.sharedUrl === null) Object.assign(patch, { sharedUrl: null, sharedKey: null });
    return publicSettings(await saveSettings(patch));
  },
  profiles: async () => (await client(await loadSettings()).profiles()).profiles,
  gstin: async (msg) => {
    const s = await loadSettings();
    const c = client(s);
    return c.gstin(msg.gstin.trim().toUpperCase(), await chosenProfile(c, s));
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
  'invoice.prepare': async (msg) => prepareInvoice(msg),
  'erp.fixes': async (msg) => fixesFor(msg),
  'qr.matrix': async (msg) => buildQrMatrix(String(msg.text)),
  'qr.png': (msg) => qrPngBase64(String(msg.text)),
  'panel.load': (_msg, sender) => injectPanel(sender),
  'invoice.validate': async (msg) => validateForPanel(msg),
  'einvoices.generate': async (msg, sender) => {
    const s = await loadSettings();
    const c = client(s);
    // Where the invoice came from, so the history can open it in its ERP: what the panel says, else the tab's page.
    const page = sender.tab && /^https?:\/\//.test(sender.url ?? '') ? sender.url! : null;
    const source = msg.source ?? (page ? { url: page } : undefined);
    return c.generate({ invoice: msg.invoice, profile: await chosenProfile(c, s, sellerGstinOf(msg.invoice)), ...(source ? { source } : {}) });
  },
  'einvoices.list': async (msg) => {
    const s = await loadSettings();
    const { state, from, to, q, limit, offset } = msg;
    return client(s).list({ state, from, to, q: q?.trim() || undefined, limit: Math.min(Math.max(limit ?? 50, 1), 1000), offset, profile: s.defaultProfile ?? undefined });
  },
  'einvoices.ewaybill.cancel': async (msg) => {
    const s = await loadSettings();
    // No profile: the companion uses the one the ledger registered this IRN under.
    return client(s).cancelEwaybill(msg.irn, { reason: msg.reason, remark: msg.remark });
  },
  'einvoices.cancel': async (msg) => {
    const s = await loadSettings();
    // No profile: the companion uses the one the ledger registered this IRN under.
    return client(s).cancel(msg.irn, { reason: msg.reason, remark: msg.remark });
  },
  'einvoices.ewaybill': async (msg) => {
    const s = await loadSettings();
    const { distance, transMode, transId, transName, transDocNo, transDocDt, vehNo, vehType } = msg;
    return client(s).ewaybill(msg.irn, { distance, transMode, transId, transName, transDocNo, transDocDt, vehNo, vehType });
  },
  'sites.list': () => listSites(),
  'sites.enable': (msg) => enableSite(msg.origin, msg.tabId),
  'sites.remove': (msg) => removeSite(msg.pattern),
  'recipes.list': () => listRecipes(),
  'recipes.save': async (msg, sender) => {
    requireExtensionPage(sender, deps);
    return saveRecipe(msg.recipe);
  },
  'recipes.remove': async (msg, sender) => {
    requireExtensionPage(sender, deps);
    return removeRecipe(msg.id);
  },
  'recipes.forOrigin': (msg, sender) => {
    // A content script gets its own page's recipes only, whatever origin it names.
    const own = isExtensionPage(sender, deps);
    return recipesForOrigin(own ? msg.origin : new URL(sender.url ?? 'about:blank').origin);
  },
  'bulk.open': (msg, sender) => openBulkPage(msg, sender),
  'page.refreshForm': (msg, sender) => refreshForm(msg, sender),
  'page.refreshList': (msg, sender) => refreshList(msg, sender),
  'page.globals': async (msg, sender) => {
    if (sender.tab?.id === undefined) throw new UiFailure({ code: 'BAD_REQUEST', message: 'Page globals can only be read for a tab.' });
    return readMainWorldGlobals(sender.tab.id, sender.frameId ?? 0, msg.names);
  },
};

const deps = {
  get extensionId() { return browser.runtime.id; },
  get extensionUrl() { return browser.runtime.getURL('/'); },
  enabledSites: async () => (await loadSettings()).sites,
};

/** Every message from the extension's own contexts, after the sender checks (background/dispatch.ts). */
export const dispatch = createDispatch(handlers, deps);
