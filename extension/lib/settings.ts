/** What the extension keeps in `storage.local`: the companion address, the API key, the chosen profile, enabled sites, recipes. */
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import type { Recipe } from '@irn-bridge/shared/erps/recipe/index';
import { browser } from './browser';
import { companionBaseUrl } from './companion-address';

export interface StoredSettings {
  port: number;
  /** From pairing. Never shown in any UI, never logged. */
  apiKey: string | null;
  /** Team mode: the shared companion's https:// origin (lib/companion-address.ts); null = this computer's. */
  sharedUrl: string | null;
  /** The personal key the administrator made for this clerk there (`irn-bridge keys create`); never shown, never logged. */
  sharedKey: string | null;
  defaultProfile: string | null;
  /** Match patterns of the ERP sites the user enabled. */
  sites: string[];
  /** User-taught recipes for other web ERPs (validated before they are stored). */
  recipes: Recipe[];
}

const KEY = 'irnBridge';
const DEFAULTS: StoredSettings = { port: DEFAULT_COMPANION_PORT, apiKey: null, sharedUrl: null, sharedKey: null, defaultProfile: null, sites: [], recipes: [] };

export async function loadSettings(): Promise<StoredSettings> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredSettings> | undefined;
  return { ...DEFAULTS, ...(got ?? {}) };
}

/** The address and key every companion call uses: the shared companion's when one is set. */
export function companionConnection(s: StoredSettings): { baseUrl: string; apiKey: string | null; shared: boolean } {
  return s.sharedUrl
    ? { baseUrl: companionBaseUrl(s), apiKey: s.sharedKey, shared: true }
    : { baseUrl: companionBaseUrl(s), apiKey: s.apiKey, shared: false };
}

export async function saveSettings(patch: Partial<StoredSettings>): Promise<StoredSettings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
