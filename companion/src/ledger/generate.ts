/**
 * Generate an IRN exactly once per document, whatever the network does.
 * Rules: (1) the ledger answers first; (2) `pending` is written before the IRP is called;
 * (3) success is stored in full; (4) 2150 duplicates are recovered after comparing buyer and total;
 * (5) a lost answer makes the row `unknown`, and the IRP is asked by document details before any
 * resend; (6) start-up reconciles every pending/unknown row the same way (see reconcile in this class);
 * (7) a row is claimed by one process at a time (owner.ts): others wait for its outcome, never send too.
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
import { setTimeout as sleep } from 'node:timers/promises';
import { isBusy, ledgerBusy, retryWhileBusy } from './busy';
import { HEARTBEAT_MS, STALE_MS } from './owner';
import { ParkedRegistrations } from './parked';
import { isDamage, ledgerUnusable } from './file-check';
import { qrFieldsOf, resultFromRow } from './result';
import { documentOf, type Claim, type LedgerRow } from './store';
import type { Attempt, AuditEntry, LedgerStorage } from '../storage/types';

export interface GenerationDeps {
  ledger: LedgerStorage;
  sessionFor: (profile: ProfileConfig) => Promise<IrpPort>;
  /** The profile a ledger row was written under (for reconciling), if it still exists. */
  profileNamed: (name: string) => ProfileConfig | undefined;
  now?: () => Date;
  log?: Logger;
  /** How long a request waits for another process's attempt on the same document (ms). */
  ownerWaitMs?: number;
}

/** Long enough for an IRP answer (or for a dead owner's heartbeat to go stale); IRN_BRIDGE_OWNER_WAIT_MS overrides it. */
const ownerWaitMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.IRN_BRIDGE_OWNER_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : STALE_MS + 5_000;
};

/** What the IRP holds for a document, or that it holds nothing. */
type Lookup = { found: true; data: IrnResponseData } | { found: false };

export class GenerationService {
  private readonly locks = new KeyedMutex();
  private readonly parked: ParkedRegistrations;
  constructor(private readonly deps: GenerationDeps) {
    this.parked = new ParkedRegistrations(deps.ledger, deps.log);
  }

  private get ledger() { return this.deps.ledger; }

  /** Registers a checked invoice (or returns what the ledger/IRP already holds for its document). */
  /** `opts.user` names who asked (team mode: the API key's user); stored on the row and in the audit log. */
  async generate(profile: ProfileConfig, checked: CheckedInvoice, opts: { user?: string | null } = {}): Promise<EInvoiceResult> {
    return this.locks.run(lockKeyOf(checked.key), () => this.generateLocked(profile, checked.invoice, checked.key, opts.user ?? null));
  }

  private async generateLocked(profile: ProfileConfig, invoice: Inv01Invoice, key: DocumentKey, user: string | null): Promise<EInvoiceResult> {
    const started = Date.now();
    const ref = profileRef(profile);
    if (this.parked.size) await this.parked.flush();
    const parked = this.parked.findByKey((r) => sameDocument(r, key));
    if (parked) return this.answerFromLedger(parked, invoice, ref);
    const attempt: Attempt = {
      key, docNo: String(invoice.DocDtls.No).trim(), profile: profile.name, request: invoice,
      buyerGstin: buyerOf(invoice), totalValue: totalOf(invoice), user,
    };
    const claim = await this.claim(attempt);
    if (claim.kind === 'done') {
      if (claim.row.state === 'cancelled') throw alreadyCancelled(claim.row);
      return this.answerFromLedger(claim.row, invoice, ref);
    }
    const id = claim.row.id;
    const beat = this.heartbeat(id);
    try {
      const session = await this.deps.sessionFor(profile);
      let row = claim.row;
      if (claim.kind === 'check') {
        // An earlier attempt (maybe a process that died) may have reached the IRP: ask before sending anything.
        const settled = await this.settleFromIrp(session, row, invoice, ref);
        if (settled) return settled;
        row = (await this.write(() => this.ledger.beginAttempt(attempt, ['failed', 'pending', 'unknown']), `document ${row.doc_type} ${row.doc_no}`))!;
      }
      const result = await this.send(session, row, invoice, ref, 1);
      await this.audit({ profile: profile.name, operation: 'generate', document: key, irn: result.irn,
        outcome: result.recovered ? 'recovered' : 'generated', durationMs: Date.now() - started, user });
      return result;
    } catch (e) {
      const failure = e instanceof CompanionError ? e : null;
      await this.audit({ profile: profile.name, operation: 'generate', document: key, outcome: failure?.code ?? 'error',
        irpCodes: failure?.details.irp?.codes, durationMs: Date.now() - started, user });
      throw e;
    } finally {
      beat.stop();
      // An attempt that ended without settling the row hands it back, so nobody waits for a heartbeat to go stale.
      if (!this.parked.find(id)) await this.tryWrite(() => this.ledger.release(id));
    }
  }

