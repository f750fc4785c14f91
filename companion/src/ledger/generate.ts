/**
 * Generate an IRN exactly once per document, whatever the network does.
 * Rules: (1) the ledger answers first; (2) `pending` is written before the IRP is called;
 * (3) success is stored in full; (4) 2150 duplicates are recovered after comparing buyer and total;
 * (5) a lost answer makes the row `unknown`, and the IRP is asked by document details before any
 * resend; (6) start-up reconciles every pending/unknown row the same way (see reconcile in this class).
 */
import type { DocumentKey, EInvoiceResult, ProfileRef } from '@irn-bridge/shared/api/contract';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { isIrpError, type IrpError, type IrnResponseData } from '../irp';
import { CompanionError } from '../errors';
import type { ApiErrorBody } from '@irn-bridge/shared/api/contract';
import type { Logger } from '../logger';
import type { IrpPort } from '../profiles/sessions';
import { profileRef, type ProfileConfig } from '../profiles/types';
import { irpRejected, irpUnavailable, outcomeUnknown } from './irp-failures';
import type { CheckedInvoice } from './invoice-check';
import { buyerOf, CHANGED_HINT, describe, differs, identityOf, identityOfRow, totalOf } from './identity';
import { KeyedMutex } from './lock';
import { qrFieldsOf, resultFromRow } from './result';
import { documentOf, type LedgerRow, type LedgerStore } from './store';

export interface GenerationDeps {
  ledger: LedgerStore;
  sessionFor: (profile: ProfileConfig) => Promise<IrpPort>;
  /** The profile a ledger row was written under (for reconciling), if it still exists. */
  profileNamed: (name: string) => ProfileConfig | undefined;
  now?: () => Date;
  log?: Logger;
}

/** What the IRP holds for a document, or that it holds nothing. */
type Lookup = { found: true; data: IrnResponseData } | { found: false };

export class GenerationService {
  private readonly locks = new KeyedMutex();
  constructor(private readonly deps: GenerationDeps) {}

  private get ledger() { return this.deps.ledger; }

  /** Registers a checked invoice (or returns what the ledger/IRP already holds for its document). */
  async generate(profile: ProfileConfig, checked: CheckedInvoice): Promise<EInvoiceResult> {
    return this.locks.run(lockKeyOf(checked.key), () => this.generateLocked(profile, checked.invoice, checked.key));
  }

  private async generateLocked(profile: ProfileConfig, invoice: Inv01Invoice, key: DocumentKey): Promise<EInvoiceResult> {
    const started = Date.now();
    const ref = profileRef(profile);
    let row = this.ledger.find(key);
    if (row?.state === 'generated') return this.answerFromLedger(row, invoice, ref);
    if (row?.state === 'cancelled') throw alreadyCancelled(row);

    const session = await this.deps.sessionFor(profile);
    if (row && (row.state === 'pending' || row.state === 'unknown')) {
      // An earlier attempt may have reached the IRP: ask before sending anything.
      const settled = await this.settleFromIrp(session, row, invoice, ref);
      if (settled) return settled;
    }
    const attempt = {
      key, docNo: String(invoice.DocDtls.No).trim(), profile: profile.name, request: invoice,
      buyerGstin: buyerOf(invoice), totalValue: totalOf(invoice),
    };
    const begun = this.ledger.beginAttempt(attempt, ['failed', 'pending', 'unknown']);
    if (!begun) {
      // Another process finished this document between our read and our write: answer from the ledger.
      const now = this.ledger.find(key)!;
      if (now.state === 'cancelled') throw alreadyCancelled(now);
      return this.answerFromLedger(now, invoice, ref);
    }
    try {
      const result = await this.send(session, begun, invoice, ref, 1);
      this.ledger.audit({ profile: profile.name, operation: 'generate', document: key, irn: result.irn,
        outcome: result.recovered ? 'recovered' : 'generated', durationMs: Date.now() - started });
      return result;
    } catch (e) {
      const failure = e instanceof CompanionError ? e : null;
      this.ledger.audit({ profile: profile.name, operation: 'generate', document: key, outcome: failure?.code ?? 'error',
        irpCodes: failure?.details.irp?.codes, durationMs: Date.now() - started });
      throw e;
    }
  }

