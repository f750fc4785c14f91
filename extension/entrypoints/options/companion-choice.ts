/**
 * Options → Companion: the one on this computer (http://127.0.0.1:PORT, paired with a code), or the
 * one shared on the office network (team mode: https://host:port and the personal key the
 * administrator made with `irn-bridge keys create`; no pairing code). The browser cannot read a
 * TLS certificate, so the fingerprint shown is the one the companion reports over the connection
 * the browser already trusts (an installed certificate, docs/install.md → Team mode).
 */
import type { HealthResponse } from '@irn-bridge/shared/api/contract';
import { browser } from '../../lib/browser';
import { sharedCompanionAddress } from '../../lib/companion-address';
import type { CompanionStatus, Settings } from '../../lib/messages';
import { send } from '../../lib/send';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';

export interface CompanionChoice {
  element: HTMLElement;
  /** Draws what the background found; a field the clerk is typing in is left alone. */
  show(settings: Settings, status: CompanionStatus): void;
}

export function companionChoice(doc: Document, local: { portInput: HTMLInputElement; portSave: HTMLButtonElement }, changed: () => Promise<void>): CompanionChoice {
  const name = 'irn-companion-where';
  const localRadio = h(doc, 'input', { type: 'radio', name, value: 'local', testid: 'options-companion-local' });
  const sharedRadio = h(doc, 'input', { type: 'radio', name, value: 'shared', testid: 'options-companion-shared' });
  const url = h(doc, 'input', { testid: 'options-shared-url', placeholder: 'https://irn.office.lan:47321', autocomplete: 'off', spellcheck: 'false', style: 'flex:1' });
  const key = h(doc, 'input', { type: 'password', testid: 'options-shared-key', placeholder: 'irnb_… (your key)', autocomplete: 'off', spellcheck: 'false', style: 'flex:1' });
  const connect = h(doc, 'button', { type: 'button', class: 'primary', testid: 'options-shared-connect' }, 'Connect');
  const msg = h(doc, 'div', { class: 'hint', testid: 'options-shared-message' },
    'Paste the address and the key your administrator gave you (they make it with `irn-bridge keys create --user NAME --role clerk`). No pairing code is needed.');
  const who = h(doc, 'div', { testid: 'options-shared-who' });
  const fingerprint = h(doc, 'div', { class: 'hint', testid: 'options-shared-fingerprint' });
  const localRow = h(doc, 'div', { class: 'row', style: 'margin-top:8px' }, h(doc, 'span', {}, 'Address: http://127.0.0.1:'), local.portInput, local.portSave);
  const sharedBox = h(doc, 'div', { style: 'margin-top:8px' },
    h(doc, 'div', { class: 'row' }, url), h(doc, 'div', { class: 'row', style: 'margin-top:4px' }, key, connect), msg, who, fingerprint);

  const pick = (shared: boolean) => {
    localRadio.checked = !shared;
    sharedRadio.checked = shared;
    localRow.style.display = shared ? 'none' : '';
    sharedBox.style.display = shared ? '' : 'none';
  };
  let picked = false; // the clerk's radio choice wins over the stored one until they save
  localRadio.addEventListener('change', async () => {
    picked = true;
    pick(false);
    // Back to this computer's companion: forget the shared address and its key.
    if ((await send('settings.get', {})).sharedUrl) {
      await send('settings.set', { sharedUrl: null });
      picked = false;
      await changed();
    }
  });
  sharedRadio.addEventListener('change', () => { picked = true; pick(true); });

  const showIdentity = (health: HealthResponse | null) => {
    who.className = health?.paired ? 'ok' : '';
    who.textContent = !health?.paired ? ''
      : health.user ? `The companion knows this key as ${health.user} (${health.role ?? 'clerk'}); the ledger names ${health.user} on every IRN you generate.`
        : `This key is accepted (${health.role ?? 'clerk'}), but it was not made for a named person.`;
    fingerprint.textContent = health?.tlsFingerprint
      ? `Certificate SHA-256 fingerprint, as the companion reports it: ${health.tlsFingerprint}. Check with your administrator that it is the one \`irn-bridge start\` printed. Your browser trusts this certificate because it is installed on this computer (or is your company's).`
      : '';
  };

  connect.addEventListener('click', async () => {
    const address = sharedCompanionAddress(url.value);
    if ('error' in address) {
      msg.className = 'err';
      msg.textContent = address.error;
      return;
    }
    // The permission prompt must come from this click (a user gesture), as for ERP sites (sites.ts).
    if (!(await browser.permissions.request({ origins: [address.pattern] }))) {
      msg.className = 'err';
      msg.textContent = `Access to ${address.url} was not granted, so IRN Bridge cannot reach the shared companion.`;
      return;
    }
    connect.disabled = true;
    try {
      const res = await send('companion.share', { url: address.url, key: key.value });
      key.value = '';
      url.value = res.settings.sharedUrl ?? address.url;
      picked = false;
      msg.className = 'ok';
      msg.textContent = `Connected to the shared companion at ${res.settings.sharedUrl}. The key is stored in the extension and is not shown again.`;
      showIdentity(res.health);
      await changed();
    } catch (err) {
      const e = toUiError(err);
      msg.className = 'err';
      msg.textContent = describeError(e) + (e.hint ? ` ${e.hint}` : '');
    } finally {
      connect.disabled = false;
    }
  });

  pick(false);
  return {
    element: h(doc, 'div', { style: 'margin-top:8px' },
      h(doc, 'label', { class: 'row' }, localRadio, h(doc, 'span', {}, 'On this computer')), localRow,
      h(doc, 'label', { class: 'row', style: 'margin-top:8px' }, sharedRadio, h(doc, 'span', {}, 'Shared on the office network (team mode)')), sharedBox),
    show(settings, status) {
      if (!picked) pick(!!settings.sharedUrl);
      if (!settings.sharedUrl) return;
      if (doc.activeElement !== url && !url.value) url.value = settings.sharedUrl;
      showIdentity(status.health);
    },
  };
}
