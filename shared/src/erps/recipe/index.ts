/**
 * The recipe module: any other web ERP, read with a recipe the user taught (see types.ts). One
 * module per imported recipe, made by `createRecipeModule`; the registry puts them after the
 * built-in ERPs for the recipe's origin.
 */
import type { ValidationIssue } from '../../invoice/issue';
import type { ErpModule } from '../module';
import { mapRecipeDocument } from './map';
import type { RecipeReadOptions } from './read';
import { createRecipePageIo } from './page-io';
import { recipeTotals, summarizeRecipe, type RecipeDocument } from './summary';
import type { Recipe } from './types';

export * from './types';
export * from './fields';
export { compileUrlPattern, matchUrlPattern, type CompiledUrlPattern, type UrlParts } from './url';
export { parseRecipe, validateRecipe } from './validate';
export { mapRecipeDocument, type RecipeMapOptions } from './map';
export { readJsonPath, readRecipeValue } from './values';
export { readDomValues, jsonValues, type RecipeReadOptions } from './read';
export type { RecipeDocument } from './summary';

export function createRecipeModule(recipe: Recipe, options: RecipeReadOptions = {}): ErpModule<RecipeDocument> {
  return {
    ...createRecipePageIo(recipe, options),
    map(doc) {
      const issues: ValidationIssue[] = [];
      return { invoice: mapRecipeDocument(doc.recipe, doc.values, { issues }), issues };
    },
    totals: recipeTotals,
    summary: summarizeRecipe,
  };
}
