/**
 * Checking a recipe the user pasted, before it is stored. Every issue names the recipe field it is
 * about (`origin`, `source.fields.BuyerDtls.Gstin`, `source.items.rowSelector`, …). Errors block the
 * import; warnings say what the preview will later complain about.
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { Recipe } from './types';
import { isRecipeField, isRecipeItemField, RECIPE_PARSES, type RecipeField } from './fields';
import { compileUrlPattern } from './url';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Needed by every invoice, and impossible to guess: without them the recipe is refused. */
const REQUIRED: RecipeField[] = ['DocDtls.No', 'DocDtls.Dt', 'SellerDtls.Gstin', 'BuyerDtls.Gstin'];
/** INV-01 wants these too; a recipe without them imports, with a warning. */
const EXPECTED: RecipeField[] = [
  'SellerDtls.LglNm', 'SellerDtls.Addr1', 'SellerDtls.Loc', 'SellerDtls.Pin',
  'BuyerDtls.LglNm', 'BuyerDtls.Addr1', 'BuyerDtls.Loc', 'BuyerDtls.Pin',
];

class Issues {
  readonly list: ValidationIssue[] = [];
  error(path: string, message: string, hint?: string): void {
    this.list.push({ path, code: 'RECIPE', message, ...(hint ? { hint } : {}), severity: 'error' });
  }
  warning(path: string, message: string, hint?: string): void {
    this.list.push({ path, code: 'RECIPE', message, ...(hint ? { hint } : {}), severity: 'warning' });
  }
}

/** A same-origin address: a path, or a full URL on the recipe's origin. */
function checkSameOrigin(path: string, url: unknown, origin: string | null, out: Issues): void {
  if (!isText(url)) return out.error(path, `${path} is missing.`, 'Give the address as a path on the site, e.g. "/api/invoices/{id}".');
  if (url.startsWith('/') && !url.startsWith('//')) return;
  if (origin && url.startsWith(`${origin}/`)) return;
  out.error(path, `${path} must be on the recipe's own site (${origin ?? 'its origin'}): "${url}" is not.`, 'Use a path such as "/api/invoices/{id}"; the ERP is read with your session, so it must be the same site.');
}

function checkFieldSources(path: string, fields: unknown, kind: 'dom' | 'json', isKnown: (k: string) => boolean, out: Issues): void {
  if (!isObj(fields)) return out.error(path, `${path} must be an object of field → ${kind === 'dom' ? 'CSS selector' : 'JSON path'}.`);
  for (const [key, spec] of Object.entries(fields)) {
    const at = `${path}.${key}`;
    if (!isKnown(key)) {
      out.error(at, `"${key}" is not a field IRN Bridge knows.`, 'Field names are INV-01\'s own, e.g. "BuyerDtls.Gstin" or, for items, "HsnCd". See the Recipes section of the documentation.');
      continue;
    }
    if (isText(spec)) continue;
    const where = kind === 'dom' ? 'selector' : 'path';
    if (!isObj(spec) || !isText(spec[where])) {
      out.error(at, `${at} must be a ${kind === 'dom' ? 'CSS selector' : 'JSON path'} or { "${where}": … }.`);
      continue;
    }
    if (spec.parse !== undefined && !(RECIPE_PARSES as readonly unknown[]).includes(spec.parse)) {
      out.error(`${at}.parse`, `${at}.parse must be one of ${RECIPE_PARSES.join(', ')}.`);
    }
    if (kind === 'dom' && spec.attr !== undefined && !isText(spec.attr)) out.error(`${at}.attr`, `${at}.attr must be an attribute name.`);
  }
}

function checkDefaults(path: string, defaults: unknown, isKnown: (k: string) => boolean, out: Issues): void {
  if (defaults === undefined) return;
  if (!isObj(defaults)) return out.error(path, `${path} must be an object of field → value.`);
  for (const [key, value] of Object.entries(defaults)) {
    if (!isKnown(key)) out.error(`${path}.${key}`, `"${key}" is not a field IRN Bridge knows.`);
    else if (typeof value !== 'string' && typeof value !== 'number') out.error(`${path}.${key}`, `${path}.${key} must be text or a number.`);
  }
}

function checkWriteBack(wb: unknown, origin: string | null, out: Issues): void {
  if (wb === undefined) return;
  if (!isObj(wb) || (wb.kind !== 'none' && wb.kind !== 'json-post')) {
    return out.error('writeBack.kind', 'writeBack.kind must be "none" or "json-post".');
  }
  if (wb.kind === 'none') return;
  checkSameOrigin('writeBack.url', wb.url, origin, out);
  if (wb.body === undefined) out.error('writeBack.body', 'writeBack.body is missing: the JSON to send, with placeholders such as "{irn}".');
  if (wb.csrf !== undefined && (!isObj(wb.csrf) || !isText(wb.csrf.selector) || !isText(wb.csrf.header))) {
    out.error('writeBack.csrf', 'writeBack.csrf must be { "selector": …, "header": … } (and optionally "attr").');
  }
}

