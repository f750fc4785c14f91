import '../../ui/page.css';
import type { CompanionStatus } from '../../lib/messages';
import { browser } from '../../lib/browser';
import { send } from '../../lib/send';
import { patternForOrigin } from '../../lib/site-patterns';
import { describeError, toUiError } from '../../lib/ui-error';
import { formatRupees } from '../../lib/format';
import { h } from '../../ui/dom';
import { gstinSection } from './gstin';
import { allowsSandboxGstins } from '@irn-bridge/shared/profiles/choice';

const doc = document;
const app = doc.getElementById('app')!;
let status: CompanionStatus | null = null;

const badgeSlot = h(doc, 'span', {});
const statusBox = h(doc, 'section', { testid: 'popup-status' }, 'Checking the companion…');
const siteBox = h(doc, 'section', { testid: 'popup-site' });
const recentBox = h(doc, 'section', { testid: 'popup-recent' }, h(doc, 'h2', {}, 'Recent IRNs'));
const settingsLink = h(doc, 'button', { type: 'button', class: 'link', testid: 'popup-open-options' }, 'Settings');
settingsLink.addEventListener('click', () => void browser.runtime.openOptionsPage());

app.append(
  h(doc, 'section', {}, h(doc, 'h1', {}, 'IRN Bridge', badgeSlot, h(doc, 'span', { style: 'flex:1' }), settingsLink)),
  statusBox,
  gstinSection(doc, () => allowsSandboxGstins(status?.activeProfile)),
  siteBox,
  recentBox,
);

async function showStatus(): Promise<void> {
  status = await send('status', {});
  const p = status.activeProfile;
  badgeSlot.replaceChildren();
  if (p?.demo) badgeSlot.append(h(doc, 'span', { class: 'badge demo', testid: 'popup-badge' }, 'DEMO'));
  else if (p && allowsSandboxGstins(p)) badgeSlot.append(h(doc, 'span', { class: 'badge sandbox', testid: 'popup-badge' }, 'SANDBOX'));
  if (!status.running) {
    statusBox.replaceChildren(h(doc, 'div', { class: 'err', testid: 'popup-status-message' }, status.error?.message ?? 'The companion is not running.'),
      status.error?.hint ? h(doc, 'div', { class: 'hint' }, status.error.hint) : '');
  } else if (!status.paired) {
    statusBox.replaceChildren(h(doc, 'div', { class: 'err', testid: 'popup-status-message' },
      status.sharedUrl ? `The shared companion at ${status.sharedUrl} does not accept this browser's key.` : 'Companion running, but this browser is not paired.'),
      h(doc, 'div', { class: 'hint' }, status.sharedUrl ? 'Open Settings → Companion and paste the key your administrator gave you.' : 'Open Settings and type the code shown by `irn-bridge pair`.'));
  } else {
    statusBox.replaceChildren(h(doc, 'div', { class: 'ok', testid: 'popup-status-message' }, status.sharedUrl
      ? `Shared companion ${status.health?.version ?? ''} at ${status.sharedUrl}${status.health?.user ? `, as ${status.health.user}` : ''}.`
      : `Companion ${status.health?.version ?? ''} running on port ${status.port}.`),
      p ? h(doc, 'div', { testid: 'popup-profile' }, `Profile: ${p.name} · ${p.gstin} (${p.kind})`) : '');
  }
}

const STATE_WORDS: Record<string, string> = { generated: 'registered', cancelled: 'cancelled', failed: 'failed', pending: 'being sent', unknown: 'outcome not known yet' };

const openTab = (url: string) => { void browser.tabs.create({ url }); window.close(); };
const historyUrl = (q?: string) => browser.runtime.getURL(`/history.html${q ? `?q=${encodeURIComponent(q)}` : ''}` as '/history.html');

/** The last documents, each opening its invoice in the ERP (when the ledger knows the page) or in the history. */
async function showRecent(): Promise<void> {
  if (!status?.running || !status.paired) return;
  const all = h(doc, 'button', { type: 'button', class: 'link', testid: 'popup-open-history' }, 'History and search');
  all.addEventListener('click', () => openTab(historyUrl()));
  const heading = h(doc, 'h2', { class: 'row' }, h(doc, 'span', { style: 'flex:1' }, 'Recent IRNs'), all);
  try {
    const { entries } = await send('einvoices.recent', { limit: 10 });
    const list = h(doc, 'ul', { class: 'plain', testid: 'recent-list' }, ...entries.map((e) => {
      const open = h(doc, 'button', { type: 'button', class: 'recent', testid: 'recent-item', 'data-state': e.state,
        title: e.source?.url ? `Open ${e.document.docNo} in the ERP` : `Show ${e.document.docNo} in the history` },
        h(doc, 'span', { class: 'row' }, h(doc, 'b', { style: 'flex:1' }, `${e.document.docType} ${e.document.docNo}`),
          h(doc, 'span', { testid: 'recent-amount' }, e.totalValue === null ? '' : formatRupees(e.totalValue))),
        h(doc, 'span', { class: 'row muted' }, h(doc, 'span', { style: 'flex:1', testid: 'recent-customer' }, e.buyerName ?? e.buyerGstin ?? ''),
          `${e.document.docDate} · ${STATE_WORDS[e.state] ?? e.state}`));
      open.addEventListener('click', () => openTab(e.source?.url ?? historyUrl(e.document.docNo)));
      return h(doc, 'li', {}, open);
    }));
    recentBox.replaceChildren(heading, entries.length ? list : h(doc, 'div', { class: 'muted', testid: 'recent-empty' }, 'No IRNs yet.'));
  } catch (err) {
    recentBox.replaceChildren(heading, h(doc, 'div', { class: 'err' }, describeError(toUiError(err))));
  }
}

async function showSite(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  let pattern: string | null = null;
  try {
    if (tab?.url) pattern = patternForOrigin(tab.url);
  } catch { /* not a web page */ }
  siteBox.replaceChildren(h(doc, 'h2', {}, 'This site'));
  if (!pattern || tab?.id === undefined) {
    siteBox.append(h(doc, 'div', { class: 'muted', testid: 'popup-site-none' }, 'Open your ERP (ERPNext, Odoo) in this tab to enable IRN Bridge there.'));
    return;
  }
  const sites = await send('sites.list', {});
  if (sites.some((s) => s.pattern === pattern && s.registered)) {
    siteBox.append(h(doc, 'div', { class: 'ok', testid: 'popup-site-enabled' }, `Enabled on ${pattern}`));
    return;
  }
  const btn = h(doc, 'button', { type: 'button', class: 'primary', testid: 'popup-enable-site' }, 'Enable on this site');
  const msg = h(doc, 'div', { class: 'hint' }, `Lets IRN Bridge read invoices on ${pattern} while you are logged in.`);
  btn.addEventListener('click', async () => {
    // The permission prompt needs this click's user gesture, so it is asked here, not in the background.
    const granted = await browser.permissions.request({ origins: [pattern!] });
    if (!granted) { msg.className = 'err'; msg.textContent = 'Access was not granted.'; return; }
    try {
      await send('sites.enable', { origin: tab.url!, tabId: tab.id });
      await showSite();
    } catch (err) {
      msg.className = 'err';
      msg.textContent = describeError(toUiError(err));
    }
  });
  siteBox.append(btn, msg);
}

void showStatus().then(showRecent).catch((err) => statusBox.replaceChildren(describeError(toUiError(err))));
void showSite().catch(() => undefined);
