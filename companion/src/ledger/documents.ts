/** Lookups, cancellation and e-way bills: the ledger answers what it knows, the IRP the rest; each IRP operation is audited. */
import type { CancelCommand, CancelResponse, EInvoiceResult, EwaybillRequest, EwaybillResponse } from '@irn-bridge/shared/api/contract';
import { isIrpError } from '../irp';
import { cleanCancelRemark } from '@irn-bridge/shared/codes/cancel-reasons';
import { checkEwaybillFields, normalizeVehicleNo } from '@irn-bridge/shared/ewaybill/rules';
import { badRequest, CompanionError } from '../errors';
import { financialYear, formatIstDateTime } from '../domain';
import type { IrpPort } from '../profiles/sessions';
import { profileRef, type ProfileConfig } from '../profiles/types';
import { irpCallFailure } from './irp-failures';
import { resultFromIrp, resultFromRow } from './result';
import { documentOf, type LedgerRow } from './store';
import type { LedgerStorage } from '../storage/types';
import type { ProfileStore } from '../profiles/store';

export interface DocumentDeps {
  ledger: LedgerStorage;
  sessionFor: (profile: ProfileConfig) => Promise<IrpPort>;
  profileNamed: (name: string) => ProfileConfig | undefined;
  now?: () => Date;
}

/**
 * The profile for an operation on an IRN: the one named, else the one the ledger registered it
 * under (if it still exists), else the default.
 */
export async function profileForIrn(
  deps: { profiles: Pick<ProfileStore, 'resolve' | 'get'>; ledger: Pick<LedgerStorage, 'findByIrn'> },
  irn: string,
  explicit?: string,
): Promise<ProfileConfig> {
  if (explicit) return deps.profiles.resolve({ profile: explicit });
  const row = await deps.ledger.findByIrn(irn);
  return (row ? deps.profiles.get(row.profile) : undefined) ?? deps.profiles.resolve({});
}

export class DocumentService {
  constructor(private readonly deps: DocumentDeps) {}

  private refOf(row: LedgerRow, fallback: ProfileConfig) {
    return profileRef(this.deps.profileNamed(row.profile) ?? fallback);
  }

  async byIrn(profile: ProfileConfig, irn: string): Promise<EInvoiceResult> {
    const row = await this.deps.ledger.findByIrn(irn);
    if (row) return resultFromRow(row, this.refOf(row, profile), { fromLedger: true });
    const session = await this.deps.sessionFor(profile);
    try {
      return resultFromIrp((await session.getByIrn(irn)).data, profileRef(profile));
    } catch (e) {
      if (isIrpError(e) && !e.retryable) throw notFoundAtIrp(`No e-invoice with IRN ${irn} is in the ledger or at the IRP.`, e);
      throw irpCallFailure(e, 'the request for this IRN');
    }
  }

  /** `ledgerOnly`: answer from the ledger alone (viewing an invoice makes no IRP call); else ask the IRP when the ledger has no IRN. */
  async byDocument(profile: ProfileConfig, q: { docType: string; docNo: string; docDate: string }, opts: { ledgerOnly?: boolean } = {}): Promise<EInvoiceResult> {
    let fy: string;
    try { fy = financialYear(q.docDate); } catch {
      throw badRequest(`"${q.docDate}" is not a document date.`, 'Use dd/mm/yyyy, e.g. 05/04/2026.');
    }
    const docType = q.docType.toUpperCase();
    const row = await this.deps.ledger.find({ sellerGstin: profile.gstin, fy, docType: docType as 'INV', docNo: q.docNo.trim().toUpperCase(), docDate: q.docDate });
    if (row?.irn && (row.state === 'generated' || row.state === 'cancelled')) return resultFromRow(row, this.refOf(row, profile), { fromLedger: true });
    if (opts.ledgerOnly) {
      throw new CompanionError('NOT_FOUND', `The ledger has no IRN for ${docType} ${q.docNo} of ${q.docDate}.`,
        { hint: row ? 'An earlier attempt did not finish; Generate IRN settles it with the IRP.' : 'Generate IRN registers it.' });
    }
    const session = await this.deps.sessionFor(profile);
    try {
      return resultFromIrp((await session.getByDocDetails({ docType, docNo: q.docNo.trim(), docDate: q.docDate })).data, profileRef(profile));
    } catch (e) {
      if (isIrpError(e) && !e.retryable) throw notFoundAtIrp(`No e-invoice for ${docType} ${q.docNo} of ${q.docDate} is in the ledger or at the IRP.`, e);
      throw irpCallFailure(e, 'the request for this document');
    }
  }

