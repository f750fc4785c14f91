/**
 * Recipes: how IRN Bridge reads an invoice on a web ERP it has no adapter for, taught by the user.
 *
 * A recipe is plain JSON the user imports in the extension's options. It says which pages of one
 * origin are invoices (`urlPattern`), where each value is (CSS selectors on the page, or paths in a
 * same-origin JSON endpoint), what the page never shows (`defaults`, typically the seller), and
 * optionally how to record the IRN back. Field names are INV-01's own (`BuyerDtls.Gstin`,
 * item `HsnCd`), so a recipe reads like the e-invoice it produces. Everything here is pure data
 * and browser-safe; the extension's recipe adapter does the reading.
 */
import type { RecipeField, RecipeItemField, RecipeParse } from './fields';

export * from './fields';
export { compileUrlPattern, matchUrlPattern, type CompiledUrlPattern, type UrlParts } from './url';
export { parseRecipe, validateRecipe } from './validate';
export { mapRecipeDocument, type RecipeMapOptions } from './map';
export { readJsonPath, readRecipeValue } from './values';

/** Where one value is on the page: a CSS selector (its text, or an input's value), or the long form. */
export type DomFieldSource = string | { selector: string; attr?: string; parse?: RecipeParse };
/** Where one value is in the JSON: a JSON pointer (`/data/customer/gstin`) or a dot path (`data.items[0].qty`). */
export type JsonFieldSource = string | { path: string; parse?: RecipeParse };

export interface DomSource {
  kind: 'dom';
  fields: Partial<Record<RecipeField, DomFieldSource>>;
  /** One element per item row; item selectors are relative to the row. */
  items: { rowSelector: string; fields: Partial<Record<RecipeItemField, DomFieldSource>> };
}

export interface JsonSource {
  kind: 'json';
  /** Same-origin address of the document as JSON: a path (`/api/invoices/{id}`) or a full URL on the recipe's origin. */
  url: string;
  fields: Partial<Record<RecipeField, JsonFieldSource>>;
  /** `path` names the array of items; item paths are relative to one item. */
  items: { path: string; fields: Partial<Record<RecipeItemField, JsonFieldSource>> };
}

/** Values written into the document after registration: `{irn}`, `{ackNo}`, `{ackDt}`, `{signedQrCode}`, `{signedInvoice}`, `{id}`, `{docNo}`. */
export type WriteBackTemplate = string | number | boolean | null | WriteBackTemplate[] | { [key: string]: WriteBackTemplate };

export type RecipeWriteBack =
  | { kind: 'none' }
  | {
      kind: 'json-post';
      /** Same-origin, like `JsonSource.url`; `{id}` is replaced. */
      url: string;
      /** The JSON body; placeholders in its strings are replaced (see WriteBackTemplate). */
      body: WriteBackTemplate;
      /** A CSRF token the page carries (e.g. `<meta name="csrf-token" content="…">`), sent in `header`. */
      csrf?: { selector: string; attr?: string; header: string };
    };

export type RecipeDefaultValue = string | number;

export interface Recipe {
  /** Unique among the user's recipes: letters, digits, `.`, `_`, `-`. */
  id: string;
  /** Shown in the panel ("Reading INV-7 from <label>…"). */
  label: string;
  /** `https://erp.example.com` (with the port when there is one). The recipe works only there. */
  origin: string;
  urlPattern: string;
  source: DomSource | JsonSource;
  /** Fixed values for what the page does not show: the seller, `TranDtls.SupTyp`, a place of supply… Extracted values win. */
  defaults?: Partial<Record<RecipeField, RecipeDefaultValue>>;
  /** The same for every item row (e.g. `Unit: "NOS"`, or `GstRt: 18` for a single-rate business). */
  itemDefaults?: Partial<Record<RecipeItemField, RecipeDefaultValue>>;
  /** Only when `field`'s value matches `pattern` (a case-insensitive regular expression) may the invoice be registered. */
  finalWhen?: { field: RecipeField; pattern: string };
  /** Absent or `none`: the IRN and QR are shown in the panel and kept in the ledger only. */
  writeBack?: RecipeWriteBack;
}

/** A raw value as read from the page (text) or the JSON (any primitive); null when empty. */
export type RecipeRawValue = string | number | boolean | null;

/** What the recipe adapter read from one invoice, before any parsing. */
export interface RecipeValues {
  /** The document id from the address (or the document number read from the page). */
  id: string;
  fields: Partial<Record<RecipeField, RecipeRawValue>>;
  items: Array<Partial<Record<RecipeItemField, RecipeRawValue>>>;
  /**
   * Fields whose selector or path found nothing at all: `BuyerDtls.Gstin`, `items` (no row),
   * `items[1].HsnCd`. The mapping turns them into issues that name the field and the selector.
   */
  missing: string[];
}
