/**
 * A tax's kind as Odoo's l10n_in_edi decides it: from the tags on the tax's repartition lines
 * (17.0 account_edi_format.py `_l10n_in_prepare_edi_tax_details`: tax_tag_igst/cgst/sgst, the
 * `_rc` variants, cess, state cess), and from the base tags for exempt, nil-rated, zero-rated and
 * non-GST supplies (`_get_l10n_in_non_taxable_tags`). Where a server has no tags on a tax, 18.0's
 * `l10n_in_tax_type`, then the tax group ("SGST", "IGST", "Exempt", "Nil Rated"…), then the name.
 */
import type { OdooInvoiceRecords, OdooTax } from './records';

export type TaxKind =
  | 'igst' | 'cgst' | 'sgst' | 'cess' | 'state_cess'
  /** A reverse-charge tax line (tag "IGST (RC)"…): the recipient pays it, Odoo leaves it out of the amounts. */
  | 'rc'
  | 'exempt' | 'nil_rated' | 'zero_rated' | 'non_gst'
  /** Not GST at all (TCS, a custom levy): Odoo sends it as the line's other charges. */
  | 'other';

const TAX_TAGS: [RegExp, TaxKind][] = [
  [/^STATE CESS$/, 'state_cess'], [/^CESS$/, 'cess'], [/^(IGST|CGST|SGST|CESS) \(RC\)$/, 'rc'],
  [/^IGST$/, 'igst'], [/^CGST$/, 'cgst'], [/^SGST$/, 'sgst'],
];
const BASE_TAGS: [RegExp, TaxKind][] = [
  [/^EXEMPT$/, 'exempt'], [/^NIL[- ]RATED$/, 'nil_rated'], [/^ZERO[- ]RATED$/, 'zero_rated'], [/^NON GST SUPPLIES$/, 'non_gst'],
];
const NAMES: [RegExp, TaxKind][] = [
  [/STATE CESS/, 'state_cess'], [/CESS/, 'cess'], [/\bIGST\b/, 'igst'], [/\bCGST\b/, 'cgst'], [/\b(SGST|UTGST)\b/, 'sgst'],
  [/EXEMPT/, 'exempt'], [/NIL[- ]?RATED/, 'nil_rated'], [/ZERO[- ]?RATED/, 'zero_rated'], [/NON[- ]?GST|NGST/, 'non_gst'],
];

const match = (names: string[], table: [RegExp, TaxKind][]) => {
  for (const [re, kind] of table) if (names.some((n) => re.test(n))) return kind;
  return null;
};

/** The tag names on the tax's invoice repartition lines of one type. */
function tagNames(tax: OdooTax, records: OdooInvoiceRecords, type: 'base' | 'tax'): string[] {
  const lines = (records['account.tax.repartition.line'] ?? []).filter((r) => (tax.invoice_repartition_line_ids ?? []).includes(r.id) && r.repartition_type === type);
  const tags = records['account.account.tag'] ?? [];
  return lines.flatMap((l) => l.tag_ids).map((id) => tags.find((t) => t.id === id)?.name.trim().toUpperCase() ?? '').filter(Boolean);
}

export function taxKind(tax: OdooTax, records: OdooInvoiceRecords): TaxKind {
  const byTags = match(tagNames(tax, records, 'tax'), TAX_TAGS) ?? match(tagNames(tax, records, 'base'), BASE_TAGS);
  if (byTags) return byTags;
  const declared = typeof tax.l10n_in_tax_type === 'string' ? (tax.l10n_in_tax_type.toLowerCase() as TaxKind) : null;
  if (declared && ['igst', 'cgst', 'sgst', 'cess'].includes(declared)) return declared;
  const group = Array.isArray(tax.tax_group_id) ? tax.tax_group_id[1].toUpperCase() : '';
  return match([group], NAMES) ?? match([String(tax.name).toUpperCase()], NAMES) ?? 'other';
}

/** Expands group taxes into their children ("18% GST S" → "9% SGST S" + "9% CGST S"), as Odoo computes them. */
export function leafTaxes(ids: number[], taxes: OdooTax[]): OdooTax[] {
  return ids.flatMap((id) => {
    const t = taxes.find((x) => x.id === id);
    if (!t) return [];
    return t.amount_type === 'group' ? leafTaxes(t.children_tax_ids ?? [], taxes) : [t];
  });
}