  /** Sends the invoice; on a lost answer asks the IRP, and resends at most `resends` times. */
  private async send(session: IrpPort, row: LedgerRow, invoice: Inv01Invoice, ref: ProfileRef, resends: number): Promise<EInvoiceResult> {
    try {
      const { data } = await session.generateIrn(invoice);
      return resultFromRow(this.ledger.markGenerated(row.id, data, false), ref);
    } catch (e) {
      if (isIrpError(e) && e.codes.includes('2150')) return this.recoverDuplicate(session, row, invoice, ref, e);
      if (isIrpError(e) && !e.retryable) {
        const failure = irpRejected(e);
        this.ledger.markState(row.id, 'failed', failure.body);
        throw failure;
      }
      if (!isIrpError(e) && !isTransportLike(e)) throw e;
      // Timeout, 5xx, lost connection or a "try later" answer: the IRP may or may not have registered it.
      this.ledger.markState(row.id, 'unknown', outcomeUnknown(e).body);
      this.deps.log?.info(`generate ${row.doc_type} ${row.doc_no}: outcome unknown, asking the IRP before any resend`);
      if (resends <= 0) throw outcomeUnknown(e);
      const settled = await this.settleFromIrp(session, this.ledger.get(row.id), invoice, ref);
      if (settled) return settled;
      return this.send(session, this.ledger.get(row.id), invoice, ref, resends - 1);
    }
  }

  /**
   * Asks the IRP whether it already holds the row's document. Found (and matching) → stored as
   * generated and returned; not found → null (the caller may send); IRP unreachable → 503, row stays unknown.
   */
  private async settleFromIrp(session: IrpPort, row: LedgerRow, invoice: Inv01Invoice | null, ref: ProfileRef): Promise<EInvoiceResult | null> {
    const lookup = await this.lookupByDocument(session, row);
    if (!lookup.found) return null;
    return this.acceptExisting(row, lookup.data, invoice, ref);
  }

  private async lookupByDocument(session: IrpPort, row: LedgerRow): Promise<Lookup> {
    try {
      const { data } = await session.getByDocDetails({ docType: row.doc_type, docNo: row.doc_no, docDate: row.doc_date });
      return data && data.Irn ? { found: true, data } : { found: false };
    } catch (e) {
      if (isIrpError(e) && !e.retryable) return { found: false }; // the IRP says it has no such document
      if (isIrpError(e) || isTransportLike(e)) throw outcomeUnknown(e);
      throw e;
    }
  }

  /** 2150: the IRP already has this document number. Fetch it and accept it only if it is the same invoice. */
  private async recoverDuplicate(session: IrpPort, row: LedgerRow, invoice: Inv01Invoice, ref: ProfileRef, e: IrpError): Promise<EInvoiceResult> {
    const dup = e.infoFor('DUPIRN') as { Irn?: string } | undefined;
    let data: IrnResponseData | null = null;
    try {
      if (dup?.Irn) data = (await session.getByIrn(dup.Irn)).data;
      else {
        const lookup = await this.lookupByDocument(session, row);
        if (lookup.found) data = lookup.data;
      }
    } catch (err) {
      if (err instanceof CompanionError) throw err;
      if (!isIrpError(err) && !isTransportLike(err)) throw err;
      if (isTransportLike(err) || (isIrpError(err) && err.retryable)) {
        this.ledger.markState(row.id, 'unknown', outcomeUnknown(err).body);
        throw outcomeUnknown(err);
      }
    }
    if (!data) {
      const failure = new CompanionError('CONFLICT',
        `The IRP already holds document ${row.doc_type} ${row.doc_no}${dup?.Irn ? ` under IRN ${dup.Irn}` : ''}, but its details can no longer be fetched to compare with this invoice.`,
        { hint: 'The IRP serves IRN details for a short time only. Check the e-invoice portal before using this document number.', irp: { codes: e.codes, messages: e.messages } });
      this.ledger.markState(row.id, 'failed', failure.body);
      throw failure;
    }
    return this.acceptExisting(row, data, invoice, ref);
  }

