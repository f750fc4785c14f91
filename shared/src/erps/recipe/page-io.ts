/** A recipe's half of its module that runs in the page (see ../module.ts `ErpPageIo`): detection, read, record. */
import type { ErpPageIo } from '../page-io';
import { detectRecipeDocument, readRecipeValues, recordWithRecipe, type RecipeReadOptions } from './read';
import type { RecipeDocument } from './summary';
import type { Recipe } from './types';

export function createRecipePageIo(recipe: Recipe, options: RecipeReadOptions = {}): ErpPageIo<RecipeDocument> {
  // Compile once now: a recipe whose pattern no longer compiles fails here, not on every page.
  detectRecipeDocument(recipe, new URL(recipe.origin));
  const wb = recipe.writeBack;
  return {
    id: 'recipe',
    label: recipe.label,
    writesBack: wb !== undefined && wb.kind !== 'none',
    detect: (url, page) => detectRecipeDocument(recipe, url, page),
    async read(io, ref) {
      return { erp: 'recipe', recipe, values: await readRecipeValues(io, recipe, ref.name, options) };
    },
    record: (io, ref, event) => recordWithRecipe(io, recipe, ref, event),
  };
}
