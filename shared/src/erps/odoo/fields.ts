/**
 * The fields every `read` asks for. Odoo answers `read` without a field list with every field,
 * computed ones included, and some of those fail on real servers (17.0: `compute_all_tax` on
 * account.move.line → "keys must be str… not frozendict"; `_compute_display_pan_warning` on two
 * partners → "Expected singleton"). So each read names its fields; those that differ between
 * versions are asked for only when `fields_get` says the server has them.
 */
import type { ErpIo } from '../module';
import { callKw } from './rpc';

/** Fields present in 17.0 and 18.0. */
const COMMON = {
  'account.move': [
    'name', 'move_type', 'state', 'invoice_date', 'date', 'partner_id', 'partner_shipping_id', 'commercial_partner_id',
    'company_id', 'currency_id', 'company_currency_id', 'amount_untaxed', 'amount_tax', 'amount_total',
    'amount_untaxed_signed', 'amount_tax_signed', 'amount_total_signed', 'invoice_line_ids', 'line_ids', 'reversed_entry_id',
    'l10n_in_gst_treatment', 'l10n_in_state_id', 'l10n_in_shipping_bill_number', 'l10n_in_shipping_bill_date',
    'l10n_in_shipping_port_code_id',
  ],
  'account.move.line': [
    'move_id', 'display_type', 'sequence', 'product_id', 'name', 'quantity', 'product_uom_id', 'price_unit', 'discount',
    'tax_ids', 'price_subtotal', 'price_total', 'balance',
  ],
  'account.tax': [
    'name', 'amount', 'amount_type', 'price_include', 'tax_group_id', 'children_tax_ids', 'invoice_repartition_line_ids',
    'l10n_in_reverse_charge', 'description', 'invoice_label',
  ],
  'product.product': ['display_name', 'l10n_in_hsn_code', 'type'],
  'account.tax.repartition.line': ['repartition_type', 'tag_ids', 'factor_percent'],
  'account.account.tag': ['name'],
  'res.partner': [
    'name', 'display_name', 'vat', 'street', 'street2', 'city', 'state_id', 'zip', 'country_id', 'country_code', 'phone',
    'email', 'commercial_partner_id',
  ],
  'res.country.state': ['name', 'code', 'l10n_in_tin'],
  'uom.uom': ['name', 'l10n_in_code'],
  'res.company': ['name', 'partner_id', 'vat', 'state_id', 'currency_id'],
  'l10n_in.port.code': ['code'],
  'account.edi.document': ['edi_format_id', 'state', 'attachment_id'],
  'account.edi.format': ['code'],
  'ir.attachment': ['name', 'datas'],
} as const;

/** Fields only some versions or modules have: asked for when the server lists them. */
const OPTIONAL: Partial<Record<OdooModel, readonly string[]>> = {
  // account_debit_note; account_edi (17.0); l10n_in_edi 18.0
  'account.move': ['debit_origin_id', 'edi_document_ids', 'l10n_in_edi_status', 'l10n_in_edi_attachment_file'],
  // 18.0 copies the HSN to the line
  'account.move.line': ['l10n_in_hsn_code'],
  // 18.0 (computed from the tags)
  'account.tax': ['l10n_in_tax_type'],
  // 17.0 (the product type became `type` again in 18.0)
  'product.product': ['detailed_type'],
};

export type OdooModel = keyof typeof COMMON;

const known = new Map<string, Promise<Set<string>>>();

/** The fields this server has on `model` (one `fields_get` per origin and model). */
function serverFields(io: ErpIo, model: OdooModel): Promise<Set<string>> {
  const key = `${io.origin} ${model}`;
  let p = known.get(key);
  if (!p) {
    p = callKw<Record<string, unknown>>(io, model, 'fields_get', [], { attributes: ['type'] }).then((f) => new Set(Object.keys(f)));
    p.catch(() => known.delete(key));
    known.set(key, p);
  }
  return p;
}

/** The field list for `model` on this server. */
export async function fieldsFor(io: ErpIo, model: OdooModel): Promise<string[]> {
  const optional = OPTIONAL[model];
  const base: string[] = [...COMMON[model]];
  if (!optional) return base;
  const have = await serverFields(io, model);
  return [...base, ...optional.filter((f) => have.has(f))];
}

/** Whether this server's `model` has `field` (e.g. account.move.edi_document_ids: account_edi is installed). */
export async function hasField(io: ErpIo, model: OdooModel, field: string): Promise<boolean> {
  return (await serverFields(io, model)).has(field);
}

/** For tests: forget what servers said. */
export function forgetServerFields(): void {
  known.clear();
}
