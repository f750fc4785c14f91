/**
 * The adapter for any other web ERP: a user-taught recipe (shared/src/erp/recipe.ts) says where the
 * invoice's values are. A `dom` recipe reads the content script's document with CSS selectors; a
 * `json` recipe fetches a same-origin JSON address with the page's session. Nothing is parsed
 * here: raw text goes to the shared mapping, which explains every selector that found nothing.
 */
import { ErpError, type ErpDocumentRef, type ErpEvent, type ErpIo, type WriteBackOutcome } from '../module';
import type { DomFieldSource, JsonFieldSource, Recipe, RecipeRawValue, RecipeValues, WriteBackTemplate } from './types';
import { compileUrlPattern, matchUrlPattern } from './url';
import { readJsonPath } from './values';

export interface RecipeReadOptions {
  /** How long a `dom` read waits for a page that is still rendering (the document number to appear). */
  settleMs?: number;
}

type Row = Record<string, RecipeRawValue>;

// ------------------------------------------------------------------ reading the page

function selectorOf(spec: DomFieldSource): { selector: string; attr?: string } {
  return typeof spec === 'string' ? { selector: spec } : spec;
}

/**
 * The first element matching `selector`, or null (also for a selector the browser cannot parse).
 * `:scope` alone is the root itself: an item row's own attributes (`data-sku`) are read that way.
 */
function query(root: ParentNode, selector: string): Element | null {
  if (selector.trim() === ':scope') return 'tagName' in root ? (root as Element) : null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** What the clerk sees in the element: an input's value, a select's chosen option, else its text. */
function elementValue(el: Element, attr?: string): string | null {
  if (attr) return el.getAttribute(attr);
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'textarea') return (el as HTMLInputElement).value ?? el.getAttribute('value');
  if (tag === 'select') {
    const opt = query(el, 'option:checked') ?? query(el, 'option[selected]');
    return opt?.textContent ?? null;
  }
  return el.textContent;
}

/** Reads `fields` under `root`; keys whose selector found nothing go to `missing` (with `prefix`). */
function readDomFields(root: ParentNode, fields: Record<string, DomFieldSource | undefined>, missing: string[], prefix = ''): Row {
  const out: Row = {};
  for (const [key, spec] of Object.entries(fields)) {
    if (!spec) continue;
    const { selector, attr } = selectorOf(spec);
    const el = query(root, selector);
    if (!el) {
      missing.push(prefix + key);
      continue;
    }
    const v = elementValue(el, attr);
    out[key] = v === null || v.trim() === '' ? null : v.replace(/\s+/g, ' ').trim();
  }
  return out;
}

export function readDomValues(doc: Document, recipe: Recipe, id: string): RecipeValues {
  if (recipe.source.kind !== 'dom') throw new Error('Not a page recipe.');
  const src = recipe.source;
  const missing: string[] = [];
  const fields = readDomFields(doc, src.fields, missing);
  let rows: Element[] = [];
  try {
    rows = Array.from(doc.querySelectorAll(src.items.rowSelector));
  } catch {
    rows = [];
  }
  const items: Row[] = [];
  for (const row of rows) {
    const rowMissing: string[] = [];
    const values = readDomFields(row, src.items.fields, rowMissing);
    // Spacer, heading and subtotal rows inside the table hold none of the item's values: skip them.
    if (Object.values(values).every((v) => v === null)) continue;
    missing.push(...rowMissing.map((k) => `items[${items.length}].${k}`));
    items.push(values);
  }
  if (items.length === 0) missing.push('items');
  return { id, fields, items, missing };
}

// ------------------------------------------------------------------ reading JSON

const pathOf = (spec: JsonFieldSource) => (typeof spec === 'string' ? spec : spec.path);

function readJsonFields(json: unknown, fields: Record<string, JsonFieldSource | undefined>, missing: string[], prefix = ''): Row {
  const out: Row = {};
  for (const [key, spec] of Object.entries(fields)) {
    if (!spec) continue;
    const v = readJsonPath(json, pathOf(spec));
    if (v === undefined || (typeof v === 'object' && v !== null)) missing.push(prefix + key);
    else out[key] = v as RecipeRawValue;
  }
  return out;
}

export function jsonValues(json: unknown, recipe: Recipe, id: string): RecipeValues {
  if (recipe.source.kind !== 'json') throw new Error('Not a JSON recipe.');
  const src = recipe.source;
  const missing: string[] = [];
  const fields = readJsonFields(json, src.fields, missing);
  const list = readJsonPath(json, src.items.path);
  const items = (Array.isArray(list) ? list : []).map((item, i) => readJsonFields(item, src.items.fields, missing, `items[${i}].`));
  if (items.length === 0) missing.push('items');
  return { id, fields, items, missing };
}

// ------------------------------------------------------------------ reading and recording