  /** Stores what the IRP holds as this row's registration, after checking it is the same invoice. */
  private acceptExisting(row: LedgerRow, data: IrnResponseData, invoice: Inv01Invoice | null, ref: ProfileRef): EInvoiceResult {
    const qr = qrFieldsOf(data.SignedQRCode);
    const wanted = invoice ? identityOf(invoice) : identityOfRow(row);
    const held = qr ? { buyer: qr.BuyerGstin ?? null, total: Number(qr.TotInvVal), items: Number(qr.ItemCnt) } : null;
    if (held && differs(held, wanted)) {
      const failure = new CompanionError('CONFLICT',
        `Document ${row.doc_type} ${row.doc_no} of ${row.doc_date} is already registered at the IRP as IRN ${data.Irn} ` +
        `(${describe(held)}), which differs from this invoice (${describe(wanted)}).`, { hint: CHANGED_HINT });
      this.ledger.markState(row.id, 'failed', failure.body);
      throw failure;
    }
    let stored = this.ledger.markGenerated(row.id, data, true);
    if (String(data.Status ?? '').toUpperCase() === 'CNL') {
      this.ledger.markCancelledFromIrp(row.id);
      stored = this.ledger.get(row.id);
    }
    this.deps.log?.info(`generate ${row.doc_type} ${row.doc_no}: recovered existing IRN from the IRP`);
    return resultFromRow(stored, ref);
  }

  /**
   * Start-up reconciliation of one pending/unknown row: ask the IRP, store what it holds, and if it
   * holds nothing send the recorded request again (once). Never throws: failures stay in the row.
   */
  async reconcile(row: LedgerRow): Promise<void> {
    const profile = this.deps.profileNamed(row.profile);
    if (!profile) return;
    await this.locks.run(lockKeyOf(documentOf(row)), async () => {
      const current = this.ledger.get(row.id);
      if (current.state !== 'pending' && current.state !== 'unknown') return;
      const invoice = JSON.parse(current.request_json) as Inv01Invoice;
      const started = Date.now();
      try {
        const session = await this.deps.sessionFor(profile);
        const settled = await this.settleFromIrp(session, current, invoice, profileRef(profile));
        const result = settled ?? await this.send(session, current, invoice, profileRef(profile), 0);
        this.ledger.audit({ profile: profile.name, operation: 'reconcile', document: documentOf(current), irn: result.irn,
          outcome: settled ? 'recovered' : 'generated', durationMs: Date.now() - started });
      } catch (e) {
        const body: ApiErrorBody | null = e instanceof CompanionError ? e.body : null;
        this.ledger.audit({ profile: profile.name, operation: 'reconcile', document: documentOf(current),
          outcome: body?.code ?? 'error', irpCodes: body?.irp?.codes, durationMs: Date.now() - started });
        this.deps.log?.info(`reconcile ${current.doc_type} ${current.doc_no}: ${body?.code ?? 'error'}`);
      }
    });
  }

  async reconcileAll(): Promise<void> {
    for (const row of this.ledger.unresolved()) await this.reconcile(row);
  }

  /**
   * The ledger's IRN for this document, unless the invoice was changed since it was registered
   * (another buyer, total or number of lines): then 409, because writing the old IRN onto the
   * edited invoice would make the ERP say something the IRP does not. The row is left as it is.
   */
  private answerFromLedger(row: LedgerRow, invoice: Inv01Invoice, ref: ProfileRef): EInvoiceResult {
    const held = identityOfRow(row);
    const wanted = identityOf(invoice);
    if (differs(held, wanted)) {
      throw new CompanionError('CONFLICT',
        `Document ${row.doc_type} ${row.doc_no} of ${row.doc_date} was registered as IRN ${row.irn} with different details ` +
        `(${describe(held)}) from this invoice (${describe(wanted)}). The IRN was not given to the changed invoice.`, { hint: CHANGED_HINT });
    }
    return resultFromRow(row, this.refFor(row, ref), { fromLedger: true });
  }

  private refFor(row: LedgerRow, fallback: ProfileRef): ProfileRef {
    const p = this.deps.profileNamed(row.profile);
    return p ? profileRef(p) : fallback;
  }
}

const lockKeyOf = (k: DocumentKey) => `${k.sellerGstin}|${k.fy}|${k.docType}|${k.docNo}`;

function alreadyCancelled(row: LedgerRow): CompanionError {
  return new CompanionError('ALREADY_CANCELLED',
    `Document ${row.doc_type} ${row.doc_no} was registered as IRN ${row.irn} and then cancelled. The IRP does not allow a cancelled document number to be used again in the same financial year.`,
    { hint: 'Give this invoice a new document number in the ERP and generate again.' });
}

function isTransportLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'transport';
}
