/** Options: the ERP sites IRN Bridge is enabled on — list, remove, add by origin. */
import { browser } from '../../lib/browser';
import { send } from '../../lib/send';
import { patternForOrigin } from '../../lib/site-patterns';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';
import { SITES_CHANGED } from './recipes';

export function sitesSection(doc: Document): HTMLElement {
  const list = h(doc, 'ul', { class: 'plain', testid: 'options-sites' });
  const input = h(doc, 'input', { testid: 'options-site-origin', placeholder: 'https://erp.example.com' });
  const add = h(doc, 'button', { type: 'button', class: 'primary', testid: 'options-site-add' }, 'Enable');
  const msg = h(doc, 'div', { class: 'hint', testid: 'options-site-message' }, 'IRN Bridge runs only on the sites listed here.');

  const render = async () => {
    const sites = await send('sites.list', {});
    list.replaceChildren(...sites.map((s) => {
      const remove = h(doc, 'button', { type: 'button', testid: 'options-site-remove', 'data-pattern': s.pattern }, 'Remove');
      remove.addEventListener('click', async () => {
        await send('sites.remove', { pattern: s.pattern });
        await render();
      });
      const state = s.registered ? 'active' : s.granted ? 'not registered' : 'access not granted';
      return h(doc, 'li', { class: 'row', testid: 'options-site', 'data-pattern': s.pattern, 'data-registered': String(s.registered) },
        h(doc, 'span', { class: 'mono', style: 'flex:1' }, s.pattern), h(doc, 'span', { class: 'muted' }, state), remove);
    }));
    if (!sites.length) list.append(h(doc, 'li', { class: 'muted', testid: 'options-sites-empty' }, 'No sites yet. Use the popup on your ERP tab, or add one here.'));
  };

  add.addEventListener('click', async () => {
    let pattern: string;
    try {
      pattern = patternForOrigin(input.value.trim());
    } catch {
      msg.className = 'err';
      msg.textContent = 'Type the address of your ERP, starting with https:// or http://.';
      return;
    }
    // The prompt must be asked from this click (user gesture).
    if (!(await browser.permissions.request({ origins: [pattern] }))) {
      msg.className = 'err';
      msg.textContent = 'Access was not granted.';
      return;
    }
    try {
      await send('sites.enable', { origin: input.value.trim() });
      msg.className = 'ok';
      msg.textContent = `Enabled on ${pattern}. Reload open ERP tabs.`;
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
