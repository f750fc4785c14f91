/**
 * Negative lines (a discount line with a tax) cannot go to the IRP as items. Odoo folds each into
 * the lines with the same HSN and rate, biggest first, as extra discount (17.0 account_edi_format.py
 * `_l10n_in_edi_generate_invoice_json_managing_negative_lines`; it does so when the system parameter
 * `l10n_in_edi.manage_invoice_negative_lines` is set and refuses the invoice otherwise). IRN Bridge
 * always folds, the same way; what cannot be absorbed is reported, never dropped.
 */
import type { Inv01Item } from '../../invoice/types';
import { itemTotal } from '../amounts';
import { MappingIssues, round2 } from '../util';

const AMOUNTS = ['AssAmt', 'IgstAmt', 'CgstAmt', 'SgstAmt', 'CesAmt', 'CesNonAdvlAmt', 'StateCesAmt', 'StateCesNonAdvlAmt', 'OthChrg'] as const;
const key = (i: Inv01Item) => `${i.HsnCd}-${i.GstRt}`;

export function foldNegativeLines(items: Inv01Item[], issues: MappingIssues): Inv01Item[] {
  const negatives = items.filter((i) => i.AssAmt < 0);
  if (!negatives.length) return items;
  const kept = items.filter((i) => i.AssAmt >= 0).map((i) => ({ ...i }));
  const biggestFirst = [...kept].sort((a, b) => b.AssAmt - a.AssAmt);
  for (const neg of negatives.map((n) => ({ ...n }))) {
    for (const target of biggestFirst.filter((i) => key(i) === key(neg))) {
      const discount = -neg.AssAmt;
      if (target.AssAmt >= discount) {
        target.Discount = round2((target.Discount ?? 0) + discount);
        for (const f of AMOUNTS) target[f] = round2((target[f] ?? 0) + (neg[f] ?? 0));
        neg.AssAmt = 0;
        break;
      }
      // This line absorbs what it can and drops to zero; the rest goes to the next line.
      target.Discount = round2((target.Discount ?? 0) + target.AssAmt);
      for (const f of AMOUNTS) {
        neg[f] = round2((neg[f] ?? 0) + (target[f] ?? 0));
        target[f] = 0;
      }
    }
    if (neg.AssAmt < 0) {
      issues.error(
        'ItemList',
        `The negative line "${neg.PrdDesc ?? neg.HsnCd}" (${neg.AssAmt}) is larger than the lines with the same HSN code ${neg.HsnCd} and rate ${neg.GstRt} %.`,
        'Make a credit note instead, or put the discount on the lines it belongs to.',
      );
    }
  }
  return kept.map((i, n) => {
    const { TotItemVal: _old, ...rest } = i;
    return { ...rest, SlNo: String(n + 1), TotItemVal: itemTotal(rest) };
  });
}