/** A recipe address (`/api/invoices/{id}`) on the recipe's origin; anything else is refused. */
function sameOriginUrl(recipe: Recipe, template: string, id: string): string {
  const url = new URL(template.replace(/\{id\}/g, encodeURIComponent(id)), recipe.origin);
  if (url.origin !== recipe.origin) throw new Error(`The recipe "${recipe.label}" points outside ${recipe.origin}.`);
  return url.href;
}

/** Replaces {irn}, {ackNo}… in every string of the write-back body. */
function fillTemplate(t: WriteBackTemplate, values: Record<string, string>): WriteBackTemplate {
  if (typeof t === 'string') return t.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? values[k] : whole));
  if (Array.isArray(t)) return t.map((x) => fillTemplate(x, values));
  if (t && typeof t === 'object') return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, fillTemplate(v, values)]));
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The document the page at `url` shows, by the recipe's URL pattern (or, without an id in it, the page's document number). */
export function detectRecipeDocument(recipe: Recipe, url: URL, page?: Document): ErpDocumentRef | null {
  if (url.origin !== recipe.origin) return null;
  const m = matchUrlPattern(compileUrlPattern(recipe.urlPattern), url);
  if (!m) return null;
  const docNoSpec = recipe.source.kind === 'dom' ? recipe.source.fields['DocDtls.No'] : undefined;
  const onPage = docNoSpec && page ? readDomFields(page, { no: docNoSpec }, [])['no'] : null;
  const name = m.id || (typeof onPage === 'string' ? onPage : '');
  return name ? { erp: 'recipe', name } : null;
}

/** Reads the recipe's values from the page (`dom`) or its same-origin JSON address (`json`). */
export async function readRecipeValues(io: ErpIo, recipe: Recipe, id: string, options: RecipeReadOptions = {}): Promise<RecipeValues> {
  if (recipe.source.kind === 'dom') {
    const doc = io.document;
    if (!doc) throw new ErpError('ERP_REQUEST', 'The page could not be read.');
    const docNoSpec = recipe.source.fields['DocDtls.No'];
    const settleMs = options.settleMs ?? 4000;
    // Single-page ERPs render after the address changes: give the invoice a moment to appear.
    for (let waited = 0; docNoSpec && waited < settleMs && !query(doc, selectorOf(docNoSpec).selector); waited += 200) await sleep(200);
    return readDomValues(doc, recipe, id);
  }
  const url = sameOriginUrl(recipe, recipe.source.url, id);
  const res = await io.fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ErpError('ERP_REQUEST', `${recipe.label} refused ${new URL(url).pathname} (HTTP ${res.status}). Are you still logged in?`, res.status);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ErpError('ERP_REQUEST', `${recipe.label} did not answer ${new URL(url).pathname} with JSON. Check source.url in the recipe.`, res.status);
  }
  return jsonValues(json, recipe, id);
}

/** Posts the recipe's write-back template after registration; other outcomes a recipe cannot record. */
export async function recordWithRecipe(io: ErpIo, recipe: Recipe, ref: ErpDocumentRef, event: ErpEvent): Promise<WriteBackOutcome> {
  const wb = recipe.writeBack;
  if (!wb || wb.kind === 'none') {
    return { ok: true, method: 'none', message: `This recipe does not record the IRN in ${recipe.label}: copy it from here. IRN Bridge keeps it in its ledger.` };
  }
  if (event.kind !== 'generated') {
    const what = event.kind === 'cancelled' ? 'the cancellation' : event.kind === 'ewaybill-cancelled' ? "the e-way bill's cancellation" : 'the e-way bill';
    return { ok: false, method: null, message: `This recipe cannot record ${what} in ${recipe.label}: note it there by hand. IRN Bridge keeps it in its ledger.` };
  }
  const result = event.result;
  const values: Record<string, string> = {
    id: ref.name, irn: result.irn, ackNo: result.ackNo, ackDt: result.ackDt, signedQrCode: result.signedQrCode,
    signedInvoice: result.signedInvoice, docNo: result.document.docNo, ewbNo: result.ewbNo ?? '',
  };
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (wb.csrf && io.document) {
    const el = query(io.document, wb.csrf.selector);
    const token = el ? elementValue(el, wb.csrf.attr ?? (el.tagName.toLowerCase() === 'meta' ? 'content' : undefined)) : null;
    if (token) headers[wb.csrf.header] = token.trim();
  }
  try {
    const res = await io.fetch(sameOriginUrl(recipe, wb.url, ref.name), {
      method: 'POST', credentials: 'include', headers, body: JSON.stringify(fillTemplate(wb.body, values)),
    });
    if (res.ok) return { ok: true, method: 'recipe-post', message: `Recorded in ${recipe.label}.` };
    return { ok: false, method: 'recipe-post', message: `${recipe.label} refused to record the IRN (HTTP ${res.status}). Note the IRN by hand.` };
  } catch (err) {
    return { ok: false, method: 'recipe-post', message: `${(err as Error).message} Note the IRN by hand.` };
  }
}
