import type { ProfileKind, ProfileRef, ProfileSummary } from '@irn-bridge/shared/api/contract';

/** What profiles.json holds for one profile: nothing secret. */
export interface ProfileConfig {
  name: string;
  kind: ProfileKind;
  gstin: string;
  /** For `offline` profiles this is a label, not a URL the companion dials. */
  baseUrl: string;
  /** A PEM file in <home>/keys (copied there at `profile add`); absent = the kind's default key. */
  publicKeyPath?: string;
  demo: boolean;
  /** Names of the extra headers (values are secrets, kept in secrets.json). */
  headerNames?: string[];
}

/** What secrets.json holds for one profile (file mode 0600). Offline profiles need none. */
export interface ProfileSecrets {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  headers?: Record<string, string>;
}

export const OFFLINE_BASE_URL = 'offline://embedded-irp';
export const SANDBOX_BASE_URL = 'https://einv-apisandbox.nic.in';
export const DEMO_PROFILE = 'demo';
/** The fixture seller (Aruna Spice Works) the demo profile registers invoices for. */
export const DEMO_GSTIN = '29AAHCA4821K1ZH';

export const profileRef = (p: ProfileConfig): ProfileRef => ({ name: p.name, kind: p.kind, demo: p.demo });

export const profileSummary = (p: ProfileConfig, defaultName: string | null): ProfileSummary => ({
  ...profileRef(p), gstin: p.gstin, isDefault: p.name === defaultName, baseUrl: p.baseUrl,
});

