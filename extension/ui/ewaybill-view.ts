/**
 * The e-way bill form (e-way bill by IRN): distance, transport mode, then the vehicle (road) or
 * the transport document (rail, air, ship), and an optional transporter. The shared e-way bill rules
 * (shared/src/ewaybill/rules.ts, as the companion applies them) run on submit and name the field;
 * only a request that passes them is handed to the panel. Also the form that cancels an e-way bill.
 */
import { checkEwbForm, TRANS_MODES, type EwbField, type EwbFieldIssue, type EwbFormInput, type EwbRequestFields, type TransMode } from '../lib/ewaybill-form';
import { EWB_CANCEL_REASONS, EWB_CANCEL_REMARK_MAX, type EwbCancelReason } from '@irn-bridge/shared/codes/ewb-cancel-reasons';
import { h, onTrustedClick } from './dom';

export interface EwaybillFormOptions {
  irn: string;
  /** What the clerk typed last time (kept across a refusal), or the empty form. */
  initial: EwbFormInput;
  /** dd/mm/yyyy of the invoice: a transport document cannot be older. */
  invoiceDate?: string;
  onSubmit: (request: EwbRequestFields, typed: EwbFormInput) => void;
  onBack: () => void;
}

export function ewaybillFormView(doc: Document, o: EwaybillFormOptions): HTMLElement {
  const input = (field: EwbField, attrs: Record<string, string | number>) =>
    h(doc, 'input', { type: 'text', testid: `irn-ewb-${field.toLowerCase()}`, autocomplete: 'off', ...attrs, value: String(o.initial[field]) });
  const distance = input('distance', { inputmode: 'numeric', maxlength: 4 });
  const mode = h(doc, 'select', { testid: 'irn-ewb-transmode' },
    ...Object.entries(TRANS_MODES).map(([code, label]) => h(doc, 'option', { value: code, selected: code === o.initial.transMode }, label)));
  const vehNo = input('vehNo', { maxlength: 20, placeholder: 'e.g. KA01AB1234' });
  const vehType = h(doc, 'select', { testid: 'irn-ewb-vehtype' },
    h(doc, 'option', { value: 'R', selected: o.initial.vehType === 'R' }, 'Regular'),
    h(doc, 'option', { value: 'O', selected: o.initial.vehType === 'O' }, 'Over-dimensional cargo'));
  const docNo = input('transDocNo', { maxlength: 15, placeholder: 'RR, airway bill or bill of lading no.' });
  const docDt = input('transDocDt', { maxlength: 10, placeholder: 'dd/mm/yyyy' });
  const transId = input('transId', { maxlength: 15, placeholder: 'Optional: GSTIN or TRANSIN' });
  const fields: Record<EwbField, HTMLInputElement | HTMLSelectElement> = { distance, transMode: mode, vehNo, vehType, transDocNo: docNo, transDocDt: docDt, transId };

  const road = h(doc, 'div', { class: 'group', testid: 'irn-ewb-road' }, h(doc, 'label', {}, 'Vehicle number', vehNo), h(doc, 'label', {}, 'Vehicle type', vehType));
  const other = h(doc, 'div', { class: 'group', testid: 'irn-ewb-transport-doc' },
    h(doc, 'label', {}, 'Transport document number', docNo), h(doc, 'label', {}, 'Transport document date', docDt));
  const showMode = () => { road.hidden = mode.value !== '1'; other.hidden = mode.value === '1'; };
  mode.addEventListener('change', showMode);
  showMode();

  const issues = h(doc, 'ul', { class: 'issues', testid: 'irn-ewb-issues', hidden: true });
  const showIssues = (list: EwbFieldIssue[]) => {
    for (const el of Object.values(fields)) el.removeAttribute('aria-invalid');
    for (const i of list) fields[i.field].setAttribute('aria-invalid', 'true');
    issues.replaceChildren(...list.map((i) => h(doc, 'li', { class: 'issue error', testid: 'irn-ewb-issue', 'data-field': i.field }, i.message)));
    issues.hidden = list.length === 0;
    if (list.length) fields[list[0].field].focus();
  };

  const submit = h(doc, 'button', { type: 'button', class: 'primary', testid: 'irn-ewb-confirm' }, 'Generate e-way bill');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-ewb-back' }, 'Back');
  onTrustedClick(back, o.onBack);
  onTrustedClick(submit, () => {
    const typed: EwbFormInput = {
      distance: distance.value, transMode: mode.value as TransMode, vehNo: vehNo.value, vehType: vehType.value as 'R' | 'O',
      transDocNo: docNo.value, transDocDt: docDt.value, transId: transId.value,
    };
    const checked = checkEwbForm(typed, { invoiceDate: o.invoiceDate });
    if (!checked.ok) return showIssues(checked.issues);
    showIssues([]);
    o.onSubmit(checked.request, typed);
  });
  return h(doc, 'div', { class: 'body', testid: 'irn-ewb-form' },
    h(doc, 'div', {}, 'E-way bill for IRN ', h(doc, 'span', { class: 'mono' }, o.irn.slice(0, 16) + '…')),
    h(doc, 'label', {}, 'Distance (km)', distance, h(doc, 'span', { class: 'muted' }, '0 lets the IRP calculate it from the PIN codes.')),
    h(doc, 'label', {}, 'Transport mode', mode),
    road, other,
    h(doc, 'label', {}, 'Transporter ID', transId),
    issues,
    h(doc, 'div', { class: 'actions' }, back, submit));
}