  /**
   * Takes the document for this process (issue 10, defect 3). A row another live process is working
   * on is waited for, up to ownerWaitMs, and then answered from the ledger; still unsettled by then → 503.
   */
  private async claim(attempt: Attempt): Promise<Claim> {
    const what = `document ${attempt.key.docType} ${attempt.docNo}`;
    const deadline = Date.now() + (this.deps.ownerWaitMs ?? ownerWaitMs());
    let pause = 50;
    for (;;) {
      const claim = await this.write(() => this.ledger.claim(attempt), what);
      if (claim.kind !== 'busy') return claim;
      if (Date.now() >= deadline) throw inProgressElsewhere(claim.row);
      await sleep(pause);
      pause = Math.min(pause * 2, 500);
    }
  }

  /** Keeps this process's claim on a row fresh while it waits for the IRP. */
  private heartbeat(id: number): { stop(): void } {
    const timer = setInterval(() => void this.tryWrite(() => this.ledger.heartbeat([id])), HEARTBEAT_MS);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** A ledger write that waits (without blocking the event loop) while another process holds the file. */
  private async write<T>(fn: () => Promise<T>, what: string): Promise<T> {
    try {
      return await retryWhileBusy(fn);
    } catch (e) {
      if (isBusy(e)) throw ledgerBusy(what);
      if (isDamage(e)) throw ledgerUnusable(this.ledger.location, 'damaged', (e as Error).message);
      throw e;
    }
  }

  /** A write that may be lost without harm (an audit line, a heartbeat, a release). */
  private async tryWrite(fn: () => Promise<unknown>): Promise<void> {
    try { await fn(); } catch (e) { this.deps.log?.debug(`ledger: deferred write skipped (${(e as { code?: string })?.code ?? 'error'})`); }
  }

  private audit(e: AuditEntry): Promise<void> {
    return this.tryWrite(() => this.ledger.audit(e));
  }

  /** Marks a row failed/unknown; if the ledger cannot take it the row stays pending, which is as safe (asked before any resend). */
  private markState(id: number, state: 'unknown' | 'failed', error: ApiErrorBody): Promise<void> {
    return this.tryWrite(() => this.ledger.markState(id, state, error));
  }

  /**
   * Stores what the IRP registered. If the ledger cannot be written (issue 10, defect 4) the caller
   * still gets the IRN: the registration is parked and written as soon as the ledger can take it.
   */
  private async store(row: LedgerRow, data: IrnResponseData, recovered: boolean): Promise<LedgerRow> {
    try {
      return await retryWhileBusy(() => this.ledger.markGenerated(row.id, data, recovered));
    } catch (e) {
      this.parked.park(row, data, recovered);
      this.deps.log?.warn(`ledger: IRN ${data.Irn} for ${row.doc_type} ${row.doc_no} could not be written yet ` +
        `(${(e as { code?: string })?.code ?? 'error'}); answering with it and writing it when the ledger can be written`);
      return this.parked.find(row.id)!;
    }
  }

  /** Writes parked registrations now (start-up, shutdown, tests). Returns how many still wait. */
  flushParked(): Promise<number> { return this.parked.flush(); }

  async close(): Promise<void> {
    await this.parked.flush();
    this.parked.stop();
  }

  /** Sends the invoice; on a lost answer asks the IRP, and resends at most `resends` times. */
  private async send(session: IrpPort, row: LedgerRow, invoice: Inv01Invoice, ref: ProfileRef, resends: number): Promise<EInvoiceResult> {
    try {
      const { data } = await session.generateIrn(invoice);
      return resultFromRow(await this.store(row, data, false), ref);
    } catch (e) {
      if (isIrpError(e) && e.codes.includes('2150')) return this.recoverDuplicate(session, row, invoice, ref, e);
      if (isIrpError(e) && !e.retryable) {
        const failure = irpRejected(e);
        await this.markState(row.id, 'failed', failure.body);
        throw failure;
      }
      if (!isIrpError(e) && !isTransportLike(e)) throw e;
      // Timeout, 5xx, lost connection or a "try later" answer: the IRP may or may not have registered it.
      await this.markState(row.id, 'unknown', outcomeUnknown(e).body);
      this.deps.log?.info(`generate ${row.doc_type} ${row.doc_no}: outcome unknown, asking the IRP before any resend`);
      if (resends <= 0) throw outcomeUnknown(e);
      const settled = await this.settleFromIrp(session, await this.ledger.get(row.id), invoice, ref);
      if (settled) return settled;
      return this.send(session, await this.ledger.get(row.id), invoice, ref, resends - 1);
    }
  }

  /**
   * Asks the IRP whether it already holds the row's document. Found (and matching) → stored as
   * generated and returned; not found → null (the caller may send); IRP unreachable → 503, row stays unknown.
   */
  private async settleFromIrp(session: IrpPort, row: LedgerRow, invoice: Inv01Invoice | null, ref: ProfileRef): Promise<EInvoiceResult | null> {
    const lookup = await this.lookupByDocument(session, row);
    if (!lookup.found) return null;
    return await this.acceptExisting(row, lookup.data, invoice, ref);
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
        await this.markState(row.id, 'unknown', outcomeUnknown(err).body);
        throw outcomeUnknown(err);
      }
    }
    if (!data) {
      const failure = new CompanionError('CONFLICT',
        `The IRP already holds document ${row.doc_type} ${row.doc_no}${dup?.Irn ? ` under IRN ${dup.Irn}` : ''}, but its details can no longer be fetched to compare with this invoice.`,
        { hint: 'The IRP serves IRN details for a short time only. Check the e-invoice portal before using this document number.', irp: { codes: e.codes, messages: e.messages } });
      await this.markState(row.id, 'failed', failure.body);
      throw failure;
    }
    return this.acceptExisting(row, data, invoice, ref);
  }

  /**
   * Stores what the IRP holds as this row's registration, after checking it is the same invoice.
   * `invoice` null (reconciling a 409 row): what the IRP holds is the truth for this number, stored as it is.
   */
  private async acceptExisting(row: LedgerRow, data: IrnResponseData, invoice: Inv01Invoice | null, ref: ProfileRef): Promise<EInvoiceResult> {
    const qr = qrFieldsOf(data.SignedQRCode);
    const held = qr ? { buyer: qr.BuyerGstin ?? null, total: Number(qr.TotInvVal), items: Number(qr.ItemCnt) } : null;
    if (invoice && held && differs(held, identityOf(invoice))) {
      const failure = new CompanionError('CONFLICT',
        `Document ${row.doc_type} ${row.doc_no} of ${row.doc_date} is already registered at the IRP as IRN ${data.Irn} ` +
        `(${describe(held)}), which differs from this invoice (${describe(identityOf(invoice))}).`, { hint: CHANGED_HINT });
      await this.markState(row.id, 'failed', failure.body);
      throw failure;
    }
    let stored = await this.store(row, data, true);
    if (String(data.Status ?? '').toUpperCase() === 'CNL' && !this.parked.find(row.id)) {
      await this.tryWrite(() => this.ledger.markCancelledFromIrp(row.id));
      stored = await this.ledger.get(row.id);
    }
    this.deps.log?.info(`generate ${row.doc_type} ${row.doc_no}: recovered existing IRN from the IRP`);
    return resultFromRow(stored, ref);
  }

  /**
   * Start-up reconciliation of one unsettled row: ask the IRP, store what it holds, and if it holds
   * nothing send a pending/unknown row's recorded request again (once). A failed row (409: the IRP
   * held this number for another invoice) is only asked about. The row is claimed first, so two
   * processes never reconcile the same row. Never throws: failures stay in the row.
   */
  async reconcile(row: LedgerRow): Promise<void> {
    const profile = this.deps.profileNamed(row.profile);
    if (!profile) return;
    await this.locks.run(lockKeyOf(documentOf(row)), async () => {
      let current: LedgerRow | null;
      try { current = await retryWhileBusy(() => this.ledger.claimForReconcile(row.id)); } catch { return; }
      if (!current) return;
      const id = current.id;
      const beat = this.heartbeat(id);
      const failed = current.state === 'failed';
      const invoice = failed ? null : JSON.parse(current.request_json) as Inv01Invoice;
      const started = Date.now();
      try {
        const session = await this.deps.sessionFor(profile);
        const settled = await this.settleFromIrp(session, current, invoice, profileRef(profile));
        if (!settled && failed) return;
        const result = settled ?? await this.send(session, current, invoice!, profileRef(profile), 0);
        await this.audit({ profile: profile.name, operation: 'reconcile', document: documentOf(current), irn: result.irn,
          outcome: settled ? 'recovered' : 'generated', durationMs: Date.now() - started });
      } catch (e) {
        const body: ApiErrorBody | null = e instanceof CompanionError ? e.body : null;
        await this.audit({ profile: profile.name, operation: 'reconcile', document: documentOf(current),
          outcome: body?.code ?? 'error', irpCodes: body?.irp?.codes, durationMs: Date.now() - started });
        this.deps.log?.info(`reconcile ${current.doc_type} ${current.doc_no}: ${body?.code ?? 'error'}`);
      } finally {
        beat.stop();
        if (!this.parked.find(id)) await this.tryWrite(() => this.ledger.release(id));
      }
    });
  }

  async reconcileAll(): Promise<void> {
    let rows: LedgerRow[];
    try { rows = await retryWhileBusy(() => this.ledger.unresolved()); } catch { return; }
    for (const row of rows) await this.reconcile(row);
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

const sameDocument = (r: LedgerRow, k: DocumentKey) =>
  r.seller_gstin === k.sellerGstin && r.fy === k.fy && r.doc_type === k.docType && r.doc_no_key === k.docNo.toUpperCase();

function inProgressElsewhere(row: LedgerRow): CompanionError {
  return new CompanionError('OUTCOME_UNKNOWN',
    `Document ${row.doc_type} ${row.doc_no} of ${row.doc_date} is being registered right now by another IRN Bridge program ` +
    `(process ${row.owner_pid}) on this computer. It was not sent a second time.`,
    { hint: 'Try again in a minute: the ledger will then hold that attempt\'s IRN, or its error.' });
}

function alreadyCancelled(row: LedgerRow): CompanionError {
  return new CompanionError('ALREADY_CANCELLED',
    `Document ${row.doc_type} ${row.doc_no} was registered as IRN ${row.irn} and then cancelled. The IRP does not allow a cancelled document number to be used again in the same financial year.`,
    { hint: 'Give this invoice a new document number in the ERP and generate again.' });
}

function isTransportLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'transport';
}
