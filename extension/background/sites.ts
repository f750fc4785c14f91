/**
 * Per-site enablement: the user grants an ERP origin (optional host permission), we register the
 * content script for it with `scripting.registerContentScripts` (persisted across sessions), keep
 * the list in storage, and re-sync on every service-worker start.
 */
import { browser } from '../lib/browser';
import type { SiteEntry } from '../lib/messages';
import { loadSettings, saveSettings } from '../lib/settings';
import { patternForOrigin, patternFromScriptId, scriptIdForPattern } from '../lib/site-patterns';

export const CONTENT_SCRIPT_FILE = 'content-scripts/erp.js';

async function registeredPatterns(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => patternFromScriptId(s.id)).filter((p): p is string => p !== null));
}

async function register(pattern: string): Promise<void> {
  await browser.scripting.registerContentScripts([{
    id: scriptIdForPattern(pattern),
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  }]);
}

export async function listSites(): Promise<SiteEntry[]> {
  const { sites } = await loadSettings();
  const registered = await registeredPatterns();
  const out: SiteEntry[] = [];
  for (const pattern of sites) {
    const granted = await browser.permissions.contains({ origins: [pattern] });
    out.push({ pattern, registered: registered.has(pattern), granted });
  }
  return out;
}

/**
 * Called after the popup/options page obtained the host permission (the prompt needs a user
 * gesture in that page). Registers the script and injects it into `tabId` so no reload is needed.
 */
export async function enableSite(origin: string, tabId?: number): Promise<SiteEntry[]> {
  const pattern = patternForOrigin(origin);
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new Error(`Access to ${pattern} was not granted. Allow it when the browser asks.`);
  }
  const { sites } = await loadSettings();
  if (!sites.includes(pattern)) await saveSettings({ sites: [...sites, pattern] });
  if (!(await registeredPatterns()).has(pattern)) await register(pattern);
  if (tabId !== undefined) {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
  return listSites();
}

export async function removeSite(pattern: string): Promise<SiteEntry[]> {
  const { sites } = await loadSettings();
  await saveSettings({ sites: sites.filter((s) => s !== pattern) });
  if ((await registeredPatterns()).has(pattern)) {
    await browser.scripting.unregisterContentScripts({ ids: [scriptIdForPattern(pattern)] });
  }
  // Install-time grants (the e2e build) cannot be removed; optional ones are given back.
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  return listSites();
}

/** Makes registrations match the stored list (e.g. after the browser dropped them or the user revoked access). */
export async function syncSites(): Promise<void> {
  const { sites } = await loadSettings();
  const registered = await registeredPatterns();
  for (const pattern of registered) {
    if (!sites.includes(pattern)) await browser.scripting.unregisterContentScripts({ ids: [scriptIdForPattern(pattern)] });
  }
  for (const pattern of sites) {
    if (registered.has(pattern)) continue;
    if (await browser.permissions.contains({ origins: [pattern] })) await register(pattern).catch(() => undefined);
  }
}
