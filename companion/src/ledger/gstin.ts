/**
 * The GSTIN lookup, for the API and the CLI alike: the checksum is checked first (a typo never
 * costs an IRP call), the IRP call is audited, and the answer is mapped to the contract's shape.
 */
import type { GstinDetails } from '@irn-bridge/shared/api/contract';
import { allowsSandboxGstins } from '@irn-bridge/shared/profiles/choice';
import { stateName } from '@irn-bridge/shared/codes/states';
import type { GstinDetailsData } from '../irp';
import { checkGstin } from '../domain';
import { CompanionError } from '../errors';
import type { IrpPort } from '../profiles/sessions';
import { profileRef, type ProfileConfig } from '../profiles/types';
import { irpCallFailure } from './irp-failures';
import type { LedgerStorage } from '../storage/types';

export async function lookupGstin(
  deps: { ledger: Pick<LedgerStorage, 'audit'>; sessionFor: (profile: ProfileConfig) => Promise<IrpPort> },
  profile: ProfileConfig,
  input: string,
): Promise<GstinDetails> {
  const gstin = input.trim();
  const check = checkGstin(gstin, { allowSandboxGstins: allowsSandboxGstins(profile) });
  if (!check.ok) throw new CompanionError('INVALID_GSTIN', check.message, { hint: check.hint });
  const session = await deps.sessionFor(profile);
  const started = Date.now();
  try {
    const { data } = await session.gstinDetails(gstin);
    await deps.ledger.audit({ profile: profile.name, operation: 'gstin', outcome: 'ok', durationMs: Date.now() - started });
    return toGstinDetails(data, profile);
  } catch (e) {
    await deps.ledger.audit({ profile: profile.name, operation: 'gstin', outcome: 'error', durationMs: Date.now() - started });
    throw irpCallFailure(e, 'the GSTIN lookup');
  }
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
