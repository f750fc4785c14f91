/**
 * Which IRP profile serves a request, and what that profile allows: one rule for the companion
 * (ProfileStore.resolve), the extension's background (the profile it sends) and the panel's preview.
 */
import type { ProfileKind } from '../api/contract';

/** Sandbox GSTINs are accepted only where the IRP on the other side is a test system. */
export function allowsSandboxGstins(profile: { kind: ProfileKind } | null | undefined): boolean {
  return profile?.kind === 'offline' || profile?.kind === 'sandbox';
}

export interface ProfileCandidate {
  name: string;
  gstin: string;
  demo: boolean;
}

export interface ProfileWish {
  /** A profile named by the caller: it must exist. */
  profile?: string | null;
  /** The invoice's seller GSTIN: picks the profile registered for that GSTIN. */
  sellerGstin?: string | null;
}

export type ProfileChoice<P> = { ok: true; profile: P } | { ok: false; reason: 'unknown-name' | 'none' };

/**
 * Named → else the profile for the seller GSTIN (several may serve one GSTIN, e.g. demo and
 * sandbox: the default first, then a non-demo one) → else the default.
 */
export function chooseProfile<P extends ProfileCandidate>(profiles: readonly P[], defaultName: string | null, wish: ProfileWish = {}): ProfileChoice<P> {
  if (wish.profile) {
    const named = profiles.find((p) => p.name === wish.profile);
    return named ? { ok: true, profile: named } : { ok: false, reason: 'unknown-name' };
  }
  const seller = wish.sellerGstin?.trim().toUpperCase();
  if (seller) {
    const matches = profiles.filter((p) => p.gstin.toUpperCase() === seller);
    const bySeller = matches.find((p) => p.name === defaultName) ?? matches.find((p) => !p.demo) ?? matches[0];
    if (bySeller) return { ok: true, profile: bySeller };
  }
  const def = profiles.find((p) => p.name === defaultName);
  return def ? { ok: true, profile: def } : { ok: false, reason: 'none' };
}

/** The seller GSTIN of an INV-01 invoice (IRP field names), if it has one. */
export function sellerGstinOf(invoice: unknown): string | null {
  const g = (invoice as { SellerDtls?: { Gstin?: unknown } } | null)?.SellerDtls?.Gstin;
  return typeof g === 'string' ? g.trim().toUpperCase() : null;
}
