/**
 * Reads a move and everything its mapping needs, as Odoo's own l10n_in_edi reads it (17.0
 * addons/l10n_in_edi/models/account_edi_format.py): every journal item (the cash-rounding line is
 * only in `line_ids`), the products (HSN), the taxes with their repartition tags (the tax's kind),
 * the partners one per call, their states, the units, the company.
 */
import { ErpError, type ErpDocumentRef, type ErpIo } from '../module';
import { odooEdiState } from './edi';
import { readWrittenBack } from './written-back';
import { fieldsFor, type OdooModel } from './fields';
import { confirmMoveModel } from './detect';
import type {
  OdooAccountMove, OdooCompany, OdooCountryState, OdooDocument, OdooInvoiceRecords, OdooMany2one, OdooMoveLine, OdooPartner,
  OdooPortCode, OdooProduct, OdooRepartitionLine, OdooTag, OdooTax, OdooUom,
} from './records';
import { readRecords } from './rpc';

const m2oId = (v: OdooMany2one | undefined): number | null => (Array.isArray(v) ? v[0] : null);
const uniq = (ids: (number | null | undefined)[]): number[] => [...new Set(ids.filter((i): i is number => typeof i === 'number'))];

/** Customer invoices and credit notes; everything else (bills, entries, receipts) has no IRN. */
export const INVOICE_TYPES = new Set(['out_invoice', 'out_refund']);

async function read<T>(io: ErpIo, model: OdooModel, ids: number[]): Promise<T[]> {
  return ids.length ? readRecords<T>(io, model, ids, await fieldsFor(io, model)) : [];
}

/** Partners one per call: l10n_in's `_compute_display_pan_warning` fails on two at once ("Expected singleton"). */
async function readPartners(io: ErpIo, ids: number[]): Promise<OdooPartner[]> {
  return (await Promise.all(ids.map((id) => read<OdooPartner>(io, 'res.partner', [id])))).flat();
}

/** The taxes on the lines, group taxes' children, and their invoice repartition lines and tags. */
async function readTaxes(io: ErpIo, ids: number[]) {
  const taxes = await read<OdooTax>(io, 'account.tax', ids);
  const missing = (list: OdooTax[]) => uniq(list.flatMap((t) => t.children_tax_ids ?? [])).filter((id) => !taxes.some((t) => t.id === id));
  // Groups of groups are rare but allowed: read down until every child is there.
  for (let next = missing(taxes); next.length; next = missing(taxes)) taxes.push(...(await read<OdooTax>(io, 'account.tax', next)));
  const repartition = await read<OdooRepartitionLine>(io, 'account.tax.repartition.line', uniq(taxes.flatMap((t) => t.invoice_repartition_line_ids ?? [])));
  const tags = await read<OdooTag>(io, 'account.account.tag', uniq(repartition.flatMap((r) => r.tag_ids)));
  return { taxes, repartition, tags };
}

export async function readOdooMove(io: ErpIo, ref: ErpDocumentRef): Promise<OdooDocument> {
  if (!ref.id) throw new ErpError('NOT_FOUND', 'This Odoo page names no record.');
  await confirmMoveModel(io, ref);
  const [move] = await read<OdooAccountMove>(io, 'account.move', [ref.id]);
  if (!move) throw new ErpError('NOT_FOUND', `Odoo has no invoice with id ${ref.id}.`, 404);
  if (!INVOICE_TYPES.has(move.move_type)) {
    throw new ErpError('NOT_AN_INVOICE', `${move.name || 'This entry'} is not a customer invoice or credit note (${move.move_type}).`);
  }
  const lineIds = uniq([...(move.line_ids ?? []), ...move.invoice_line_ids]);
  const [originMoves, lines, [company]] = await Promise.all([
    read<OdooAccountMove>(io, 'account.move', uniq([m2oId(move.reversed_entry_id), m2oId(move.debit_origin_id)])),
    read<OdooMoveLine>(io, 'account.move.line', lineIds),
    read<OdooCompany>(io, 'res.company', uniq([m2oId(move.company_id)])),
  ]);
  const [products, tax, partners, uoms, ports, edi, writtenBack] = await Promise.all([
    read<OdooProduct>(io, 'product.product', uniq(lines.map((l) => m2oId(l.product_id)))),
    readTaxes(io, uniq(lines.flatMap((l) => l.tax_ids ?? []))),
    readPartners(io, uniq([m2oId(move.partner_id), m2oId(move.partner_shipping_id), m2oId(move.commercial_partner_id), m2oId(company?.partner_id)])),
    read<OdooUom>(io, 'uom.uom', uniq(lines.map((l) => m2oId(l.product_uom_id)))),
    read<OdooPortCode>(io, 'l10n_in.port.code', uniq([m2oId(move.l10n_in_shipping_port_code_id)])),
    odooEdiState(io, move),
    readWrittenBack(io, move),
  ]);
  // The company partner's commercial partner is itself; a contact's is its company (LglNm).
  const more = uniq(partners.map((p) => m2oId(p.commercial_partner_id))).filter((id) => !partners.some((p) => p.id === id));
  partners.push(...(await readPartners(io, more)));
  const states = await read<OdooCountryState>(io, 'res.country.state', uniq([
    ...partners.map((p) => m2oId(p.state_id)), m2oId(move.l10n_in_state_id), m2oId(company?.state_id),
  ]));
  const records: OdooInvoiceRecords = {
    'account.move': [move, ...originMoves],
    'account.move.line': lines,
    'product.product': products,
    'account.tax': tax.taxes,
    'account.tax.repartition.line': tax.repartition,
    'account.account.tag': tax.tags,
    'res.partner': partners,
    'res.country.state': states,
    'uom.uom': uoms,
    'res.company': company ? [company] : [],
    'l10n_in.port.code': ports,
  };
  return { erp: 'odoo', records, moveId: move.id, edi, writtenBack };
}
