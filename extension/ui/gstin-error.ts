/**
 * The IRP's GSTIN refusals (3028 unknown, 3029/3076 inactive) do not always say whose GSTIN it is
 * ("GSTIN - {0} is inactive" names it only in the IRP's raw words): name the party from the invoice.
 */
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import type { UiError } from '../lib/messages';

const GSTIN_CODES = new Set(['3028', '3029', '3076']);
const GSTIN = /\b\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]\b/;

export function nameGstinInError(e: UiError, invoice: Inv01Invoice | null, customer: string | null): UiError {
  if (!invoice || !e.irp?.codes?.some((c) => GSTIN_CODES.has(c))) return e;
  const seller = invoice.SellerDtls?.Gstin ?? '';
  const buyer = invoice.BuyerDtls?.Gstin ?? '';
  const said = (e.irp.messages ?? []).map((m) => GSTIN.exec(m)?.[0]).find(Boolean) ?? null;
  const party = customer ?? invoice.BuyerDtls?.LglNm ?? 'customer';
  const who = said === seller ? `your company's GSTIN ${seller}` : said === buyer ? `the customer ${party}'s GSTIN ${buyer}` : null;
  const which = who ?? (said ? `GSTIN ${said}` : `one of this invoice's GSTINs (seller ${seller}, buyer ${buyer})`);
  return { ...e, message: `${e.message.replace(/\.$/, '')}: ${which}.` };
}
