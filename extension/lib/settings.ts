/** What the extension keeps in `storage.local`: the companion address, the API key, the chosen profile, enabled sites, recipes. */
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import type { Recipe } from '@irn-bridge/shared/erps/recipe/index';
import { browser } from './browser';

export interface StoredSettings {
  port: number;
  /** From pairing. Never shown in any UI, never logged. */
  apiKey: string | null;
  defaultProfile: string | null;
  /** Match patterns of the ERP sites the user enabled. */
  sites: string[];
  /** User-taught recipes for other web ERPs (validated before they are stored). */
  recipes: Recipe[];
}

const KEY = 'irnBridge';
const DEFAULTS: StoredSettings = { port: DEFAULT_COMPANION_PORT, apiKey: null, defaultProfile: null, sites: [], recipes: [] };

export async function loadSettings(): Promise<StoredSettings> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredSettings> | undefined;
  return { ...DEFAULTS, ...(got ?? {}) };
}

export async function saveSettings(patch: Partial<StoredSettings>): Promise<StoredSettings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
