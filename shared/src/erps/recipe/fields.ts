/**
 * The vocabulary a recipe speaks: which invoice and item values it may extract, named after the
 * INV-01 field they end up in (plus a few helpers such as `Status` and `TaxAmt`), and how a raw
 * page value of each is read by default.
 */

/** Invoice-level values a recipe can extract (or give as a fixed default). */
export const RECIPE_FIELDS = [
  'DocDtls.No', 'DocDtls.Dt', 'DocDtls.Typ',
  'TranDtls.SupTyp', 'TranDtls.RegRev',
  'SellerDtls.Gstin', 'SellerDtls.LglNm', 'SellerDtls.TrdNm', 'SellerDtls.Addr1', 'SellerDtls.Addr2',
  'SellerDtls.Loc', 'SellerDtls.Pin', 'SellerDtls.Stcd', 'SellerDtls.Ph', 'SellerDtls.Em',
  'BuyerDtls.Gstin', 'BuyerDtls.LglNm', 'BuyerDtls.TrdNm', 'BuyerDtls.Addr1', 'BuyerDtls.Addr2',
  'BuyerDtls.Loc', 'BuyerDtls.Pin', 'BuyerDtls.Stcd', 'BuyerDtls.Pos', 'BuyerDtls.Ph', 'BuyerDtls.Em',
  'ValDtls.TotInvVal', 'ValDtls.OthChrg', 'ValDtls.RndOffAmt', 'ValDtls.Discount',
  'RefDtls.PrecDocDtls.InvNo', 'RefDtls.PrecDocDtls.InvDt',
  /** The ERP's own status text ("Posted", "Draft"), tested by `finalWhen`. */
  'Status',
  /** An IRN the ERP page already shows, if any. */
  'Irn',
] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

/** Values a recipe can extract from each item row. `TaxAmt` is the line's whole GST when the page does not split it. */
export const RECIPE_ITEM_FIELDS = [
  'PrdDesc', 'HsnCd', 'IsServc', 'Barcde', 'Qty', 'Unit', 'UnitPrice', 'TotAmt', 'Discount', 'AssAmt',
  'GstRt', 'IgstAmt', 'CgstAmt', 'SgstAmt', 'TaxAmt', 'CesRt', 'CesAmt', 'TotItemVal',
] as const;
export type RecipeItemField = (typeof RECIPE_ITEM_FIELDS)[number];

/** How a raw value is read: `date` without an order guesses it (ISO first, otherwise day first). */
export const RECIPE_PARSES = ['text', 'number', 'date-dmy', 'date-ymd'] as const;
export type RecipeParse = (typeof RECIPE_PARSES)[number];
export type ValueKind = 'text' | 'number' | 'date';

const NUMBER_FIELDS = new Set<string>([
  'ValDtls.TotInvVal', 'ValDtls.OthChrg', 'ValDtls.RndOffAmt', 'ValDtls.Discount',
  'Qty', 'UnitPrice', 'TotAmt', 'Discount', 'AssAmt', 'GstRt', 'IgstAmt', 'CgstAmt', 'SgstAmt', 'TaxAmt', 'CesRt',
  'CesAmt', 'TotItemVal',
]);
const DATE_FIELDS = new Set<string>(['DocDtls.Dt', 'RefDtls.PrecDocDtls.InvDt']);

export function valueKind(field: string): ValueKind {
  return NUMBER_FIELDS.has(field) ? 'number' : DATE_FIELDS.has(field) ? 'date' : 'text';
}

export const isRecipeField = (k: string): k is RecipeField => (RECIPE_FIELDS as readonly string[]).includes(k);
export const isRecipeItemField = (k: string): k is RecipeItemField => (RECIPE_ITEM_FIELDS as readonly string[]).includes(k);
