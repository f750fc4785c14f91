/** Options: the ERP sites IRN Bridge is enabled on — list (as the clerk typed them), remove, add by address. */
import { browser } from '../../lib/browser';
import { send } from '../../lib/send';
import { siteAddress } from './site-address';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { SITES_CHANGED } from './recipes';

export function sitesSection(doc: Document): HTMLElement {
  const list = h(doc, 'ul', { class: 'plain', testid: 'options-sites' });
  const input = h(doc, 'input', { testid: 'options-site-origin', placeholder: 'erp.example.com or localhost:8069' });
  const add = h(doc, 'button', { type: 'button', class: 'primary', testid: 'options-site-add' }, 'Enable');
  const msg = h(doc, 'div', { class: 'hint', testid: 'options-site-message' }, 'IRN Bridge runs only on the sites listed here.');

  // What the clerk typed, by match pattern (ports are not part of a pattern, so the list would not show them).
  const LABELS = 'siteLabels';
  const labels = async (): Promise<Record<string, string>> => ((await browser.storage.local.get(LABELS))[LABELS] as Record<string, string> | undefined) ?? {};
  const setLabel = async (pattern: string, typed: string | null) => {
    const all = await labels();
    if (typed === null) delete all[pattern]; else all[pattern] = typed;
    await browser.storage.local.set({ [LABELS]: all });
  };

  const render = async () => {
    const sites = await send('sites.list', {});
    const typed = await labels();
    list.replaceChildren(...sites.map((s) => {
      const remove = h(doc, 'button', { type: 'button', testid: 'options-site-remove', 'data-pattern': s.pattern }, 'Remove');
      remove.addEventListener('click', async () => {
        await send('sites.remove', { pattern: s.pattern });
        await setLabel(s.pattern, null);
        await render();
      });
      const state = s.registered ? 'active' : s.granted ? 'not registered' : 'access not granted';
      return h(doc, 'li', { class: 'row', testid: 'options-site', 'data-pattern': s.pattern, 'data-registered': String(s.registered) },
        h(doc, 'span', { style: 'flex:1' }, h(doc, 'span', { testid: 'options-site-label' }, typed[s.pattern] ?? s.pattern),
          typed[s.pattern] ? h(doc, 'span', { class: 'mono muted' }, ` ${s.pattern}`) : null),
        h(doc, 'span', { class: 'muted' }, state), remove);
    }));
    if (!sites.length) list.append(h(doc, 'li', { class: 'muted', testid: 'options-sites-empty' }, 'No sites yet. Use the popup on your ERP tab, or add one here.'));
  };

  add.addEventListener('click', async () => {
    const typed = input.value.trim();
    const address = siteAddress(typed);
    if ('error' in address) {
      msg.className = 'err';
      msg.textContent = address.error;
      return;
    }
    // The prompt must be asked from this click (user gesture).
    if (!(await browser.permissions.request({ origins: [address.pattern] }))) {
      msg.className = 'err';
      msg.textContent = `Access to ${address.origin} was not granted, so IRN Bridge cannot read invoices there.`;
      return;
    }
    try {
      await send('sites.enable', { origin: address.origin });
      await setLabel(address.pattern, typed);
      msg.className = 'ok';
      msg.textContent = `Enabled on ${address.origin}${address.assumed ? ` (${address.assumed})` : ''}. Reload open ERP tabs.`;
      input.value = '';
    } catch (err) {
      msg.className = 'err';
      msg.textContent = describeError(toUiError(err));
    }
    await render();
  });

  void render();
  // Importing a recipe enables its site: show it here too.
  doc.addEventListener(SITES_CHANGED, () => void render());
  return h(doc, 'section', {}, h(doc, 'h2', {}, 'Enabled sites'), list, h(doc, 'div', { class: 'row', style: 'margin-top:8px' }, input, add), msg);
}
