/** A recipe's totals and summary: a page has no totals model of its own, so both are read off the mapped invoice. */
import { IRN_PATTERN } from '../../irn';
import type { ErpInvoiceSummary, ErpTotals } from '../module';
import { round2 } from '../util';
import { mapRecipeDocument } from './map';
import type { Recipe, RecipeValues } from './types';

export interface RecipeDocument {
  erp: 'recipe';
  recipe: Recipe;
  /** What the recipe read from the page or the JSON endpoint, unparsed. */
  values: RecipeValues;
}

export function recipeTotals(doc: RecipeDocument): ErpTotals {
  // The page's total is kept in the mapped ValDtls.
  const v = mapRecipeDocument(doc.recipe, doc.values).ValDtls;
  return {
    grandTotal: v.TotInvVal,
    taxableTotal: v.AssVal,
    taxTotal: round2((v.IgstVal ?? 0) + (v.CgstVal ?? 0) + (v.SgstVal ?? 0) + (v.CesVal ?? 0) + (v.StCesVal ?? 0)),
    roundOff: v.RndOffAmt ?? 0,
    currency: 'INR',
  };
}

export function summarizeRecipe(doc: RecipeDocument): ErpInvoiceSummary {
  const inv = mapRecipeDocument(doc.recipe, doc.values);
  const totals = recipeTotals(doc);
  const when = doc.recipe.finalWhen;
  const status = when ? String(doc.values.fields[when.field] ?? doc.recipe.defaults?.[when.field] ?? '') : '';
  let final = true;
  if (when) {
    try {
      final = new RegExp(when.pattern, 'i').test(status.trim());
    } catch {
      final = false;
    }
  }
  const irn = doc.values.fields.Irn;
  return {
    ref: { erp: 'recipe', name: doc.values.id },
    docType: inv.DocDtls.Typ as ErpInvoiceSummary['docType'],
    docNo: inv.DocDtls.No,
    docDate: inv.DocDtls.Dt,
    partyName: inv.BuyerDtls.LglNm,
    partyGstin: inv.BuyerDtls.Gstin || null,
    grandTotal: totals.grandTotal,
    currency: totals.currency,
    // Without finalWhen the recipe's pages are taken to show final invoices only.
    final,
    irn: typeof irn === 'string' && IRN_PATTERN.test(irn.trim()) ? irn.trim() : null,
  };
}
