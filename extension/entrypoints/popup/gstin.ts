/** GSTIN lookup: the checksum is checked on every keystroke, the companion is asked only for a well-formed GSTIN. */
import type { GstinDetails } from '@irn-bridge/shared/api/contract';
import { checkGstin } from '@irn-bridge/shared/gstin';
import { describeError, toUiError } from '../../lib/ui-error';
import { send } from '../../lib/send';
import { copyButton, h } from '../../ui/dom';

const STATUS_LABEL: Record<string, string> = { ACT: 'Active', CNL: 'Cancelled', INA: 'Inactive', PRO: 'Provisional' };

export function gstinSection(doc: Document, allowSandbox: () => boolean): HTMLElement {
  const input = h(doc, 'input', { testid: 'gstin-input', placeholder: '15-character GSTIN', maxlength: 20, spellcheck: 'false', autocomplete: 'off' });
  const button = h(doc, 'button', { type: 'button', class: 'primary', testid: 'gstin-lookup', disabled: true }, 'Look up');
  const check = h(doc, 'div', { class: 'hint', testid: 'gstin-check' }, 'Type a GSTIN to check it.');
  const out = h(doc, 'div', { testid: 'gstin-output' });

  const validate = (): boolean => {
    const g = input.value.trim().toUpperCase();
    out.replaceChildren();
    if (!g) {
      check.className = 'hint';
      check.textContent = 'Type a GSTIN to check it.';
      return false;
    }
    const res = checkGstin(g, { allowSandboxGstins: allowSandbox() });
    const ok = res.ok;
    input.classList.toggle('bad', !ok && g.length >= 15);
    if (ok) {
      check.className = 'ok';
      check.textContent = 'Check character is correct.';
    } else if (g.length < 15 && res.reason === 'format') {
      check.className = 'hint';
      check.textContent = `${g.length} of 15 characters.`;
    } else {
      check.className = 'err';
      check.textContent = `${res.message} ${res.hint}`;
    }
    check.setAttribute('data-ok', String(ok));
    button.disabled = !ok;
    return ok;
  };

  const lookup = async () => {
    if (!validate()) return;
    button.disabled = true;
    out.replaceChildren(h(doc, 'div', { class: 'muted' }, 'Asking the IRP…'));
    try {
      out.replaceChildren(detailsView(doc, await send('gstin', { gstin: input.value.trim().toUpperCase() })));
    } catch (err) {
      const e = toUiError(err);
      out.replaceChildren(h(doc, 'div', { class: 'err', testid: 'gstin-error' }, describeError(e)), e.hint ? h(doc, 'div', { class: 'hint' }, e.hint) : '');
    } finally {
      button.disabled = false;
    }
  };

  input.addEventListener('input', validate);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') void lookup(); });
  button.addEventListener('click', () => void lookup());
  return h(doc, 'section', {}, h(doc, 'h2', {}, 'GSTIN lookup'), h(doc, 'div', { class: 'row' }, input, button), check, out);
}

function detailsView(doc: Document, d: GstinDetails): HTMLElement {
  const row = (label: string, value: string | null, testid: string, copy = false) => value ? [
    h(doc, 'dt', {}, label),
    h(doc, 'dd', {}, h(doc, 'span', { testid }, value), copy ? copyButton(doc, value, `${testid}-copy`) : null),
  ] : [];
  const status = d.status ? h(doc, 'span', { class: `badge ${d.status}`, testid: 'gstin-status' }, STATUS_LABEL[d.status] ?? d.status) : null;
  const blocked = d.blockStatus === 'B' ? 'E-way bill generation blocked' : 'Not blocked';
  return h(doc, 'div', { testid: 'gstin-result' },
    h(doc, 'dl', {},
      ...row('GSTIN', d.gstin, 'gstin-value', true),
      ...row('Legal name', d.legalName, 'gstin-legal-name', true),
      ...row('Trade name', d.tradeName, 'gstin-trade-name', true),
      ...row('Address', d.address, 'gstin-address', true),
      ...row('State', d.stateName ? `${d.stateName} (${d.stateCode ?? ''})` : d.stateCode, 'gstin-state'),
      h(doc, 'dt', {}, 'Status'), h(doc, 'dd', {}, status ?? '—'),
      ...row('Blocked', blocked, 'gstin-block'),
      ...row('Registered', d.registrationDate, 'gstin-reg-date'),
      ...row('Deregistered', d.deregistrationDate, 'gstin-dereg-date')));
}