  /**
   * Cancels once: an IRN the ledger already has as cancelled is refused without an IRP call. A lost answer, or the
   * IRP's 9999 ("not active": cancelled already, e.g. by an earlier reply that was lost), is settled
   * by asking the IRP, and a confirmed cancellation is recorded.
   */
  /** `user` names who asked (team mode), for the audit entry. */
  async cancel(profile: ProfileConfig, irn: string, cmd: CancelCommand, user: string | null = null): Promise<CancelResponse> {
    const req = { reason: cmd.reason, remark: cleanCancelRemark(cmd.remark) };
    if (!req.remark) throw badRequest('"remark" has no text the IRP can store: write why the IRN is cancelled, in words.');
    const row = await this.deps.ledger.findByIrn(irn);
    if (row?.state === 'cancelled') {
      throw new CompanionError('ALREADY_CANCELLED', `IRN ${irn} was already cancelled on ${row.cancel_date ?? 'an earlier date'}.`);
    }
    const session = await this.deps.sessionFor(profile);
    const started = Date.now();
    const audit = (outcome: string, irpCodes?: string[]) => this.deps.ledger.audit({
      profile: profile.name, operation: 'cancel', irn, document: row ? documentOf(row) : null, outcome, irpCodes, durationMs: Date.now() - started, user });
    try {
      const { data } = await session.cancelIrn({ irn, reason: req.reason, remark: req.remark });
      await this.deps.ledger.markCancelled(irn, data.CancelDate, req.reason, req.remark);
      await audit('cancelled');
      return { irn: data.Irn ?? irn, cancelDate: data.CancelDate, status: 'CNL' };
    } catch (e) {
      const maybeDone = !isIrpError(e) || e.codes.includes('9999');
      if (maybeDone && await this.cancelledAtIrp(session, irn)) {
        const cancelDate = formatIstDateTime(this.deps.now?.() ?? new Date());
        await this.deps.ledger.markCancelled(irn, cancelDate, req.reason, req.remark);
        await audit('cancelled (confirmed by the IRP)');
        return { irn, cancelDate, status: 'CNL' };
      }
      await audit(isIrpError(e) ? 'IRP_REJECTED' : 'IRP_UNAVAILABLE', isIrpError(e) ? e.codes : undefined);
      throw irpCallFailure(e, 'the cancellation; retrying is safe');
    }
  }

  /** Whether the IRP reports the IRN as cancelled; false when it cannot say. */
  private async cancelledAtIrp(session: IrpPort, irn: string): Promise<boolean> {
    try {
      return String((await session.getByIrn(irn)).data?.Status ?? '').toUpperCase() === 'CNL';
    } catch {
      return false;
    }
  }

  async ewaybill(profile: ProfileConfig, irn: string, req: EwaybillRequest, user: string | null = null): Promise<EwaybillResponse> {
    const problem = checkEwaybillFields(req, { now: this.deps.now?.() })[0];
    if (problem) throw badRequest(`"${problem.field}": ${problem.message}`);
    const session = await this.deps.sessionFor(profile);
    const started = Date.now();
    const row = await this.deps.ledger.findByIrn(irn);
    const body = {
      Irn: irn, Distance: req.distance, TransMode: req.transMode, TransId: req.transId?.trim().toUpperCase(), TransName: req.transName,
      TransDocNo: req.transDocNo?.trim(), TransDocDt: req.transDocDt?.trim(), VehNo: req.vehNo === undefined ? undefined : normalizeVehicleNo(req.vehNo), VehType: req.vehType,
    };
    try {
      const { data, info } = await session.generateEwbByIrn(JSON.parse(JSON.stringify(body)));
      const ewb = { ewbNo: String(data.EwbNo), ewbDt: data.EwbDt, ewbValidTill: data.EwbValidTill ?? null };
      await this.deps.ledger.setEwaybill(irn, ewb);
      await this.deps.ledger.audit({ profile: profile.name, operation: 'ewaybill', irn, document: row ? documentOf(row) : null, outcome: 'generated', durationMs: Date.now() - started, user });
      return { irn, ...ewb, ...(info ? { info } : {}) };
    } catch (e) {
      await this.deps.ledger.audit({ profile: profile.name, operation: 'ewaybill', irn, document: row ? documentOf(row) : null,
        outcome: isIrpError(e) ? 'IRP_REJECTED' : 'IRP_UNAVAILABLE', irpCodes: isIrpError(e) ? e.codes : undefined, durationMs: Date.now() - started, user });
      throw irpCallFailure(e, 'the e-way bill request');
    }
  }
}

function notFoundAtIrp(message: string, e: { codes: string[]; messages: string[] }): CompanionError {
  return new CompanionError('NOT_FOUND', message, { irp: { codes: [...e.codes], messages: [...e.messages] } });
}

