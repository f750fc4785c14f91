import type { ProfileSummary } from '@irn-bridge/shared/api/contract';
import { chooseProfile } from '@irn-bridge/shared/profiles/choice';

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