export interface EwaybillCancelOptions {
  ewbNo: string;
  onSubmit: (reason: EwbCancelReason, remark: string) => void;
  onBack: () => void;
}

/** Cancelling the e-way bill (the e-way bill system's reasons, a remark of up to 50 characters), so that the IRN can be cancelled. */
export function ewaybillCancelView(doc: Document, o: EwaybillCancelOptions): HTMLElement {
  const select = h(doc, 'select', { testid: 'irn-ewb-cancel-reason', 'data-focus': '' },
    ...Object.entries(EWB_CANCEL_REASONS).map(([code, label]) => h(doc, 'option', { value: code }, `${code} · ${label}`)));
  const remark = h(doc, 'input', { type: 'text', testid: 'irn-ewb-cancel-remark', maxlength: EWB_CANCEL_REMARK_MAX, autocomplete: 'off',
    placeholder: `Why? (required, up to ${EWB_CANCEL_REMARK_MAX} characters)` });
  const why = h(doc, 'div', { class: 'issue error', testid: 'irn-ewb-cancel-remark-needed', role: 'alert', hidden: true },
    'Write a remark: the e-way bill system keeps it with the cancellation and refuses one without it.');
  remark.addEventListener('input', () => { if (remark.value.trim()) { why.hidden = true; remark.removeAttribute('aria-invalid'); } });
  const submit = h(doc, 'button', { type: 'button', class: 'danger', testid: 'irn-ewb-cancel-confirm' }, 'Cancel e-way bill');
  const back = h(doc, 'button', { type: 'button', testid: 'irn-ewb-cancel-back' }, 'Keep it');
  onTrustedClick(back, o.onBack);
  onTrustedClick(submit, () => {
    if (!remark.value.trim()) {
      why.hidden = false;
      remark.setAttribute('aria-invalid', 'true');
      remark.focus();
      return;
    }
    o.onSubmit(select.value as EwbCancelReason, remark.value);
  });
  return h(doc, 'div', { class: 'body', testid: 'irn-ewb-cancel-form' },
    h(doc, 'div', {}, `Cancel e-way bill ${o.ewbNo}. Allowed within 24 hours of generating it; after it, the IRN can be cancelled.`),
    h(doc, 'label', {}, 'Reason', select),
    h(doc, 'label', {}, 'Remark', remark),
    why,
    h(doc, 'div', { class: 'actions' }, back, submit));
}
