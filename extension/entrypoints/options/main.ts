import '../../ui/page.css';
import { browser } from '../../lib/browser';
import { send } from '../../lib/send';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { companionChoice } from './companion-choice';
import { recipesSection } from './recipes';
import { sitesSection } from './sites';

const doc = document;
const app = doc.getElementById('app')!;

const statusLine = h(doc, 'div', { testid: 'options-status' }, 'Checking the companion…');
const statusHint = h(doc, 'div', { class: 'hint', testid: 'options-status-hint' });
const portInput = h(doc, 'input', { type: 'number', min: 1, max: 65535, testid: 'options-port', style: 'max-width:120px' });
const portSave = h(doc, 'button', { type: 'button', testid: 'options-port-save' }, 'Save');
const pairBox = h(doc, 'div', {});
const profileSelect = h(doc, 'select', { testid: 'options-profile' });
const profileMsg = h(doc, 'div', { class: 'hint', testid: 'options-profile-message' });
const companion = companionChoice(doc, { portInput, portSave }, () => refresh());
const historyLink = h(doc, 'a', { href: browser.runtime.getURL('/history.html'), testid: 'options-open-history', class: 'link' }, 'History of IRNs');

app.append(
  h(doc, 'section', {}, h(doc, 'h1', {}, 'IRN Bridge settings', h(doc, 'span', { style: 'flex:1' }), historyLink)),
  h(doc, 'section', {}, h(doc, 'h2', {}, 'Companion'), statusLine, statusHint, companion.element),
  h(doc, 'section', {}, h(doc, 'h2', {}, 'Pairing'), pairBox),
  h(doc, 'section', {}, h(doc, 'h2', {}, 'Default profile'), profileSelect, profileMsg),
  sitesSection(doc),
  recipesSection(doc),
);

let refreshes = 0;
let portEdited = false;
portInput.addEventListener('input', () => { portEdited = true; });
async function refresh(): Promise<void> {
  // Only the latest refresh may draw: the one started at page load (old port, maybe slow) must not
  // overwrite what a later one (after "Save") found.
  const mine = ++refreshes;
  const settings = await send('settings.get', {});
  const status = await send('status', {});
  if (mine !== refreshes) return;
  // A port the clerk is typing (or has the cursor in) is theirs until they save it.
  if (!portEdited && doc.activeElement !== portInput) portInput.value = String(settings.port);
  companion.show(settings, status);
  if (!status.running) {
    statusLine.className = 'err';
    statusLine.textContent = status.error?.message ?? 'The companion is not running.';
    statusHint.textContent = ''; // what to do is under Pairing, where the pairing box would otherwise be
  } else {
    statusLine.className = 'ok';
    statusLine.textContent = settings.sharedUrl
      ? `Shared companion ${status.health?.version ?? ''} running at ${settings.sharedUrl}${status.paired ? ', your key is accepted' : ', your key is not accepted'}.`
      : `Companion ${status.health?.version ?? ''} running${status.paired ? ', paired' : ', not paired'}.`;
    statusHint.textContent = '';
  }
  renderPairing(settings.sharedUrl ? 'shared' : !status.running ? (settings.paired ? 'down-paired' : 'down') : status.paired ? 'paired' : 'unpaired', status.port);
  await renderProfiles(status.running && status.paired, settings.defaultProfile);
}

type PairingState = 'paired' | 'unpaired' | 'down' | 'down-paired' | 'shared';
let pairingShown: PairingState | null = null;

