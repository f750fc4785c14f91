/**
 * The in-page panel's screens, as pure DOM builders: each takes data and callbacks and returns an
 * element. Every element a test or a clerk needs to find has a stable `data-testid`.
 */
import type { EInvoiceResult, ProfileRef } from '@irn-bridge/shared/api/contract';
import { CANCEL_REASONS, CANCEL_REMARK_MAX, isCancelReason, type CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
import { allowsSandboxGstins } from '@irn-bridge/shared/profiles/choice';
import type { WriteBackOutcome } from '@irn-bridge/shared/erps/module';
import { cancelTimeLeft, describeTimeLeft } from '../lib/cancel-window';
import type { UiError } from '../lib/messages';
import { rupeesInText } from '../lib/format';
import { copyButton, h, onTrustedClick } from './dom';
import { issuesView, type ErpNames } from './issues-view';
import { qrMatrix } from './qr';
import { qrBlock } from './qr-view';
import { DOC_TYPE_LABEL, type InvoiceSummary } from './summary';

export { issuesView } from './issues-view';
export { previewView } from './preview-view';

export function profileBadge(doc: Document, p: ProfileRef | null | undefined): HTMLElement | null {
  if (!p) return null;
  if (p.demo) return h(doc, 'span', { class: 'badge demo', testid: 'irn-badge', title: 'Demo profile: offline IRP, nothing is sent to the government' }, 'DEMO');
  if (allowsSandboxGstins(p)) return h(doc, 'span', { class: 'badge sandbox', testid: 'irn-badge' }, 'SANDBOX');
  return null;
}

export function progressView(doc: Document, text: string): HTMLElement {
  return h(doc, 'div', { class: 'progress', testid: 'irn-progress' }, h(doc, 'div', { class: 'spinner' }), text);
}

/**
 * IRP refusals that the same request cannot get past (an active e-way bill, an inactive GSTIN…): offer Back,
 * not only Try again. The background decides that from the IRP's codes (lib/api-error.ts) and says so on the error.
 */
export function isRetryable(e: UiError): boolean {
  if (e.retryable !== undefined) return e.retryable;
  // No IRP answer: the companion, the network or the ERP; trying again may help.
  return ['IRP_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'RATE_LIMITED', 'INTERNAL', 'COMPANION_DOWN', 'NOT_PAIRED', 'UNAUTHORIZED'].includes(e.code);
}

export function errorView(doc: Document, e: UiError, onRetry?: () => void, onBack?: () => void, names: ErpNames | null = null): HTMLElement {
  const codes = e.irp?.codes?.length ? h(doc, 'div', { class: 'path', testid: 'irn-error-irp-codes' }, `IRP error ${e.irp.codes.join(', ')}`) : null;
  const box = h(doc, 'div', { class: 'error', testid: 'irn-error', 'data-code': e.code, role: 'alert' },
    h(doc, 'div', { testid: 'irn-error-message', 'data-focus': '' }, rupeesInText(e.message)),
    e.hint ? h(doc, 'div', { class: 'hint', testid: 'irn-error-hint' }, rupeesInText(e.hint)) : null, codes);
  if (e.issues?.length) box.append(issuesView(doc, e.issues, names));
  const buttons: HTMLElement[] = [];
  if (onBack) {
    const back = h(doc, 'button', { type: 'button', testid: 'irn-error-back' }, 'Back');
    onTrustedClick(back, onBack);
    buttons.push(back);
  }
  if (onRetry && (isRetryable(e) || !onBack)) {
    const retry = h(doc, 'button', { type: 'button', testid: 'irn-retry', class: onBack ? '' : 'primary' }, 'Try again');
    onTrustedClick(retry, onRetry);
    buttons.push(retry);
  }
  if (!buttons.length) return box;
  return h(doc, 'div', {}, box, h(doc, 'div', { class: 'actions' }, ...buttons));
}

export function readyView(doc: Document, s: InvoiceSummary, onGenerate: () => void): HTMLElement {
  const btn = h(doc, 'button', { type: 'button', class: 'primary', testid: 'irn-generate', 'data-focus': '' }, 'Generate IRN');
  onTrustedClick(btn, onGenerate);
  return h(doc, 'div', { class: 'body' },
    h(doc, 'div', { class: 'muted' }, `${DOC_TYPE_LABEL[s.docType]} ${s.docNo} has no IRN yet.`),
    h(doc, 'div', { class: 'actions' }, btn));
}

function writeBackView(doc: Document, wb: WriteBackOutcome | null): HTMLElement | null {
  if (!wb) return null;
  if (wb.method === 'none') return h(doc, 'div', { class: 'muted', testid: 'irn-writeback', 'data-ok': 'true', 'data-method': 'none' }, wb.message);
  return h(doc, 'div', { class: wb.ok ? 'muted' : 'error', testid: 'irn-writeback', 'data-ok': String(wb.ok), 'data-method': wb.method ?? '' },
    wb.ok ? `ERP updated: ${wb.message}` : `ERP not updated: ${wb.message}`);
}

export interface ResultActions {
  onCancel?: () => void;
  /** Given only when an e-way bill may be generated (see `offersEwaybill`). */
  onEwaybill?: () => void;
  /** Cancels the active e-way bill (the IRP will not cancel the IRN before it). */
  onCancelEwaybill?: () => void;
}

/** Where the result view is shown: the QR gets the sheet's width. */
export interface ResultLayout {
  qrWidth: number;
}

export function resultView(doc: Document, r: EInvoiceResult, wb: WriteBackOutcome | null, actions: ResultActions, now = new Date(), layout: ResultLayout = { qrWidth: 340 }): HTMLElement {
  const row = (label: string, value: string, testid: string, copy = true) => [
    h(doc, 'dt', {}, label),
    h(doc, 'dd', {}, h(doc, 'span', { class: 'mono', testid }, value), copy ? copyButton(doc, value, `${testid}-copy`) : null),
  ];
  const cancelled = r.status === 'CNL';
  const left = cancelled ? 0 : cancelTimeLeft(r.ackDt, now);
  let cancelArea: HTMLElement | null = null;
  if (!cancelled && r.ewbNo && !r.ewbCancelDate) {
    // The IRP refuses to cancel an IRN while its e-way bill is active (2230): offer the e-way bill's cancellation first.
    const btn = actions.onCancelEwaybill ? h(doc, 'button', { type: 'button', class: 'link', testid: 'irn-ewb-cancel-open' }, `Cancel e-way bill ${r.ewbNo}`) : null;
    if (btn) onTrustedClick(btn, actions.onCancelEwaybill!);
    cancelArea = h(doc, 'div', {}, h(doc, 'div', { class: 'muted', testid: 'irn-cancel-blocked' },
      `This IRN has an active e-way bill (EWB No ${r.ewbNo}), so the IRP will not cancel it. Cancel the e-way bill first (within 24 hours of generating it); then the IRN can be cancelled here${left > 0 ? ` (${describeTimeLeft(left)} left)` : ''}.`),
      btn ? h(doc, 'div', { class: 'actions' }, btn) : null);
  } else if (!cancelled && left > 0 && actions.onCancel) {
    const btn = h(doc, 'button', { type: 'button', class: 'link', testid: 'irn-cancel-open' }, `Cancel IRN (${describeTimeLeft(left)} left)`);
    onTrustedClick(btn, actions.onCancel);
    cancelArea = h(doc, 'div', { class: 'actions' }, btn);
  } else if (!cancelled) {
    cancelArea = h(doc, 'div', { class: 'muted', testid: 'irn-cancel-closed' }, 'The 24-hour cancellation window has closed; issue a credit note instead.');
  }
  let ewbArea: HTMLElement | null = null;
  if (!cancelled && !r.ewbNo && actions.onEwaybill) {
    const btn = h(doc, 'button', { type: 'button', testid: 'irn-ewb-open' }, 'E-way bill');
    onTrustedClick(btn, actions.onEwaybill);
    ewbArea = h(doc, 'div', { class: 'actions' }, btn);
  }
  const note = cancelled ? (r.fromLedger ? 'Shown from the IRN Bridge ledger: this IRN was cancelled at the IRP and is no longer valid.' : null)
    : r.fromLedger ? 'Already registered: shown from the IRN Bridge ledger, the IRP was not called again.'
      : r.recovered ? 'The IRP already had this document: its existing IRN was recovered.' : null;
  // A cancelled IRN's QR must not reach a printed invoice: neither shown nor offered for copying.
  const matrix = !cancelled && r.signedQrCode ? qrMatrix(r.signedQrCode) : undefined;
  const qr = matrix ? qrBlock(doc, r, matrix, layout.qrWidth)
    : matrix === null ? h(doc, 'div', { class: 'error', testid: 'irn-qr-missing' }, 'The QR code could not be drawn here. Reload the page to try again; the IRN and its QR are safe in the IRN Bridge ledger.') : null;
  return h(doc, 'div', { class: 'body', testid: 'irn-result', 'data-status': r.status },
    cancelled
      ? h(doc, 'div', { 'data-focus': '' }, h(doc, 'span', { class: 'badge cancelled', testid: 'irn-cancelled' }, 'CANCELLED'), r.cancelDate ? ` on ${r.cancelDate}` : '')
      : h(doc, 'div', { class: 'ok', 'data-focus': '' }, `e-Invoice registered: ${DOC_TYPE_LABEL[r.document.docType] ?? 'Invoice'} ${r.document.docNo}`),
    h(doc, 'dl', {},
      ...row('IRN', r.irn, 'irn-irn', !cancelled),
      ...row('Ack No', r.ackNo, 'irn-ack-no', !cancelled),
      ...row('Ack Date', r.ackDt, 'irn-ack-date', !cancelled),
      ...(r.ewbNo ? row('EWB No', r.ewbNo, 'irn-ewb-no') : []),
      ...(r.ewbNo && r.ewbDt ? row('EWB Date', r.ewbDt, 'irn-ewb-date') : []),
      ...(r.ewbNo && !r.ewbCancelDate ? row('Valid till', r.ewbValidTill ?? 'Part A only (no vehicle yet)', 'irn-ewb-valid-till', !!r.ewbValidTill) : []),
      ...(r.ewbNo && r.ewbCancelDate ? row('EWB cancelled', r.ewbCancelDate, 'irn-ewb-cancelled', false) : [])),
    qr,
    note ? h(doc, 'div', { class: 'muted', testid: 'irn-note' }, note) : null,
    writeBackView(doc, wb),
    ewbArea,
    cancelArea);
}

export function cancelFormView(doc: Document, irn: string, onSubmit: (reason: CancelReason, remark: string) => void, onBack: () => void): HTMLElement {
  const select = h(doc, 'select', { testid: 'irn-cancel-reason', 'data-focus': '' },
    ...Object.entries(CANCEL_REASONS).map(([code, label]) => h(doc, 'option', { value: code }, `${code} · ${label}`)));
  const remark = h(doc, 'textarea', { testid: 'irn-cancel-remark', rows: 2, maxlength: CANCEL_REMARK_MAX, placeholder: `Why is it cancelled? (required, up to ${CANCEL_REMARK_MAX} characters)` });
  const why = h(doc, 'div', { class: 'issue error', testid: 'irn-cancel-remark-needed', id: 'irn-remark-why', role: 'alert', hidden: true },
    'Write a remark: the IRP keeps it with the cancellation and refuses a cancellation without one.');
  remark.setAttribute('aria-describedby', 'irn-remark-why');
  remark.addEventListener('input', () => { if (remark.value.trim()) { why.hidden = true; remark.removeAttribute('aria-invalid'); } });
  const submit = h(doc, 'button', { type: 'button', class: 'danger', testid: 'irn-cancel-confirm' }, 'Cancel IRN');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-cancel-back' }, 'Keep it');
  onTrustedClick(back, onBack);
  onTrustedClick(submit, () => {
    const text = remark.value.trim();
    if (!text) {
      remark.setAttribute('aria-invalid', 'true');
      why.hidden = false;
      remark.focus();
      return;
    }
    if (isCancelReason(select.value)) onSubmit(select.value, text);
  });
  return h(doc, 'div', { class: 'body', testid: 'irn-cancel-form' },
    h(doc, 'div', {}, 'Cancel IRN ', h(doc, 'span', { class: 'mono' }, irn.slice(0, 16) + '…'), '? The IRP does not allow re-using the document number afterwards.'),
    h(doc, 'label', {}, 'Reason', select),
    h(doc, 'label', {}, 'Remark', remark),
    why,
    h(doc, 'div', { class: 'actions' }, back, submit));
}
