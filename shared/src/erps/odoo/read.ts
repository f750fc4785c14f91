/** Reads a move and everything its mapping needs through JSON-RPC `read`. */
import { ErpError, type ErpDocumentRef, type ErpIo } from '../module';
import type {
  OdooAccountMove, OdooCompany, OdooCountryState, OdooDocument, OdooInvoiceRecords, OdooMany2one, OdooMoveLine, OdooPartner, OdooTax, OdooUom,
} from './records';
import { readRecords as read } from './rpc';

const m2oId = (v: OdooMany2one | undefined): number | null => (Array.isArray(v) ? v[0] : null);
const uniq = (ids: (number | null | undefined)[]): number[] => [...new Set(ids.filter((i): i is number => typeof i === 'number'))];

export async function readOdooMove(io: ErpIo, ref: ErpDocumentRef): Promise<OdooDocument> {
  const [move] = await read<OdooAccountMove>(io, 'account.move', [ref.id!]);
  if (!move) throw new ErpError('NOT_FOUND', `Odoo has no invoice with id ${ref.id}.`, 404);
  const origin = uniq([m2oId(move.reversed_entry_id), m2oId(move.debit_origin_id)]);
  const moves = [move, ...(await read<OdooAccountMove>(io, 'account.move', origin))];
  const lines = await read<OdooMoveLine>(io, 'account.move.line', move.invoice_line_ids);
  const taxes = await read<OdooTax>(io, 'account.tax', uniq(lines.flatMap((l) => l.tax_ids)));
  const childTaxes = await read<OdooTax>(io, 'account.tax', uniq(taxes.flatMap((t) => t.children_tax_ids ?? [])).filter((id) => !taxes.some((t) => t.id === id)));
  const [company] = await read<OdooCompany>(io, 'res.company', uniq([m2oId(move.company_id)]));
  const partners = await read<OdooPartner>(io, 'res.partner', uniq([m2oId(move.partner_id), m2oId(move.partner_shipping_id), m2oId(company?.partner_id)]));
  const states = await read<OdooCountryState>(io, 'res.country.state', uniq([...partners.map((p) => m2oId(p.state_id)), m2oId(move.l10n_in_state_id), m2oId(company?.state_id)]));
  const uoms = await read<OdooUom>(io, 'uom.uom', uniq(lines.map((l) => m2oId(l.product_uom_id))));
  const records: OdooInvoiceRecords = {
    'account.move': moves,
    'account.move.line': lines,
    'account.tax': [...taxes, ...childTaxes],
    'res.partner': partners,
    'res.country.state': states,
    'uom.uom': uoms,
    'res.company': company ? [company] : [],
  };
  return { erp: 'odoo', records, moveId: move.id };
}
