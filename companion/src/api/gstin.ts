/** GET /v1/gstin/:gstin — the checksum is checked here first, so a typo never costs an IRP call. */
import { Hono } from 'hono';
import type { GstinDetails } from '@irn-bridge/shared/api/contract';
import type { GstinDetailsData } from '../irp';
import { checkGstin } from '../domain';
import { irpCallFailure } from '../ledger/irp-failures';
import { allowsSandboxGstins, profileRef, type ProfileConfig } from '../profiles/types';
import { ApiFailure } from './errors';
import type { AppEnv, CompanionContext } from './context';
import { stateName } from '@irn-bridge/shared/codes/states';

export function gstinRoutes(ctx: CompanionContext) {
  return new Hono<AppEnv>().get('/v1/gstin/:gstin', async (c) => {
    const gstin = c.req.param('gstin').trim();
    const profile = ctx.profiles.resolve({ profile: c.req.query('profile') });
    const check = checkGstin(gstin, { allowSandboxGstins: allowsSandboxGstins(profile) });
    if (!check.ok) throw new ApiFailure(422, 'INVALID_GSTIN', check.message, { hint: check.hint });
    const session = await ctx.sessions.sessionFor(profile);
    const started = Date.now();
    try {
      const { data } = await session.gstinDetails(gstin);
      ctx.ledger.audit({ profile: profile.name, operation: 'gstin', outcome: 'ok', durationMs: Date.now() - started });
      return c.json(toGstinDetails(data, profile));
    } catch (e) {
      ctx.ledger.audit({ profile: profile.name, operation: 'gstin', outcome: 'error', durationMs: Date.now() - started });
      throw irpCallFailure(e, 'the GSTIN lookup');
    }
  });
}

export function toGstinDetails(d: GstinDetailsData, profile: ProfileConfig): GstinDetails {
  const parts = [d.AddrBno, d.AddrFlno, d.AddrBnm, d.AddrSt, d.AddrLoc].map((p) => (p ?? '').trim()).filter(Boolean);
  if (d.AddrPncd) parts.push(String(d.AddrPncd));
  const stateCode = d.StateCode == null ? null : String(d.StateCode).padStart(2, '0');
  return {
    gstin: d.Gstin, legalName: d.LegalName?.trim() || null, tradeName: d.TradeName?.trim() || null,
    address: parts.length ? parts.join(', ') : null,
    addressParts: {
      building: d.AddrBnm ?? null, buildingNo: d.AddrBno ?? null, floor: d.AddrFlno ?? null,
      street: d.AddrSt ?? null, location: d.AddrLoc ?? null, pincode: d.AddrPncd == null ? null : Number(d.AddrPncd),
    },
    stateCode, stateName: stateCode ? stateName(stateCode) : null,
    status: d.Status ?? null, blockStatus: d.BlkStatus ?? null, taxpayerType: d.TxpType ?? null,
    registrationDate: d.DtReg ?? null, deregistrationDate: d.DtDReg ?? null,
    profile: profileRef(profile),
  };
}
