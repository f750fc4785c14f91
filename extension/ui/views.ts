/**
 * The in-page panel's screens, as pure DOM builders: each takes data and callbacks and returns an
 * element. Every element a test or a clerk needs to find has a stable `data-testid`.
 */
import type { EInvoiceResult, ProfileRef } from '@irn-bridge/shared/api/contract';
import { CANCEL_REASONS, CANCEL_REMARK_MAX, isCancelReason, type CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import type { WriteBackOutcome } from '@irn-bridge/shared/erps/module';
import { cancelTimeLeft, describeTimeLeft } from '../lib/cancel-window';
import type { UiError } from '../lib/messages';
import { copyButton, formatRupees, h, onTrustedClick } from './dom';
import { qrSvg } from './qr';
import { DOC_TYPE_LABEL, type InvoiceSummary } from './summary';

export function profileBadge(doc: Document, p: ProfileRef | null | undefined): HTMLElement | null {
  if (!p) return null;
  if (p.demo) return h(doc, 'span', { class: 'badge demo', testid: 'irn-badge', title: 'Demo profile: offline IRP, nothing is sent to the government' }, 'DEMO');
  if (p.kind === 'sandbox' || p.kind === 'offline') return h(doc, 'span', { class: 'badge sandbox', testid: 'irn-badge' }, 'SANDBOX');
  return null;
}

export function progressView(doc: Document, text: string): HTMLElement {
  return h(doc, 'div', { class: 'progress', testid: 'irn-progress' }, h(doc, 'div', { class: 'spinner' }), text);
}

export function errorView(doc: Document, e: UiError, onRetry?: () => void): HTMLElement {
  const codes = e.irp?.codes?.length ? h(doc, 'div', { class: 'mono', testid: 'irn-error-irp-codes' }, `IRP error ${e.irp.codes.join(', ')}`) : null;
  const box = h(doc, 'div', { class: 'error', testid: 'irn-error', 'data-code': e.code },
    h(doc, 'div', { testid: 'irn-error-message' }, e.message), codes,
    e.hint ? h(doc, 'div', { class: 'hint', testid: 'irn-error-hint' }, e.hint) : null);
  if (e.issues?.length) box.append(issuesView(doc, e.issues));
  if (!onRetry) return box;
  const retry = h(doc, 'button', { type: 'button', testid: 'irn-retry' }, 'Try again');
  onTrustedClick(retry, onRetry);
  return h(doc, 'div', {}, box, h(doc, 'div', { class: 'actions' }, retry));
}

export function readyView(doc: Document, s: InvoiceSummary, onGenerate: () => void): HTMLElement {
  const btn = h(doc, 'button', { type: 'button', class: 'primary', testid: 'irn-generate' }, 'Generate IRN');
  onTrustedClick(btn, onGenerate);
  return h(doc, 'div', { class: 'body' },
    h(doc, 'div', { class: 'muted' }, `${DOC_TYPE_LABEL[s.docType]} ${s.docNo} has no IRN yet.`),
    h(doc, 'div', { class: 'actions' }, btn));
}

export function issuesView(doc: Document, issues: ValidationIssue[]): HTMLElement {
  return h(doc, 'ul', { class: 'issues', testid: 'irn-issues' }, ...issues.map((i) =>
    h(doc, 'li', { class: `issue ${i.severity}`, testid: 'irn-issue', 'data-path': i.path, 'data-code': i.code, 'data-severity': i.severity },
      h(doc, 'div', { class: 'path' }, `${i.path} · ${i.code}`),
      h(doc, 'div', {}, i.message),
      i.hint ? h(doc, 'div', { class: 'hint' }, i.hint) : null)));
}

function summaryList(doc: Document, s: InvoiceSummary): HTMLElement {
  const row = (label: string, value: string, testid: string) => [h(doc, 'dt', {}, label), h(doc, 'dd', { testid }, value)];
  return h(doc, 'dl', { testid: 'irn-summary' },
    ...row('Seller', `${s.seller.name} · ${s.seller.gstin}`, 'irn-seller'),
    ...row('Buyer', `${s.buyer.name} · ${s.buyer.gstin}`, 'irn-buyer'),
    ...row(DOC_TYPE_LABEL[s.docType], `${s.docNo} dated ${s.docDate}`, 'irn-doc'),
    ...row('Total', formatRupees(s.total), 'irn-total'),
    ...row('Items', String(s.itemCount), 'irn-item-count'));
}

export function previewView(
  doc: Document, s: InvoiceSummary, issues: ValidationIssue[], profile: ProfileRef | null,
  onConfirm: () => void, onBack: () => void,
): HTMLElement {
  const blocking = issues.filter((i) => i.severity === 'error');
  const confirm = h(doc, 'button', { type: 'button', class: 'primary', testid: 'irn-confirm', disabled: blocking.length > 0 }, 'Generate IRN');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-back' }, 'Back');
  onTrustedClick(confirm, () => { if (!confirm.disabled) onConfirm(); });
  onTrustedClick(back, onBack);
  const verdict = blocking.length
    ? h(doc, 'div', { class: 'error', testid: 'irn-blocked' }, `${blocking.length} problem${blocking.length > 1 ? 's' : ''} must be fixed in the ERP before this can be registered.`)
    : h(doc, 'div', { class: 'ok', testid: 'irn-valid' }, issues.length ? 'Ready to register (see the warnings below).' : 'Ready to register.');
  return h(doc, 'div', { class: 'body', testid: 'irn-preview' },
    summaryList(doc, s),
    profile ? h(doc, 'div', { class: 'muted', testid: 'irn-profile' }, `Profile: ${profile.name}`) : null,
    verdict,
    issues.length ? issuesView(doc, issues) : null,
    h(doc, 'div', { class: 'actions' }, back, confirm));
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
}

export function resultView(doc: Document, r: EInvoiceResult, wb: WriteBackOutcome | null, actions: ResultActions, now = new Date()): HTMLElement {
  const row = (label: string, value: string, testid: string, copy = true) => [
    h(doc, 'dt', {}, label),
    h(doc, 'dd', {}, h(doc, 'span', { class: 'mono', testid }, value), copy ? copyButton(doc, value, `${testid}-copy`) : null),
  ];
  const cancelled = r.status === 'CNL';
  const left = cancelled ? 0 : cancelTimeLeft(r.ackDt, now);
  let cancelArea: HTMLElement | null = null;
  if (!cancelled && left > 0 && actions.onCancel) {
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
  const note = r.fromLedger ? 'Already registered: shown from the IRN Bridge ledger, the IRP was not called again.'
    : r.recovered ? 'The IRP already had this document: its existing IRN was recovered.' : null;
  return h(doc, 'div', { class: 'body', testid: 'irn-result', 'data-status': r.status },
    cancelled ? h(doc, 'div', {}, h(doc, 'span', { class: 'badge cancelled', testid: 'irn-cancelled' }, 'CANCELLED'), r.cancelDate ? ` on ${r.cancelDate}` : '') : h(doc, 'div', { class: 'ok' }, 'e-Invoice registered'),
    h(doc, 'dl', {},
      ...row('IRN', r.irn, 'irn-irn'),
      ...row('Ack No', r.ackNo, 'irn-ack-no'),
      ...row('Ack Date', r.ackDt, 'irn-ack-date'),
      ...(r.ewbNo ? row('EWB No', r.ewbNo, 'irn-ewb-no') : []),
      ...(r.ewbNo && r.ewbDt ? row('EWB Date', r.ewbDt, 'irn-ewb-date') : []),
      ...(r.ewbNo ? row('Valid till', r.ewbValidTill ?? 'Part A only (no vehicle yet)', 'irn-ewb-valid-till', !!r.ewbValidTill) : [])),
    r.signedQrCode ? h(doc, 'div', { class: 'qr', testid: 'irn-qr' }, qrSvg(doc, r.signedQrCode)) : null,
    r.signedQrCode ? h(doc, 'div', { class: 'actions' }, copyButton(doc, r.signedQrCode, 'irn-qr-copy', 'Copy signed QR')) : null,
    note ? h(doc, 'div', { class: 'muted', testid: 'irn-note' }, note) : null,
    writeBackView(doc, wb),
    ewbArea,
    cancelArea);
}

export function cancelFormView(doc: Document, irn: string, onSubmit: (reason: CancelReason, remark: string) => void, onBack: () => void): HTMLElement {
  const select = h(doc, 'select', { testid: 'irn-cancel-reason' },
    ...Object.entries(CANCEL_REASONS).map(([code, label]) => h(doc, 'option', { value: code }, `${code} · ${label}`)));
  const remark = h(doc, 'textarea', { testid: 'irn-cancel-remark', rows: 2, maxlength: CANCEL_REMARK_MAX, placeholder: `Why is it cancelled? (required, up to ${CANCEL_REMARK_MAX} characters)` });
  const submit = h(doc, 'button', { type: 'button', class: 'danger', testid: 'irn-cancel-confirm' }, 'Cancel IRN');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-cancel-back' }, 'Keep it');
  onTrustedClick(back, onBack);
  onTrustedClick(submit, () => {
    const text = remark.value.trim();
    if (!text) { remark.focus(); remark.setAttribute('aria-invalid', 'true'); return; }
    if (isCancelReason(select.value)) onSubmit(select.value, text);
  });
  return h(doc, 'div', { class: 'body', testid: 'irn-cancel-form' },
    h(doc, 'div', {}, 'Cancel IRN ', h(doc, 'span', { class: 'mono' }, irn.slice(0, 16) + '…'), '? The IRP does not allow re-using the document number afterwards.'),
    h(doc, 'label', {}, 'Reason', select),
    h(doc, 'label', {}, 'Remark', remark),
    h(doc, 'div', { class: 'actions' }, back, submit));
}
