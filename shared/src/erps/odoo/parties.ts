/**
 * Seller, buyer and ship-to as 17.0 l10n_in_edi `_get_l10n_in_edi_partner_details` builds them:
 * the address of the partner on the invoice, the legal name of its commercial partner (a contact
 * person's company), the state's GST code (`l10n_in_tin`), the place of supply from the move, and
 * for an overseas buyer GSTIN "URP", PIN 999999, state and place of supply 96.
 */
import type { Inv01Buyer, Inv01Party, Inv01ShipDtls } from '../../invoice/types';
import { MappingIssues, email, leadingStateCode, optionalText, phone, pin, text } from '../util';
import type { OdooAccountMove, OdooInvoiceRecords, OdooMany2one, OdooPartner } from './records';

const idOf = (m2o: OdooMany2one | undefined): number | null => (Array.isArray(m2o) ? m2o[0] : null);

export function partner(records: OdooInvoiceRecords, m2o: OdooMany2one | undefined): OdooPartner | undefined {
  const id = idOf(m2o);
  return id === null ? undefined : (records['res.partner'] ?? []).find((p) => p.id === id);
}

export function stateCode(records: OdooInvoiceRecords, m2o: OdooMany2one | undefined): string {
  const id = idOf(m2o);
  const s = id === null ? undefined : (records['res.country.state'] ?? []).find((x) => x.id === id);
  return s?.l10n_in_tin ? leadingStateCode(String(s.l10n_in_tin)) : '';
}

/** The name the GST registration is in: the commercial partner's (a contact's company). */
export function legalName(records: OdooInvoiceRecords, p: OdooPartner | undefined): string {
  const commercial = partner(records, p?.commercial_partner_id) ?? p;
  return text(commercial?.name || (Array.isArray(p?.commercial_partner_id) ? p.commercial_partner_id[1] : '')) ?? '';
}

/** Odoo's overseas test: no country, or not India. */
export function isAbroad(p: OdooPartner | undefined): boolean {
  if (!p || !Array.isArray(p.country_id)) return true;
  const code = p.country_code ? String(p.country_code) : p.country_id[1] === 'India' ? 'IN' : '';
  return code !== 'IN';
}

function address(p: OdooPartner | undefined) {
  return {
    Addr1: text(p?.street) ?? '',
    ...(optionalText(p?.street2, 3) ? { Addr2: optionalText(p?.street2, 3) } : {}),
    Loc: text(p?.city, 50) ?? '',
  };
}

const contact = (p: OdooPartner | undefined) => ({
  ...(phone(p?.phone) ? { Ph: phone(p?.phone) } : {}),
  ...(email(p?.email) ? { Em: email(p?.email) } : {}),
});

export function sellerDetails(records: OdooInvoiceRecords, move: OdooAccountMove, issues: MappingIssues): Inv01Party {
  const companies = records['res.company'] ?? [];
  const company = companies.find((c) => c.id === idOf(move.company_id)) ?? companies[0];
  const p = partner(records, company?.partner_id);
  if (!company || !p) issues.error('SellerDtls', "The company's address could not be read.", 'Check that you may read your company in Odoo (Settings ▸ Companies).');
  const Gstin = String(p?.vat || company?.vat || '').toUpperCase();
  return {
    Gstin,
    LglNm: legalName(records, p) || (text(company?.name) ?? ''),
    ...address(p),
    Pin: pin(p?.zip),
    Stcd: stateCode(records, p?.state_id) || stateCode(records, company?.state_id) || leadingStateCode(Gstin),
    ...contact(p),
  };
}

export function buyerDetails(records: OdooInvoiceRecords, move: OdooAccountMove, overseas: boolean, issues: MappingIssues): Inv01Buyer {
  const p = partner(records, move.partner_id);
  if (!p) issues.error('BuyerDtls', "The customer's address could not be read.", 'Open the customer in Odoo and check it can be read.');
  const common = { LglNm: legalName(records, p) || (Array.isArray(move.partner_id) ? move.partner_id[1] : ''), ...address(p), ...contact(p) };
  if (overseas && isAbroad(p)) return { Gstin: 'URP', ...common, Pos: '96', Pin: 999999, Stcd: '96' };
  const Gstin = String(p?.vat || 'URP').toUpperCase();
  const Stcd = stateCode(records, p?.state_id) || leadingStateCode(Gstin);
  const Pos = stateCode(records, move.l10n_in_state_id) || Stcd;
  if (!Pos) issues.error('BuyerDtls.Pos', 'The invoice has no place of supply.', 'Set the Place of supply on the invoice (Other Info tab).');
  return { Gstin, ...common, Pos, Pin: pin(p?.zip), Stcd };
}

/** Ship-to, when the delivery address is not the customer itself (Odoo's `ShipDtls` rule). */
export function shipDetails(records: OdooInvoiceRecords, move: OdooAccountMove, overseas: boolean): Inv01ShipDtls | undefined {
  const shipId = idOf(move.partner_shipping_id);
  if (shipId === null || shipId === idOf(move.partner_id)) return undefined;
  const p = partner(records, move.partner_shipping_id);
  if (!p) return undefined;
  const abroad = overseas && isAbroad(p);
  const gstin = abroad ? 'URP' : String(p.vat || 'URP').toUpperCase();
  return {
    Gstin: gstin,
    LglNm: legalName(records, p),
    ...address(p),
    Pin: abroad ? 999999 : pin(p.zip),
    Stcd: abroad ? '96' : stateCode(records, p.state_id) || leadingStateCode(gstin),
  };
}
