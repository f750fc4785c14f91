/**
 * Options: recipes for other web ERPs — list, import (paste JSON), export, delete. A recipe is
 * checked with the shared `validateRecipe` (plus the browser's own parse of each CSS selector)
 * before it is stored; importing one enables its site through the ordinary per-site flow.
 */
import { parseRecipe, type Recipe } from '@irn-bridge/shared/erps/recipe/index';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import { browser } from '../../lib/browser';
import type { RecipeEntry } from '../../lib/messages';
import { send } from '../../lib/send';
import { patternForOrigin } from '../../lib/site-patterns';
import { describeError, toUiError } from '../../lib/ui-error';
import { h } from '../../ui/dom';

/** Fired on the options document when a recipe enabled a site, so the sites list re-renders. */
export const SITES_CHANGED = 'irn-bridge:sites-changed';

/** Selectors the browser cannot parse, named by their recipe field (validateRecipe cannot check CSS). */
export function selectorIssues(recipe: Recipe, doc: Document): ValidationIssue[] {
  if (recipe.source.kind !== 'dom') return [];
  const probe = doc.createDocumentFragment();
  const out: ValidationIssue[] = [];
  const check = (path: string, spec: string | { selector: string } | undefined) => {
    const selector = typeof spec === 'string' ? spec : spec?.selector;
    if (!selector || selector.trim() === ':scope') return;
    try {
      probe.querySelector(selector);
    } catch {
      out.push({ path, code: 'RECIPE', message: `"${selector}" is not a valid CSS selector.`, severity: 'error' });
    }
  };
  const src = recipe.source;
  for (const [k, spec] of Object.entries(src.fields)) check(`source.fields.${k}`, spec);
  check('source.items.rowSelector', src.items.rowSelector);
  for (const [k, spec] of Object.entries(src.items.fields)) check(`source.items.fields.${k}`, spec);
  if (recipe.writeBack?.kind === 'json-post' && recipe.writeBack.csrf) check('writeBack.csrf.selector', recipe.writeBack.csrf.selector);
  return out;
}

export function recipesSection(doc: Document): HTMLElement {
  const list = h(doc, 'ul', { class: 'plain', testid: 'options-recipes' });
  const input = h(doc, 'textarea', {
    testid: 'options-recipe-json', rows: 8, spellcheck: 'false', class: 'mono',
    style: 'width:100%;box-sizing:border-box', placeholder: 'Paste a recipe (JSON) here',
  });
  const importBtn = h(doc, 'button', { type: 'button', class: 'primary', testid: 'options-recipe-import' }, 'Import recipe');
  const msg = h(doc, 'div', { class: 'hint', testid: 'options-recipe-message' },
    'A recipe teaches IRN Bridge where an invoice\'s values are on another web ERP. Format and examples: docs/adapters.md (Recipes) in the IRN Bridge folder.');
  const issuesBox = h(doc, 'ul', { class: 'plain', testid: 'options-recipe-issues' });

  const say = (cls: string, text: string) => {
    msg.className = cls;
    msg.textContent = text;
  };
  const showIssues = (issues: ValidationIssue[]) => {
    issuesBox.replaceChildren(...issues.map((i) => h(doc, 'li', { class: i.severity === 'error' ? 'err' : 'muted', testid: 'options-recipe-issue', 'data-path': i.path, 'data-severity': i.severity },
      h(doc, 'span', { class: 'mono' }, i.path), ` — ${i.message}`, i.hint ? h(doc, 'div', { class: 'hint' }, i.hint) : null)));
  };

  const renderList = (entries: RecipeEntry[]) => {
    list.replaceChildren(...entries.map(({ recipe, pattern, siteEnabled }) => {
      const exportBtn = h(doc, 'button', { type: 'button', testid: 'options-recipe-export' }, 'Export');
      const del = h(doc, 'button', { type: 'button', testid: 'options-recipe-delete' }, 'Delete');
      exportBtn.addEventListener('click', () => {
        input.value = JSON.stringify(recipe, null, 2);
        input.select();
        showIssues([]);
        say('hint', `Recipe "${recipe.label}" is in the box above: copy it, or save it as a .json file to share.`);
      });
      del.addEventListener('click', async () => {
        renderList(await send('recipes.remove', { id: recipe.id }));
        say('hint', `Recipe "${recipe.label}" deleted. ${pattern} stays enabled; remove it under Enabled sites if it is no longer needed.`);
      });
      return h(doc, 'li', { class: 'row', testid: 'options-recipe', 'data-id': recipe.id, 'data-site-enabled': String(siteEnabled) },
        h(doc, 'span', { style: 'flex:1' }, h(doc, 'b', {}, recipe.label), ' ', h(doc, 'span', { class: 'mono' }, `${recipe.origin}${recipe.urlPattern}`),
          h(doc, 'span', { class: 'muted' }, ` · ${recipe.source.kind === 'dom' ? 'page' : 'JSON'}${siteEnabled ? '' : ' · site not enabled'}`)),
        exportBtn, del);
    }));
    if (!entries.length) list.append(h(doc, 'li', { class: 'muted', testid: 'options-recipes-empty' }, 'No recipes yet.'));
  };

  importBtn.addEventListener('click', async () => {
    const { recipe, issues } = parseRecipe(input.value);
    const all = recipe ? [...issues, ...selectorIssues(recipe, doc)] : issues;
    showIssues(all);
    if (!recipe || all.some((i) => i.severity === 'error')) {
      const first = all.find((i) => i.severity === 'error');
      say('err', `Not imported: ${first ? `${first.path} — ${first.message}` : 'the recipe has problems.'}`);
      return;
    }
    const pattern = patternForOrigin(recipe.origin);
    // The site's access prompt must come from this click (a user gesture), before anything else is awaited.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    try {
      const res = await send('recipes.save', { recipe });
      renderList(res.recipes);
      input.value = '';
      if (res.siteEnabled) doc.dispatchEvent(new CustomEvent(SITES_CHANGED));
      say(res.siteEnabled ? 'ok' : 'err', res.siteEnabled
        ? `Recipe "${recipe.label}" imported; IRN Bridge is enabled on ${pattern}. Reload open tabs of that site.`
        : `Recipe "${recipe.label}" imported, but access to ${pattern} was ${granted ? 'not confirmed' : 'not granted'}: enable the site to use it.`);
    } catch (err) {
      const e = toUiError(err);
      if (e.issues?.length) showIssues(e.issues);
      say('err', describeError(e));
    }
  });

  void send('recipes.list', {}).then(renderList, (err) => say('err', describeError(toUiError(err))));
  return h(doc, 'section', {}, h(doc, 'h2', {}, 'Recipes (other web ERPs)'), list,
    h(doc, 'div', { style: 'margin-top:8px' }, input), h(doc, 'div', { class: 'row', style: 'margin-top:6px' }, importBtn), msg, issuesBox);
}