function renderPairing(state: PairingState, port: number): void {
  // Re-rendering the same state would wipe a code the user is typing.
  if (pairingShown === state) return;
  pairingShown = state;
  if (state === 'shared') {
    // A shared companion pairs nobody: the administrator's key (under Companion) is the pairing.
    pairBox.replaceChildren(h(doc, 'div', { class: 'hint', testid: 'options-pairing-shared' },
      'Not needed with a shared companion: the key your administrator gave you (under Companion) identifies you. Pairing codes are only for a companion on this computer.'));
    return;
  }
  if (state === 'down' || state === 'down-paired') {
    // Not the pairing box: while the companion is down nobody can pair, and a paired browser is still paired.
    const retry = h(doc, 'button', { type: 'button', testid: 'options-recheck' }, 'Check again');
    retry.addEventListener('click', () => void refresh());
    pairBox.replaceChildren(
      h(doc, 'div', { class: 'err', testid: 'options-companion-down' },
        state === 'down-paired'
          ? 'This browser is paired (its key is kept), but the companion is not running, so nothing can be registered now.'
          : 'The companion is not running, so this browser cannot be paired yet.'),
      h(doc, 'ul', { class: 'hint', testid: 'options-companion-down-steps' },
        h(doc, 'li', {}, 'Restart the computer, or sign out and in again: IRN Bridge starts by itself once your IT person has installed it as a service.'),
        h(doc, 'li', {}, `If it still does not answer, tell your IT person: "The IRN Bridge companion does not answer on port ${port} on this computer${state === 'down-paired' ? ' (the browser is paired)' : ''}. Please run irn-bridge doctor and irn-bridge service status."`),
        h(doc, 'li', {}, 'Nothing was sent to the IRP; invoices can be registered once it is running again.')),
      retry);
    return;
  }
  if (state === 'paired') {
    const forget = h(doc, 'button', { type: 'button', testid: 'options-unpair' }, 'Forget this pairing');
    forget.addEventListener('click', async () => { await send('unpair', {}); await refresh(); });
    pairBox.replaceChildren(h(doc, 'div', { class: 'ok', testid: 'options-paired' }, 'This browser is paired. The key is stored in the extension and is not shown.'), forget);
    return;
  }
  const code = h(doc, 'input', { testid: 'options-pair-code', placeholder: 'Pairing code', autocomplete: 'off', spellcheck: 'false' });
  const pair = h(doc, 'button', { type: 'button', class: 'primary', testid: 'options-pair' }, 'Pair');
  const msg = h(doc, 'div', { class: 'hint', testid: 'options-pair-message' }, 'Type the one-time pairing code your IT person gives you (they make one with `irn-bridge pair` on this computer).');
  pair.addEventListener('click', async () => {
    pair.disabled = true;
    try {
      await send('pair', { code: code.value });
      await refresh();
    } catch (err) {
      const e = toUiError(err);
      msg.className = 'err';
      msg.textContent = describeError(e) + (e.hint ? ` ${e.hint}` : '');
      pair.disabled = false;
    }
  });
  pairBox.replaceChildren(h(doc, 'div', { class: 'row' }, code, pair), msg);
}

async function renderProfiles(enabled: boolean, chosen: string | null): Promise<void> {
  profileSelect.disabled = !enabled;
  if (!enabled) {
    profileSelect.replaceChildren(h(doc, 'option', {}, '—'));
    return;
  }
  const profiles = await send('profiles', {});
  profileSelect.replaceChildren(
    h(doc, 'option', { value: '' }, 'The companion\'s default'),
    ...profiles.map((p) => h(doc, 'option', { value: p.name, selected: p.name === chosen }, `${p.name} · ${p.gstin} · ${p.demo ? 'DEMO' : p.kind}${p.isDefault ? ' (companion default)' : ''}`)));
}

profileSelect.addEventListener('change', async () => {
  await send('settings.set', { defaultProfile: profileSelect.value || null });
  profileMsg.textContent = 'Saved.';
});

portSave.addEventListener('click', async () => {
  try {
    await send('settings.set', { port: Number(portInput.value), sharedUrl: null });
    portEdited = false;
    await refresh();
  } catch (err) {
    statusLine.className = 'err';
    statusLine.textContent = describeError(toUiError(err));
  }
});

void refresh().catch((err) => { statusLine.textContent = describeError(toUiError(err)); });
