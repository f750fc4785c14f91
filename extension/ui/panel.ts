/**
 * The in-page IRN panel: reads the invoice the page shows through its ERP module, and walks the clerk
 * through preview → generate → result → (e-way bill, cancel). A side sheet docked to the right that
 * pushes the ERP page aside (dock.ts), with its action also in the ERP's own toolbar (erp-action.ts).
 * Lives in its own shadow root so the ERP's CSS cannot break it. The root is open only in the e2e
 * build; the page still cannot act through it, because every action requires a trusted (user-made)
 * click — see `onTrustedClick`.
 */
import type { EInvoiceResult, EwbCancelReason, ProfileRef } from '@irn-bridge/shared/api/contract';
import type { ErpError, ErpEvent, ErpInvoiceSummary, ErpTotals, WriteBackOutcome } from '@irn-bridge/shared/erps/module';
import { actionSlotFor } from '@irn-bridge/shared/erps/action-slot';
import { driftOf } from '@irn-bridge/shared/erps/drift';
import type { ErpPageUi } from '@irn-bridge/shared/erps/page-ui-kit';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import type { CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
import { allowsSandboxGstins, sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import type { ErpPage } from '../lib/erp-page';
import { EMPTY_EWB_FORM, offersEwaybill, type EwbFormInput, type EwbRequestFields } from '../lib/ewaybill-form';
import type { MessageType, Protocol } from '../lib/messages';
import { toUiError, UiFailure } from '../lib/ui-error';
import type { Breakdown } from './breakdown';
import { MEMORY_PREFS, type DockPrefs } from './dock';
import { h, onTrustedClick } from './dom';
import { ErpAction } from './erp-action';
import { nameGstinInError } from './gstin-error';
import { ewaybillCancelView, ewaybillFormView } from './ewaybill-view';
import type { ErpNames } from './issues-view';
import { PanelSheet } from './sheet';
import type { InvoiceSummary } from './summary';
import { loadQrMatrix, qrMatrix } from './qr';
import { cancelFormView, errorView, previewView, progressView, readyView, resultView } from './views';

export type Send = <T extends MessageType>(type: T, req: Protocol[T]['req']) => Promise<Protocol[T]['res']>;

export { PANEL_TAG } from './sheet';

type Phase = 'loading' | 'not-final' | 'ready' | 'preview' | 'busy' | 'result' | 'form' | 'error';

export class IrnPanel {
  private readonly sheet: PanelSheet;
  private readonly action: ErpAction;
  private doc: unknown = null;
  private erpSummary: ErpInvoiceSummary | null = null;
  private erpTotals: ErpTotals | null = null;
  private invoice: Inv01Invoice | null = null;
  private summary: InvoiceSummary | null = null;
  private breakdown: Breakdown | null = null;
  private labels: ErpPageUi['labels'] | null = null;
  /** Where the ERP fixes an issue's field, by `path|code`, as the background said (`erp.fixes`). */
  private readonly fixes = new Map<string, string | null>();
  private names: ErpNames | null = null;
  private mappingIssues: ValidationIssue[] = [];
  private result: EInvoiceResult | null = null;
  private writeBack: WriteBackOutcome | null = null;
  private ewbTyped: EwbFormInput = EMPTY_EWB_FORM;
  private busy = false;
  /** A write-back is under way: the result shown meanwhile offers no "Record in the ERP". */
  private recording = false;
  /** The ERP toolbar's action was clicked before the invoice was read: open the preview when it is. */
  /** The ERP toolbar's action was clicked while the invoice was being read: open the preview once it is. */
  private previewWanted = false;
  private loading = false;
  private phase: Phase = 'loading';

  /**
   * `firstRead`: the read the content script started while this panel's code was being injected
   * (lib/panel-loader.ts), so the injection is not waited for before the ERP is asked; Re-check reads again.
   */
  constructor(private readonly page: Document, private readonly erp: ErpPage, private readonly send: Send, prefs: DockPrefs = MEMORY_PREFS(), private firstRead: Promise<unknown> | null = null) {
    this.action = new ErpAction(page, actionSlotFor(erp.module.id), () => this.fromErpAction());
    this.sheet = new PanelSheet(page, erp.module.id, prefs, { onStateChange: () => this.updateAction() }, () => this.action.focus());
  }

  mount(): void {
    this.sheet.mount();
    void this.load();
  }

  unmount(): void {
    this.action.remove();
    this.sheet.unmount();
  }

  private get width(): number {
    return this.sheet.width;
  }

  private fromErpAction(): void {
    this.sheet.focusWanted = true;
    if (this.sheet.state !== 'open') this.sheet.setState('open');
    if (this.phase === 'ready') void this.preview();
    else {
      // Clicked while the invoice is still being read: the clerk asked for the preview, so show it once it is ready.
      if (this.loading) this.previewWanted = true;
      this.sheet.focusView();
    }
  }

  private updateAction(): void {
    if (this.phase === 'loading' || this.phase === 'not-final') return this.action.remove();
    this.action.show(this.result ? 'e-Invoice' : 'Generate IRN', this.sheet.state === 'open');
  }

  private show(el: HTMLElement, phase: Phase, announce?: string, escape: (() => void) | null = null): void {
    this.phase = phase;
    this.sheet.show(el, announce, escape);
    this.updateAction();
  }

  private setBadge(p: ProfileRef | null | undefined): void {
    this.sheet.setBadge(p);
  }

  private progress(text: string): void {
    this.show(h(this.page, 'div', { class: 'body' }, progressView(this.page, text)), 'busy', text);
  }

  private fail(err: unknown, retry: () => void, back?: () => void): void {
    this.busy = false;
    const e = nameGstinInError(toUiError(err), this.invoice, this.names?.customer?.label ?? null);
    const render = () => this.show(h(this.page, 'div', { class: 'body' }, errorView(this.page, e, retry, back, this.names)), 'error', `Error: ${e.message}`, back ?? null);
    if (e.issues?.length && this.names) void this.loadFixes(e.issues).then(render);
    else render();
  }

  /** Asks the background where the ERP fixes the fields these issues name (the ERP's words live there, not in the page). */
  private async loadFixes(issues: ReadonlyArray<{ path: string; code: string }>): Promise<void> {
    const missing = issues.filter((i) => i.code !== 'ERP_MAPPING' && !this.fixes.has(`${i.path}|${i.code}`));
    if (!missing.length) return;
    try {
      const got = await this.send('erp.fixes', { erp: this.erp.module.id, issues: missing.map(({ path, code }) => ({ path, code })) });
      missing.forEach((i, n) => this.fixes.set(`${i.path}|${i.code}`, got[n] ?? null));
    } catch {
      // Without the ERP's words the IRP's own hint is shown.
    }
  }

  /**
   * Reads the invoice through its ERP module (the page's session) and has the background map it;
   * false when there is nothing (more) to show.
   */
  private async readInvoice(): Promise<boolean> {
    const { module, io } = this.erp;
    const read = this.firstRead ?? module.read(io, this.erp.ref);
    this.firstRead = null;
    this.doc = await read;
    const prepared = await this.send('invoice.prepare', { doc: this.doc, origin: io.origin });
    this.erpSummary = prepared.erp;
    if (!prepared.mapped) {
      // A cancelled invoice may have had an IRN (India Compliance cancels the invoice with its IRN): the ledger says.
      const s = this.erpSummary;
      const known = s.docNo && s.docDate ? await this.send('einvoices.lookup', { docType: s.docType, docNo: s.docNo, docDate: s.docDate }).catch(() => null) : null;
      if (known) this.showResult(known, null);
      else this.show(h(this.page, 'div', { class: 'body muted', testid: 'irn-not-final' }, prepared.notFinal), 'not-final', prepared.notFinal);
      return false;
    }
    const mapped = prepared.mapped;
    this.invoice = mapped.invoice;
    this.mappingIssues = mapped.issues;
    this.summary = mapped.summary;
    this.breakdown = mapped.breakdown;
    this.erpTotals = mapped.totals;
    this.labels = mapped.labels;
    this.names = {
      erp: module.label,
      lines: mapped.lines,
      customer: mapped.customer,
      fixFor: (path, code) => this.fixes.get(`${path}|${code}`) ?? null,
    };
    return true;
  }

  /** Read the invoice from the ERP, then ask the ledger whether it already has an IRN. */
  private async load(): Promise<void> {
    const { module, ref } = this.erp;
    this.progress(`Reading ${ref.name} from ${module.label}…`);
    this.loading = true;
    try {
      await this.loadAndShow();
    } finally {
      this.loading = false;
    }
  }

  private async loadAndShow(): Promise<void> {
    try {
      if (!(await this.readInvoice())) return;
    } catch (err) {
      // The URL looked like an invoice but the record is something else (a vendor bill, a journal entry): show nothing.
      // By name: the module that threw is the content script's copy (this panel is injected apart, lib/panel-loader.ts).
      if (err instanceof Error && err.name === 'ErpError' && (err as ErpError).code === 'NOT_AN_INVOICE') return this.unmount();
      return this.fail(err, () => void this.load());
    }
    try {
      const s = this.summary!;
      const sellerGstin = sellerGstinOf(this.invoice) ?? undefined;
      const found = s.docNo && s.docDate ? await this.send('einvoices.lookup', { docType: s.docType, docNo: s.docNo, docDate: s.docDate, sellerGstin }) : null;
      if (found) return this.showResult(found, null);
      const status = await this.send('status', { sellerGstin });
      if (status.error) throw new UiFailure(status.error);
      this.setBadge(status.activeProfile);
      this.showReady();
    } catch (err) {
      this.fail(err, () => void this.load());
    }
  }

  private showReady(): void {
    if (this.previewWanted) {
      this.previewWanted = false;
      void this.preview();
      return;
    }
    this.show(readyView(this.page, this.summary!, () => { this.sheet.focusWanted = true; void this.preview(); }), 'ready');
  }

  /** Re-check: read the invoice again from the ERP (the clerk fixed it there) without reloading the page. */
  private async recheck(): Promise<void> {
    this.progress(`Reading ${this.erp.ref.name} again from ${this.erp.module.label}…`);
    try {
      if (!(await this.readInvoice())) return;
    } catch (err) {
      return this.fail(err, () => void this.recheck(), () => void this.preview());
    }
    await this.preview();
  }

  private async preview(): Promise<void> {
    if (!this.invoice || !this.summary || !this.names || !this.breakdown || !this.labels) return;
    let profile: ProfileRef | null = null;
    let checked: ValidationIssue[];
    try {
      const status = await this.send('status', { sellerGstin: sellerGstinOf(this.invoice) ?? undefined });
      if (status.error) throw new UiFailure(status.error);
      profile = status.activeProfile;
      this.setBadge(profile);
      // Checked in the background (background/validate.ts): the HSN master is too large to ship into every ERP page.
      checked = await this.send('invoice.validate', { invoice: this.invoice, allowSandboxGstins: allowsSandboxGstins(profile) });
      await this.loadFixes(checked);
    } catch (err) {
      return this.fail(err, () => void this.preview(), () => this.showReady());
    }
    const issues = [...this.mappingIssues, ...checked];
    const errors = issues.filter((i) => i.severity === 'error').length;
    this.show(previewView(this.page, {
      summary: this.summary, breakdown: this.breakdown, erpTotals: this.erpTotals, issues, profile, names: this.names, labels: this.labels,
    }, {
      onConfirm: () => void this.generate(),
      onBack: () => this.showReady(),
      onRecheck: () => { this.sheet.focusWanted = true; void this.recheck(); },
    }), 'preview', errors ? `${errors} problem${errors > 1 ? 's' : ''} to fix in ${this.erp.module.label} before registering.` : 'Ready to register. Check the preview, then Generate IRN.', () => this.showReady());
  }

  private async generate(): Promise<void> {
    if (this.busy || !this.invoice) return;
    this.busy = true;
    this.progress('Registering with the IRP…');
    let result: EInvoiceResult;
    try {
      result = await this.send('einvoices.generate', { invoice: this.invoice });
    } catch (err) {
      return this.fail(err, () => void this.preview(), () => void this.preview());
    }
    this.busy = false;
    this.recording = true;
    this.showResult(result, null);
    await this.recordInErp({ kind: 'generated', result });
  }

  /** Tells the ERP what the IRP now holds (IRN + QR, a cancellation, an e-way bill), then shows how that went. */
  private async recordInErp(event: ErpEvent): Promise<void> {
    let outcome: WriteBackOutcome;
    try {
      outcome = await this.erp.module.record(this.erp.io, this.erp.ref, event);
    } catch (err) {
      outcome = { ok: false, method: null, message: toUiError(err).message };
    }
    this.recording = false;
    this.showResult(event.result, outcome);
    // The ERP's own form redraws with what was recorded, unless it has unsaved edits (background/bulk.ts).
    if (outcome.ok) void this.send('page.refreshForm', { erp: this.erp.module.id, ref: this.erp.ref }).catch(() => undefined);
    // What the ERP holds now, so a drift is judged on it (the summary read with the page is from before this write);
    // after a failure, shown again with what is still missing.
    await this.refreshErpSummary();
    if (!outcome.ok && this.result === event.result && this.writeBack === outcome && this.phase === 'result') this.showResult(event.result, outcome);
  }

  private async refreshErpSummary(): Promise<void> {
    const doc = await this.erp.module.read(this.erp.io, this.erp.ref).catch(() => null);
    const prepared = doc ? await this.send('invoice.prepare', { doc, origin: this.erp.io.origin }).catch(() => null) : null;
    if (prepared) this.erpSummary = prepared.erp;
  }

  /** Records what the ledger knows and the ERP does not (recordInErp then reads the ERP again). */
  private async recordDrift(event: ErpEvent): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.progress(`Recording in ${this.erp.module.label}…`);
    try {
      await this.recordInErp(event);
    } finally {
      this.busy = false;
    }
  }

  private showResult(result: EInvoiceResult, wb: WriteBackOutcome | null): void {
    this.result = result;
    this.writeBack = wb;
    if (result.status !== 'CNL' && result.signedQrCode && qrMatrix(result.signedQrCode) === undefined) {
      // The QR's matrix comes from the background (ui/qr.ts): show the result once it is here, unless another came meanwhile.
      void loadQrMatrix(result.signedQrCode, (text) => this.send('qr.matrix', { text })).then(() => {
        if (this.result === result && this.writeBack === wb) this.showResult(result, wb);
      });
      return;
    }
    this.setBadge(result.profile);
    const view = resultView(this.page, result, wb, {
      onCancel: () => { this.sheet.focusWanted = true; this.showCancelForm(); },
      onEwaybill: offersEwaybill(result, this.invoice?.ItemList) ? () => { this.sheet.focusWanted = true; this.showEwaybillForm(); } : undefined,
      onCancelEwaybill: () => { this.sheet.focusWanted = true; this.showEwbCancelForm(); },
    }, new Date(), { qrWidth: this.width - 30 });
    // The ledger and the ERP disagree (cancelled elsewhere, a failed write-back…): say what differs and offer to record it.
    const drift = (!wb || !wb.ok) && !this.recording && this.erp.module.writesBack && this.erpSummary ? driftOf(result, this.erpSummary.recorded, this.erpSummary.irn, this.erp.module.label) : null;
    if (drift) {
      const again = h(this.page, 'button', { type: 'button', testid: 'irn-writeback-retry', 'data-kind': drift.event.kind }, drift.action);
      onTrustedClick(again, () => { this.sheet.focusWanted = true; void this.recordDrift(drift.event); });
      view.append(h(this.page, 'div', { class: 'error', testid: 'irn-drift', 'data-kind': drift.event.kind }, drift.differs),
        h(this.page, 'div', { class: 'muted', testid: 'irn-drift-writes' }, drift.writes), h(this.page, 'div', { class: 'actions' }, again));
    }
    const said = result.status === 'CNL' ? `IRN cancelled${result.cancelDate ? ` on ${result.cancelDate}` : ''}.`
      : `e-Invoice registered. Ack No ${result.ackNo}.${wb ? ` ${wb.ok ? 'ERP updated' : 'ERP not updated'}: ${wb.message}` : ''}`;
    this.show(view, 'result', said);
  }

  private showCancelForm(): void {
    const r = this.result;
    if (!r) return;
    const back = () => this.showResult(r, this.writeBack);
    this.show(cancelFormView(this.page, r.irn, (reason, remark) => void this.cancel(reason, remark), back), 'form', undefined, back);
  }

  private async cancel(reason: CancelReason, remark: string): Promise<void> {
    const r = this.result;
    if (!r || this.busy) return;
    this.busy = true;
    this.progress('Cancelling the IRN at the IRP…');
    try {
      const res = await this.send('einvoices.cancel', { irn: r.irn, reason, remark });
      this.busy = false;
      const cancelled: EInvoiceResult = { ...r, status: 'CNL', cancelDate: res.cancelDate };
      // The earlier "ERP updated" note was about the registration: it no longer describes the ERP.
      this.recording = true;
      this.showResult(cancelled, null);
      await this.recordInErp({ kind: 'cancelled', result: cancelled, cancelDate: res.cancelDate, reason, remark });
    } catch (err) {
      this.fail(err, () => this.showCancelForm(), () => this.showResult(r, this.writeBack));
    }
  }

  private showEwbCancelForm(): void {
    const r = this.result;
    if (!r?.ewbNo) return;
    const back = () => this.showResult(r, this.writeBack);
    this.show(ewaybillCancelView(this.page, { ewbNo: r.ewbNo, onSubmit: (reason, remark) => void this.cancelEwaybill(reason, remark), onBack: back }), 'form', undefined, back);
  }

  /** Cancels the e-way bill at the IRP, then records it in the ERP; Cancel IRN is offered again afterwards. */
  private async cancelEwaybill(reason: EwbCancelReason, remark: string): Promise<void> {
    const r = this.result;
    if (!r?.ewbNo || this.busy) return;
    this.busy = true;
    this.progress('Cancelling the e-way bill at the IRP…');
    try {
      const res = await this.send('einvoices.ewaybill.cancel', { irn: r.irn, reason, remark });
      this.busy = false;
      const after: EInvoiceResult = { ...r, ewbCancelDate: res.cancelDate };
      this.recording = true;
      this.showResult(after, null);
      await this.recordInErp({ kind: 'ewaybill-cancelled', result: after, ewbNo: res.ewbNo, cancelDate: res.cancelDate, reason, remark });
    } catch (err) {
      this.fail(err, () => this.showEwbCancelForm(), () => this.showResult(r, this.writeBack));
    }
  }

  private showEwaybillForm(): void {
    const r = this.result;
    if (!r) return;
    const back = () => this.showResult(r, this.writeBack);
    this.show(ewaybillFormView(this.page, {
      irn: r.irn, initial: this.ewbTyped, invoiceDate: r.document.docDate,
      onSubmit: (request, typed) => { this.ewbTyped = typed; void this.ewaybill(request); },
      onBack: back,
    }), 'form', undefined, back);
  }

  private async ewaybill(request: EwbRequestFields): Promise<void> {
    const r = this.result;
    if (!r || this.busy) return;
    this.busy = true;
    this.progress('Generating the e-way bill at the IRP…');
    try {
      const res = await this.send('einvoices.ewaybill', { irn: r.irn, ...request });
      this.busy = false;
      const withEwb: EInvoiceResult = { ...r, ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill };
      this.recording = true;
      this.showResult(withEwb, null);
      await this.recordInErp({ kind: 'ewaybill', result: withEwb, ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill });
    } catch (err) {
      this.fail(err, () => this.showEwaybillForm(), () => this.showResult(r, this.writeBack));
    }
  }
}
