/**
 * What a history row offers, in the order the IRP allows it: an active e-way bill is cancelled
 * first (the IRP refuses to cancel its IRN, 2230), then the IRN within 24 hours of its Ack date;
 * a registered goods invoice without one may get an e-way bill. Each form sends one request.
 */
import type { LedgerEntry } from '@irn-bridge/shared/api/contract';
import { CANCEL_REASONS, CANCEL_REMARK_MAX, type CancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
import { EWB_CANCEL_REASONS, EWB_CANCEL_REMARK_MAX, type EwbCancelReason } from '@irn-bridge/shared/codes/ewb-cancel-reasons';
import { cancelTimeLeft, describeTimeLeft } from '../../lib/cancel-window';
import { EMPTY_EWB_FORM } from '../../lib/ewaybill-form';
import { send } from '../../lib/send';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { oneDateFormat } from './export';
import { erpRefOf, recordFromHistory } from './erp-record';
import { ewaybillFormView } from '../../ui/ewaybill-view';

export type RowAction = 'ewb-cancel' | 'cancel' | 'ewb';

export function actionsFor(e: LedgerEntry, now = new Date()): RowAction[] {
  if (e.state !== 'generated' || !e.irn) return [];
  if (e.ewbNo && !e.ewbCancelDate) return ['ewb-cancel'];
  const out: RowAction[] = [];
  if (e.ackDt && cancelTimeLeft(e.ackDt, now) > 0) out.push('cancel');
  if (!e.ewbNo && e.document.docType === 'INV') out.push('ewb');
  return out;
}

const NO_SOURCE = 'IRN Bridge does not know this invoice\'s page in the ERP (registered elsewhere): note it there by hand.';

interface Handlers {
  done: (message: string, updated: LedgerEntry) => void;
  /** How recording it in the ERP went, said after `done`. */
  recorded: (message: string, ok: boolean) => void;
  close: () => void;
}

/** Tells the ERP, then says how that went (the IRP's outcome is already said and kept in the ledger). */
async function tellErp(e: LedgerEntry, on: Handlers, event: Parameters<typeof recordFromHistory>[1]): Promise<void> {
  const where = erpRefOf(e);
  if (!where) return on.recorded(NO_SOURCE, false);
  on.recorded(`Recording it in ${where.label}…`, true);
  const out = await recordFromHistory(e, event).catch((err: Error) => ({ ok: false, method: null, message: err.message }));
  if (!out) return on.recorded(NO_SOURCE, false);
  on.recorded(out.ok ? `${where.label} updated: ${out.message}` : `${where.label} not updated: ${out.message}`, out.ok);
}

export function actionForm(doc: Document, act: RowAction, e: LedgerEntry, on: Handlers): HTMLElement {
  const irn = e.irn!;
  const msg = h(doc, 'div', { class: 'hint', testid: 'history-action-message', 'aria-live': 'polite' });
  const fail = (err: unknown) => {
    const u = toUiError(err);
    msg.className = 'err';
    msg.textContent = describeError(u) + (u.hint ? ` ${u.hint}` : '');
  };
  if (act === 'ewb') {
    const form = ewaybillFormView(doc, {
      irn, initial: EMPTY_EWB_FORM, invoiceDate: e.document.docDate, onBack: on.close,
      onSubmit: (request) => {
        msg.className = 'hint';
        msg.textContent = 'Generating the e-way bill at the IRP…';
        send('einvoices.ewaybill', { irn, ...request }).then((res) => {
          on.done(`E-way bill ${res.ewbNo} generated for ${e.document.docNo}${res.ewbValidTill ? `, valid till ${oneDateFormat(res.ewbValidTill)}` : ''}.`,
            { ...e, ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill, ewbCancelDate: null });
          return tellErp(e, on, { kind: 'ewaybill', ewbNo: res.ewbNo, ewbDt: res.ewbDt, ewbValidTill: res.ewbValidTill });
        }, fail);
      },
    });
    return h(doc, 'div', { class: 'action-form', testid: 'history-action-form' }, form, msg);
  }
  const ewb = act === 'ewb-cancel';
  const reasons: Record<string, string> = ewb ? EWB_CANCEL_REASONS : CANCEL_REASONS;
  const reason = h(doc, 'select', { testid: 'history-action-reason' }, ...Object.entries(reasons).map(([code, label]) => h(doc, 'option', { value: code }, label)));
  const max = ewb ? EWB_CANCEL_REMARK_MAX : CANCEL_REMARK_MAX;
  const remark = h(doc, 'input', { type: 'text', testid: 'history-action-remark', maxlength: max, placeholder: `Why, in at most ${max} characters`, style: 'width:320px' });
  const confirm = h(doc, 'button', { type: 'button', class: 'primary', testid: 'history-action-confirm' }, ewb ? `Cancel e-way bill ${e.ewbNo}` : 'Cancel IRN');
  const back = h(doc, 'button', { type: 'button', testid: 'history-action-back' }, 'Back');
  back.addEventListener('click', on.close);
  const left = !ewb && e.ackDt ? cancelTimeLeft(e.ackDt) : 0;
  msg.textContent = ewb
    ? 'The e-way bill can be cancelled within 24 hours of generating it; after that, the IRN can be cancelled here.'
    : `The IRP allows this within 24 hours of the Ack date (${describeTimeLeft(left)} left). A cancelled number cannot be used again this financial year.`;
  confirm.addEventListener('click', async () => {
    if (!remark.value.trim()) {
      remark.setAttribute('aria-invalid', 'true');
      msg.className = 'err';
      msg.textContent = `Write why (the remark), in at most ${max} characters: the IRP requires it.`;
      remark.focus();
      return;
    }
    confirm.disabled = true;
    try {
      if (ewb) {
        const why = reason.value as EwbCancelReason;
        const res = await send('einvoices.ewaybill.cancel', { irn, reason: why, remark: remark.value });
        on.done(`E-way bill ${res.ewbNo} of ${e.document.docNo} cancelled on ${oneDateFormat(res.cancelDate)}; the IRN can now be cancelled.`, { ...e, ewbCancelDate: res.cancelDate });
        await tellErp(e, on, { kind: 'ewaybill-cancelled', ewbNo: res.ewbNo, cancelDate: res.cancelDate, reason: why, remark: remark.value });
      } else {
        const why = reason.value as CancelReason;
        const res = await send('einvoices.cancel', { irn, reason: why, remark: remark.value });
        on.done(`IRN of ${e.document.docNo} cancelled on ${oneDateFormat(res.cancelDate)}.`, { ...e, state: 'cancelled', cancelDate: res.cancelDate });
        await tellErp(e, on, { kind: 'cancelled', cancelDate: res.cancelDate, reason: why, remark: remark.value });
      }
    } catch (err) {
      confirm.disabled = false;
      fail(err);
    }
  });
  return h(doc, 'div', { class: 'action-form', testid: 'history-action-form' },
    h(doc, 'label', {}, 'Reason', reason), h(doc, 'label', {}, 'Remark', remark), back, confirm, msg);
}
