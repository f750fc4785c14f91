/**
 * Recipes in storage: list, save (validated with the shared `validateRecipe`), remove, and the
 * recipes for one origin. Saving a recipe enables its site through the ordinary per-site flow.
 */
import { validateRecipe, type Recipe } from '@irn-bridge/shared/erps/recipe/index';
import { browser } from '../lib/browser';
import type { RecipeEntry } from '../lib/messages';
import { loadSettings, saveSettings } from '../lib/settings';
import { patternForOrigin } from '../lib/site-patterns';
import { UiFailure } from '../lib/ui-error';
import { enableSite } from './sites';

export async function listRecipes(): Promise<RecipeEntry[]> {
  const { recipes, sites } = await loadSettings();
  return recipes.map((recipe) => {
    const pattern = patternForOrigin(recipe.origin);
    return { recipe, pattern, siteEnabled: sites.includes(pattern) };
  });
}

export async function saveRecipe(input: unknown): Promise<{ recipes: RecipeEntry[]; siteEnabled: boolean }> {
  const issues = validateRecipe(input);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    throw new UiFailure({ code: 'BAD_REQUEST', message: `The recipe has ${errors.length} problem${errors.length > 1 ? 's' : ''}: ${errors[0].path}: ${errors[0].message}`, issues: errors });
  }
  const recipe = input as Recipe;
  const { recipes } = await loadSettings();
  await saveSettings({ recipes: [...recipes.filter((r) => r.id !== recipe.id), recipe] });
  // The options page asked for the site's permission in the import click; without it the recipe waits.
  let siteEnabled = false;
  if (await browser.permissions.contains({ origins: [patternForOrigin(recipe.origin)] })) {
    await enableSite(recipe.origin);
    siteEnabled = true;
  }
  return { recipes: await listRecipes(), siteEnabled };
}

export async function removeRecipe(id: string): Promise<RecipeEntry[]> {
  const { recipes } = await loadSettings();
  await saveSettings({ recipes: recipes.filter((r) => r.id !== id) });
  return listRecipes();
}

export async function recipesForOrigin(origin: string): Promise<Recipe[]> {
  const { recipes } = await loadSettings();
  return recipes.filter((r) => r.origin === origin);
}
