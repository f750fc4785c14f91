/**
 * Each profile's reachability: a lookup of the profile's own GSTIN, which needs the IRP (or GSP) to
 * answer and the credentials to authenticate, and changes nothing. The reply's HTTP Date header is
 * the IRP's clock; a computer clock far from it breaks token expiry and document dates.
 */
import { ProfileStore } from '../profiles/store';
import { SessionPool } from '../profiles/sessions';
import type { ProfileConfig } from '../profiles/types';
import { irpCallFailure } from '../ledger/irp-failures';
import { fail, ok, warn, type Finding } from './finding';

const SKEW_WARN_MS = 60_000;
const SKEW_FAIL_MS = 5 * 60_000;

export async function checkProfiles(home: string, now: () => Date = () => new Date()): Promise<Finding[]> {
  const store = new ProfileStore(home);
  const profiles = store.list();
  if (profiles.length === 0) {
    return [warn('profile', 'There is no IRP profile yet: the companion creates the DEMO profile on its first start.',
      'Add your own with irn-bridge profile add (see irn-bridge profile add --help).')];
  }
  const pool = new SessionPool(home, store, { now });
  const findings: Finding[] = [];
  try {
    for (const profile of profiles) findings.push(...await checkProfile(pool, profile, now));
  } finally {
    await pool.close();
  }
  return findings;
}

async function checkProfile(pool: SessionPool, profile: ProfileConfig, now: () => Date): Promise<Finding[]> {
  const label = `Profile ${profile.name} (${profile.kind}, GSTIN ${profile.gstin})`;
  const facts = { profile: profile.name, kind: profile.kind, baseUrl: profile.baseUrl };
  const dates: string[] = [];
  // IrpSession binds globalThis.fetch when it is made: note the replies' Date headers meanwhile.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
    const res = await realFetch(...args);
    const date = res.headers.get('date');
    if (date) dates.push(date);
    return res;
  }) as typeof fetch;
  try {
    const session = await pool.sessionFor(profile);
    const { data } = await session.gstinDetails(profile.gstin);
    const name = (data as { TradeName?: string; LegalName?: string } | null)?.TradeName || (data as { LegalName?: string } | null)?.LegalName;
    const where = profile.kind === 'offline' ? 'the embedded offline IRP' : profile.baseUrl;
    const findings: Finding[] = [ok('profile', `${label} reaches ${where}: its own GSTIN lookup answered${name ? ` (${name})` : ''}.`, facts)];
    findings.push(clockFinding(profile, dates, now()));
    return findings;
  } catch (e) {
    let message: string;
    let hint: string | undefined;
    try {
      const failure = irpCallFailure(e, 'the GSTIN lookup');
      message = failure.message;
      hint = failure.details.hint;
    } catch {
      message = (e as Error)?.message ?? String(e);
    }
    return [fail('profile', `${label} cannot reach the IRP: ${message}`, hint ?? `Check the profile with irn-bridge profile list, and its credentials.`, facts)];
  } finally {
    globalThis.fetch = realFetch;
  }
}

function clockFinding(profile: ProfileConfig, dates: string[], now: Date): Finding {
  if (profile.kind === 'offline') return ok('clock', `Profile ${profile.name}: the offline IRP runs on this computer, so there is no clock to compare.`, { profile: profile.name });
  const last = dates.map((d) => Date.parse(d)).filter((t) => !Number.isNaN(t)).pop();
  if (last === undefined) return warn('clock', `Profile ${profile.name}: the IRP sent no time, so the computer's clock could not be checked.`, undefined, { profile: profile.name });
  // HTTP dates have whole seconds: differences under 2 s are rounding.
  const skew = now.getTime() - last;
  const facts = { profile: profile.name, skewSeconds: Math.round(skew / 1000) };
  const text = `${Math.abs(Math.round(skew / 1000))} s ${skew > 0 ? 'ahead of' : 'behind'} the IRP's`;
  if (Math.abs(skew) >= SKEW_FAIL_MS) return fail('clock', `This computer's clock is ${text}.`, 'Set the clock to synchronise automatically (Windows: Settings → Time; Linux: timedatectl set-ntp true).', facts);
  if (Math.abs(skew) >= SKEW_WARN_MS) return warn('clock', `This computer's clock is ${text}.`, 'Turn on automatic time synchronisation.', facts);
  return ok('clock', `This computer's clock agrees with the IRP's (within ${Math.max(2, Math.abs(Math.round(skew / 1000)))} s).`, facts);
}
