/**
 * Seller, buyer, dispatch and ship-to details and the export block, as India Compliance builds them
 * (utils/transaction_data.py `get_address_details`, utils/e_invoice.py `get_invoice_data`,
 * `get_export_details`): an address outside India has state 96 and PIN 999999, a ship-to address
 * without a GSTIN is URP, and the invoice's own GSTIN fields win over the address's.
 */
import type { Inv01Buyer, Inv01DispDtls, Inv01ExpDtls, Inv01Party, Inv01ShipDtls } from '../../invoice/types';
import { type MappingIssues, email, leadingStateCode, optionalText, phone, pin, text, toIrpDate } from '../util';
import type { ErpnextAddress, ErpnextSalesInvoice } from './records';

export function pickAddress(
  addresses: Record<string, ErpnextAddress>,
  name: string | null | undefined,
  path: string,
  role: string,
  issues: MappingIssues,
): ErpnextAddress | null {
  const a = name ? addresses[name] : undefined;
  if (!a) {
    issues.error(
      path,
      name ? `The ${role} address "${name}" could not be read.` : `The invoice has no ${role} address.`,
      `Set the ${role} address on the invoice; its GSTIN, PIN and state go on the e-invoice.`,
    );
  }
  return a ?? null;
}

const abroad = (a: ErpnextAddress | null) => Boolean(a?.country) && a?.country !== 'India';

function place(a: ErpnextAddress | null, gstin: string): { Stcd: string; Pin: number } {
  if (abroad(a)) return { Stcd: '96', Pin: 999999 };
  const Stcd = leadingStateCode(a?.gst_state_number ?? '') || leadingStateCode(gstin);
  return { Stcd, Pin: Stcd === '97' ? 999999 : pin(a?.pincode) };
}

function lines(a: ErpnextAddress | null) {
  return {
    Addr1: text(a?.address_line1) ?? '',
    ...(optionalText(a?.address_line2, 3) ? { Addr2: optionalText(a?.address_line2, 3) } : {}),
    Loc: text(a?.city, 50) ?? '',
  };
}

function contact(a: ErpnextAddress | null) {
  return { ...(phone(a?.phone) ? { Ph: phone(a?.phone) } : {}), ...(email(a?.email_id) ? { Em: email(a?.email_id) } : {}) };
}

export function sellerDetails(inv: ErpnextSalesInvoice, a: ErpnextAddress | null): Inv01Party {
  const Gstin = (inv.company_gstin || a?.gstin || '').toUpperCase();
  return { Gstin, LglNm: text(inv.company) ?? '', ...lines(a), ...place(a, Gstin), ...contact(a) };
}

export function buyerDetails(inv: ErpnextSalesInvoice, a: ErpnextAddress | null, issues: MappingIssues): Inv01Buyer {
  const Gstin = (inv.billing_address_gstin || a?.gstin || 'URP').toUpperCase();
  const Pos = leadingStateCode(inv.place_of_supply ?? '');
  if (!Pos) issues.error('BuyerDtls.Pos', 'The invoice has no place of supply.', 'Set "Place of Supply" on the invoice.');
  return { Gstin, LglNm: text(inv.customer_name ?? inv.customer) ?? '', Pos, ...lines(a), ...place(a, Gstin), ...contact(a) };
}

export function dispatchDetails(a: ErpnextAddress): Inv01DispDtls {
  return { Nm: text(a.address_title) ?? '', ...lines(a), ...place(a, a.gstin ?? '') };
}

/** The GSTIN India Compliance puts on an address the invoice names (`set_address_gstin_map`), else the address's own. */
function gstinOf(a: ErpnextAddress, inv: ErpnextSalesInvoice): string {
  const byField: [unknown, unknown][] = [[inv.customer_address, inv.billing_address_gstin], [inv.company_address, inv.company_gstin]];
  const own = byField.find(([name]) => name === a.name)?.[1];
  return String(own || a.gstin || 'URP').toUpperCase();
}

export function shipDetails(a: ErpnextAddress, inv: ErpnextSalesInvoice): Inv01ShipDtls {
  const Gstin = gstinOf(a, inv);
  return { Gstin, LglNm: text(a.address_title) ?? '', ...lines(a), ...place(a, Gstin === 'URP' ? '' : Gstin) };
}

/** ExpDtls for an export (only when the place of supply is abroad): country, currency, shipping bill and port for goods. */
export function exportDetails(inv: ErpnextSalesInvoice, billing: ErpnextAddress | null, countryCodes: Record<string, string>): Inv01ExpDtls {
  const out: Inv01ExpDtls = {};
  const code = billing?.country ? countryCodes[billing.country] : undefined;
  if (code) out.CntCode = code.toUpperCase();
  const currency = (inv.currency ?? 'INR').toUpperCase();
  if (currency !== 'INR' && /^[A-Z]{3}$/.test(currency)) out.ForCur = currency;
  // are_goods_supplied: any line with a goods HSN and a quantity.
  const goods = (inv.items ?? []).some((i) => i.gst_hsn_code && !String(i.gst_hsn_code).startsWith('99') && Number(i.qty) !== 0);
  if (!goods) return out;
  if (inv.shipping_bill_number) out.ShipBNo = String(inv.shipping_bill_number);
  if (inv.shipping_bill_date) out.ShipBDt = toIrpDate(inv.shipping_bill_date);
  if (typeof inv.port_code === 'string' && /^[A-Z]{2}[A-Z0-9]{3,4}$/.test(inv.port_code)) out.Port = inv.port_code;
  return out;
}