/** Issues with a recipe (unknown input, e.g. pasted JSON). Empty or warnings only: it may be stored. */
export function validateRecipe(recipe: unknown): ValidationIssue[] {
  const out = new Issues();
  if (!isObj(recipe)) {
    out.error('recipe', 'A recipe must be a JSON object.');
    return out.list;
  }
  const r = recipe;
  if (!isText(r.id) || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(r.id)) {
    out.error('id', 'id must be a short name of letters, digits, ".", "_" or "-".', 'For example "acme-erp-invoice".');
  }
  if (!isText(r.label) || r.label.length > 60) out.error('label', 'label must be a name of at most 60 characters.');

  let origin: string | null = null;
  try {
    const u = new URL(String(r.origin));
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === r.origin) origin = u.origin;
  } catch {
    // reported below
  }
  if (!origin) out.error('origin', `origin must be the site's address without a path, like "https://erp.example.com" (got "${String(r.origin ?? '')}").`);

  let capturesId = false;
  try {
    capturesId = compileUrlPattern(r.urlPattern as string).capturesId;
  } catch (err) {
    out.error('urlPattern', (err as Error).message, 'For example "/invoices/{id}"; {id} marks the invoice\'s id in the address.');
  }

  const src = r.source;
  if (!isObj(src) || (src.kind !== 'dom' && src.kind !== 'json')) {
    out.error('source.kind', 'source.kind must be "dom" (read the page) or "json" (read a JSON address).');
    return out.list;
  }
  const kind = src.kind;
  if (kind === 'json') {
    checkSameOrigin('source.url', src.url, origin, out);
    if (isText(src.url) && src.url.includes('{id}') && !capturesId) {
      out.error('urlPattern', 'source.url uses {id}, but urlPattern does not capture it.', 'Put {id} where the invoice\'s id is in the page address.');
    }
  }
  checkFieldSources('source.fields', src.fields, kind, isRecipeField, out);
  const items = src.items;
  if (!isObj(items)) out.error('source.items', 'source.items is missing: where the item rows are and what each row holds.');
  else {
    const rowKey = kind === 'dom' ? 'rowSelector' : 'path';
    if (!isText(items[rowKey])) out.error(`source.items.${rowKey}`, `source.items.${rowKey} is missing.`, kind === 'dom' ? 'A CSS selector matching one element per item row, e.g. "#items tbody tr".' : 'The JSON path of the items array, e.g. "data.items".');
    checkFieldSources('source.items.fields', items.fields, kind, isRecipeItemField, out);
  }
  checkDefaults('defaults', r.defaults, isRecipeField, out);
  checkDefaults('itemDefaults', r.itemDefaults, isRecipeItemField, out);

  const fields = isObj(src.fields) ? src.fields : {};
  const defaults = isObj(r.defaults) ? r.defaults : {};
  const itemFields = isObj(items) && isObj(items.fields) ? items.fields : {};
  const itemDefaults = isObj(r.itemDefaults) ? r.itemDefaults : {};
  const has = (f: string) => f in fields || f in defaults;
  const hasItem = (f: string) => f in itemFields || f in itemDefaults;
  for (const f of REQUIRED) {
    if (!has(f)) out.error(`source.fields.${f}`, `The recipe does not say where ${f} is.`, `Add "${f}" to source.fields${f.startsWith('SellerDtls') ? ' or to defaults' : ''}.`);
  }
  if ('DocDtls.No' in defaults) out.error('defaults.DocDtls.No', 'The document number cannot be a default: every invoice has its own.');
  for (const f of EXPECTED) {
    if (!has(f)) out.warning(`source.fields.${f}`, `${f} is not mapped; the preview will ask for it.`, 'Map it in source.fields, or give it in defaults.');
  }
  if (!hasItem('HsnCd')) out.error('source.items.fields.HsnCd', 'The recipe does not say where each item\'s HSN/SAC code is.', 'Add HsnCd to source.items.fields, or to itemDefaults when every item has the same code.');
  if (!hasItem('AssAmt') && !hasItem('TotAmt') && !(hasItem('Qty') && hasItem('UnitPrice'))) {
    out.error('source.items.fields.AssAmt', 'The recipe does not say where each item\'s amount is.', 'Map AssAmt (taxable value), or TotAmt, or Qty and UnitPrice.');
  }
  if (!hasItem('GstRt') && !['IgstAmt', 'CgstAmt', 'TaxAmt'].some(hasItem)) {
    out.error('source.items.fields.GstRt', 'The recipe does not say each item\'s GST rate or tax.', 'Map GstRt, or the tax amounts (IgstAmt / CgstAmt and SgstAmt / TaxAmt), or give GstRt in itemDefaults.');
  }

  if (r.finalWhen !== undefined) {
    const fw = r.finalWhen;
    if (!isObj(fw) || typeof fw.field !== 'string' || !isRecipeField(fw.field)) out.error('finalWhen.field', 'finalWhen.field must be one of the recipe\'s fields, e.g. "Status".');
    else if (!has(fw.field)) out.error('finalWhen.field', `finalWhen tests ${fw.field}, which the recipe does not read.`);
    try {
      new RegExp(String(isObj(fw) ? fw.pattern : ''), 'i');
      if (!isObj(fw) || !isText(fw.pattern)) out.error('finalWhen.pattern', 'finalWhen.pattern is missing, e.g. "^(posted|paid)$".');
    } catch {
      out.error('finalWhen.pattern', 'finalWhen.pattern is not a valid regular expression.');
    }
  }
  checkWriteBack(r.writeBack, origin, out);
  return out.list;
}

/** Pasted text → a recipe (when it has no errors) and every issue, JSON syntax included. */
export function parseRecipe(text: string): { recipe: Recipe | null; issues: ValidationIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { recipe: null, issues: [{ path: 'recipe', code: 'RECIPE', message: `This is not valid JSON: ${(err as Error).message}`, severity: 'error' }] };
  }
  const issues = validateRecipe(value);
  return { recipe: issues.some((i) => i.severity === 'error') ? null : (value as Recipe), issues };
}
