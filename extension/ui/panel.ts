/**
 * The in-page IRN panel: reads the invoice the page shows through its ERP module, and walks the clerk
 * through preview → generate → result → (e-way bill, cancel). Lives in its own shadow root so the
 * ERP's CSS cannot break it. The root is open so automation can find it; the page still cannot act
 * through it, because every action requires a trusted (user-made) click — see `onTrustedClick`.
 */
import type { EInvoiceResult, ProfileRef } from '@irn-bridge/shared/api/contract';
import { ErpError, type ErpEvent, type ErpInvoiceSummary, type WriteBackOutcome } from '@irn-bridge/shared/erps';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { validateInvoice } from '@irn-bridge/shared/invoice/validate';
import type { CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
import { allowsSandboxGstins, sellerGstinOf } from '@irn-bridge/shared/profiles/choice';
import type { ErpPage } from '../lib/erp-page';
import { EMPTY_EWB_FORM, offersEwaybill, type EwbFormInput, type EwbRequestFields } from '../lib/ewaybill-form';
import type { MessageType, Protocol } from '../lib/messages';
import { toUiError, UiFailure } from '../lib/ui-error';
import { h, onTrustedClick } from './dom';
import { ewaybillFormView } from './ewaybill-view';
import { PANEL_CSS } from './styles';
import { summarize, type InvoiceSummary } from './summary';
import { cancelFormView, errorView, previewView, profileBadge, progressView, readyView, resultView } from './views';

/** Set by the build (wxt.config.ts); Node's test runner, which has no build, sees it undefined. */
declare const __IRN_BRIDGE_E2E__: boolean | undefined;
const OPEN_SHADOW_FOR_TESTS = typeof __IRN_BRIDGE_E2E__ !== 'undefined' && __IRN_BRIDGE_E2E__;

export type Send = <T extends MessageType>(type: T, req: Protocol[T]['req']) => Promise<Protocol[T]['res']>;

export const PANEL_TAG = 'irn-bridge-panel';

export class IrnPanel {
  private readonly host: HTMLElement;
  private readonly body: HTMLElement;
  private readonly badgeSlot: HTMLElement;
  private doc: unknown = null;
  private erpSummary: ErpInvoiceSummary | null = null;
  private invoice: Inv01Invoice | null = null;
  private summary: InvoiceSummary | null = null;
  private mappingIssues: ValidationIssue[] = [];
  private result: EInvoiceResult | null = null;
  private writeBack: WriteBackOutcome | null = null;
  private ewbTyped: EwbFormInput = EMPTY_EWB_FORM;
  private busy = false;

  constructor(private readonly page: Document, private readonly erp: ErpPage, private readonly send: Send) {
    this.host = page.createElement(PANEL_TAG);
    this.host.setAttribute('data-testid', 'irn-panel-host');
    // Closed in the shipped build, so page scripts cannot rewrite what the clerk confirms; the
    // end-to-end build keeps it open for the test driver (see wxt.config.ts).
    const shadow = this.host.attachShadow({ mode: OPEN_SHADOW_FOR_TESTS ? 'open' : 'closed' });
    const style = page.createElement('style');
    style.textContent = PANEL_CSS;
    this.badgeSlot = h(page, 'span', {});
    const close = h(page, 'button', { type: 'button', class: 'link', testid: 'irn-close', title: 'Hide until the page is reloaded' }, '×');
    onTrustedClick(close, () => this.unmount());
    this.body = h(page, 'div', { testid: 'irn-body' });
    shadow.append(style, h(page, 'div', { class: 'card', testid: 'irn-panel', 'data-erp': erp.module.id },
      h(page, 'div', { class: 'head' }, h(page, 'span', { class: 'title' }, 'IRN Bridge · e-Invoice'), this.badgeSlot, close),
      this.body));
  }

  mount(): void {
    this.page.documentElement.append(this.host);
    void this.load();
  }

  unmount(): void {
    this.host.remove();
  }

  private show(el: HTMLElement): void {
    this.body.replaceChildren(el);
  }

  private setBadge(p: ProfileRef | null | undefined): void {
    this.badgeSlot.replaceChildren(...[profileBadge(this.page, p)].filter((x): x is HTMLElement => x !== null));
  }

  private fail(err: unknown, retry: () => void): void {
    this.busy = false;
    this.show(h(this.page, 'div', { class: 'body' }, errorView(this.page, toUiError(err), retry)));
  }

  /** Read the invoice from the ERP, then ask the ledger whether it already has an IRN. */
  private async load(): Promise<void> {
    const { module, io, ref } = this.erp;
    this.show(h(this.page, 'div', { class: 'body' }, progressView(this.page, `Reading ${ref.name} from ${module.label}…`)));
    try {
      this.doc = await module.read(io, ref);
      this.erpSummary = module.summary(this.doc);
      if (!this.erpSummary.final) {
        this.show(h(this.page, 'div', { class: 'body muted', testid: 'irn-not-final' },
          'Submit (post) the invoice first: only final invoices can be registered with the IRP.'));
        return;
      }
      const mapped = module.map(this.doc);
      this.invoice = mapped.invoice;
      this.mappingIssues = mapped.issues;
      this.summary = summarize(mapped.invoice);
    } catch (err) {
      // The URL looked like an invoice but the record is something else (a vendor bill, a journal entry): show nothing.
      if (err instanceof ErpError && err.code === 'NOT_AN_INVOICE') return this.unmount();
      return this.fail(err, () => void this.load());
    }
    try {
      const s = this.summary;
      const sellerGstin = sellerGstinOf(this.invoice) ?? undefined;
      const found = s.docNo && s.docDate ? await this.send('einvoices.lookup', { docType: s.docType, docNo: s.docNo, docDate: s.docDate, sellerGstin }) : null;
      if (found) return this.showResult(found, null);
      const status = await this.send('status', { sellerGstin });
      if (status.error) throw new UiFailure(status.error);
      this.setBadge(status.activeProfile);
      this.show(readyView(this.page, s, () => void this.preview()));
    } catch (err) {
      this.fail(err, () => void this.load());
    }
  }

  private async preview(): Promise<void> {
    if (!this.invoice || !this.summary) return;
    let profile: ProfileRef | null = null;
    try {
      const status = await this.send('status', { sellerGstin: sellerGstinOf(this.invoice) ?? undefined });
      if (status.error) throw new UiFailure(status.error);
      profile = status.activeProfile;
      this.setBadge(profile);
    } catch (err) {
      return this.fail(err, () => void this.preview());
    }
    const issues = [...this.mappingIssues, ...validateInvoice(this.invoice, { allowSandboxGstins: allowsSandboxGstins(profile) })];
    this.show(previewView(this.page, this.summary, issues, profile, () => void this.generate(), () => this.show(readyView(this.page, this.summary!, () => void this.preview()))));
  }

  private async generate(): Promise<void> {
    if (this.busy || !this.invoice) return;
    this.busy = true;
    this.show(h(this.page, 'div', { class: 'body' }, progressView(this.page, 'Registering with the IRP…')));
    let result: EInvoiceResult;
    try {
      result = await this.send('einvoices.generate', { invoice: this.invoice });
    } catch (err) {
      return this.fail(err, () => void this.preview());
    }
    this.busy = false;
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
    this.showResult(event.result, outcome);
  }

  private showResult(result: EInvoiceResult, wb: WriteBackOutcome | null): void {
    this.result = result;
    this.writeBack = wb;
    this.setBadge(result.profile);
    const view = resultView(this.page, result, wb, {
      onCancel: () => this.showCancelForm(),
      onEwaybill: offersEwaybill(result, this.invoice?.ItemList) ? () => this.showEwaybillForm() : undefined,
    });
    // Found in the ledger but the ERP does not show the IRN yet (e.g. an earlier write-back failed): offer to record it.
    if (!wb && this.erp.module.writesBack && result.status === 'ACT' && this.erpSummary && this.erpSummary.irn !== result.irn) {
      const again = h(this.page, 'button', { type: 'button', testid: 'irn-writeback-retry' }, `Record the IRN in ${this.erp.module.label}`);
      onTrustedClick(again, () => void this.recordInErp({ kind: 'generated', result }));
      view.append(h(this.page, 'div', { class: 'actions' }, again));
    }
    this.show(view);
  }

  private showCancelForm(): void {
    const r = this.result;
    if (!r) return;
    this.show(cancelFormView(this.page, r.irn, (reason, remark) => void this.cancel(reason, remark), () => this.showResult(r, this.writeBack)));
  }

  private async cancel(reason: CancelReason, remark: string): Promise<void> {
    const r = this.result;
    if (!r || this.busy) return;
    this.busy = true;
    this.show(h(this.page, 'div', { class: 'body' }, progressView(this.page, 'Cancelling the IRN at the IRP…')));
    try {
      const res = await this.send('einvoices.cancel', { irn: r.irn, reason, remark });
      this.busy = false;
      const cancelled: EInvoiceResult = { ...r, status: 'CNL', cancelDate: res.cancelDate };
      // The earlier "ERP updated" note was about the registration: it no longer describes the ERP.
      this.showResult(cancelled, null);
      await this.recordInErp({ kind: 'cancelled', result: cancelled, cancelDate: res.cancelDate, reason, remark });
    } catch (err) {
      this.fail(err, () => this.showResult(r, this.writeBack));
    }
  }

  private showEwaybillForm(): void {
    const r = this.result;
    if (!r) return;
    this.show(ewaybillFormView(this.page, {
      irn: r.irn, initial: this.ewbTyped, invoiceDate: r.document.docDate,
      onSubmit: (request, typed) => { this.ewbTyped = typed; void this.ewaybill(request); },
      onBack: () => this.showResult(r, this.writeBack),
    }));
  }

  private async ewaybill(request: EwbRequestFields): Promise<void> {
    const r = this.result;
    if (!r || this.busy) return;
    this.busy = true;
    this.show(h(this.page, 'div', { class: 'body' }, progressView(this.page, 'Generating the e-way bill at the IRP…')));
    try {
      const res = await this.send('einvoices.ewaybill', { irn: r.irn, ...request });
      this.busy = false;
      const withEwb: EInvoiceResult = { ...r, ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill };
      this.showResult(withEwb, null);
      await this.recordInErp({ kind: 'ewaybill', result: withEwb, ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill });
    } catch (err) {
      this.fail(err, () => this.showEwaybillForm());
    }
  }
}
