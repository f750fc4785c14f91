/**
 * The company and the master data the real-Odoo tests need, made through the external API as a user
 * would and kept between runs (found again by name / code, so every run reuses them): the seller
 * company (the offline IRP's fixture taxpayer), customers, products with `l10n_in_hsn_code` on the
 * product (Odoo 17.0 addons/l10n_in/models/product_template.py), a USD rate ≠ 1, a cash rounding, a
 * reverse-charge and a tax-included sale tax.
 */
import type { OdooRpc } from './rpc';

type Vals = Record<string, unknown>;

/** The seller: the offline IRP knows this GSTIN (companion/src/offline-irp/taxpayers.ts). */
export const SELLER = {
  name: 'Aruna Spice Works Private Limited', vat: '29AAHCA4821K1ZH', street: 'No. 14, 2nd Cross, Peenya Industrial Area',
  street2: 'Phase 2', city: 'Bengaluru', zip: '560058', phone: '+91 80 4123 4567', email: 'accounts@arunaspice.example',
} as const;

export interface Masters {
  companyId: number;
  companyPartnerId: number;
  partners: Record<'intra' | 'inter' | 'child' | 'sez' | 'overseas', number>;
  products: Record<'gst5' | 'gst12' | 'gst18' | 'gst28' | 'exempt' | 'nil' | 'service', number>;
  taxes: Record<'gst5' | 'gst28' | 'igst18' | 'reverseCharge' | 'included' | 'nil' | 'exempt' | 'cess' | 'cessFormula', number>;
  usdId: number;
  cashRoundingId: number;
  /** An Indian port (l10n_in's port codes), for the export's shipping details. */
  portId: number;
  /** A sales journal with Odoo's own e-invoicing (E-Invoice (IN)) switched on. */
  einvoiceJournalId: number;
}

async function idBy(rpc: OdooRpc, model: string, domain: unknown[]): Promise<number | null> {
  const ids = await rpc.call<number[]>(model, 'search', [domain], { limit: 1, context: { active_test: false } });
  return ids[0] ?? null;
}

/**
 * The record `domain` finds, else a new one. Test files run two at a time (scripts/run-tests.mjs), so
 * another one may create it meanwhile: a unique constraint then refuses ours and the search finds theirs.
 */
async function ensure(rpc: OdooRpc, model: string, domain: unknown[], vals: Vals): Promise<number> {
  const found = await idBy(rpc, model, domain);
  if (found !== null) return found;
  try {
    return await rpc.create(model, vals);
  } catch (err) {
    const theirs = await idBy(rpc, model, domain);
    if (theirs === null) throw err;
    return theirs;
  }
}

async function xmlId(rpc: OdooRpc, ref: string): Promise<number> {
  const [module, name] = ref.split('.');
  const [row] = await rpc.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', module], ['name', '=', name]], ['res_id']);
  if (!row) throw new Error(`Odoo has no record ${ref}`);
  return row.res_id;
}

async function taxId(rpc: OdooRpc, name: string): Promise<number> {
  const id = await idBy(rpc, 'account.tax', [['name', '=', name], ['type_tax_use', '=', 'sale']]);
  if (id === null) throw new Error(`The l10n_in sale tax "${name}" is missing`);
  return id;
}

/** A copy of a chart tax, as a user makes one in Accounting ▸ Configuration ▸ Taxes ▸ Duplicate. */
async function copiedTax(rpc: OdooRpc, from: string, name: string, changes: Vals): Promise<number> {
  const existing = await idBy(rpc, 'account.tax', [['name', '=', name]]);
  if (existing !== null) return existing;
  // Two test files at once may both copy it; either copy serves (the search takes the first).
  await rpc.call<number>('account.tax', 'copy', [await taxId(rpc, from)], { default: { name, ...changes } });
  return (await idBy(rpc, 'account.tax', [['name', '=', name]]))!;
}

async function ensureCompany(rpc: OdooRpc): Promise<{ companyId: number; companyPartnerId: number }> {
  const [user] = await rpc.read<{ company_id: [number, string] }>('res.users', [rpc.uid], ['company_id']);
  const companyId = user.company_id[0];
  const [company] = await rpc.read<{ partner_id: [number, string]; vat: string | false; state_id: unknown }>(
    'res.company', [companyId], ['partner_id', 'vat', 'state_id']);
  if (company.vat !== SELLER.vat || !company.state_id) {
    // Setting the state also makes l10n_in fill the Intra/Inter State fiscal positions (l10n_in/models/company.py).
    await rpc.write('res.company', [companyId], {
      ...SELLER, state_id: await xmlId(rpc, 'base.state_in_ka'), country_id: await xmlId(rpc, 'base.in'),
    });
  }
  return { companyId, companyPartnerId: company.partner_id[0] };
}

async function ensurePartner(rpc: OdooRpc, ref: string, vals: Vals): Promise<number> {
  return ensure(rpc, 'res.partner', [['ref', '=', ref]], { ref, ...vals });
}

async function ensureProduct(rpc: OdooRpc, code: string, vals: Vals): Promise<number> {
  const tmpl = await ensure(rpc, 'product.template', [['default_code', '=', code]], { default_code: code, ...vals });
  const [row] = await rpc.read<{ product_variant_id: [number, string] }>('product.template', [tmpl], ['product_variant_id']);
  return row.product_variant_id[0];
}

export async function ensureMasters(rpc: OdooRpc): Promise<Masters> {
  const { companyId, companyPartnerId } = await ensureCompany(rpc);
  const india = await xmlId(rpc, 'base.in');
  const state = (code: string) => xmlId(rpc, `base.state_in_${code}`);

  const inter = await ensurePartner(rpc, 'IRNT-DECCAN', {
    name: 'Deccan Provisions Private Limited', is_company: true, vat: '36AAKCP1187N1ZT', street: '8-2-293, Road No. 12',
    street2: 'Banjara Hills', city: 'Hyderabad', zip: '500034', state_id: await state('ts'), country_id: india,
    l10n_in_gst_treatment: 'regular', email: 'purchase@deccanprovisions.example',
  });
  const partners = {
    intra: await ensurePartner(rpc, 'IRNT-BHIMA', {
      name: 'Bhima Stores LLP', is_company: true, vat: '29AAKCB2045P1Z7', street: '88, Residency Road', city: 'Bengaluru',
      zip: '560025', state_id: await state('ka'), country_id: india, l10n_in_gst_treatment: 'regular', phone: '+91 98450 12345',
    }),
    inter,
    // A person at the customer: Odoo sends the company's name (commercial_partner_id) as LglNm.
    child: await ensurePartner(rpc, 'IRNT-DECCAN-RAVI', { name: 'Ravi Kumar', type: 'contact', parent_id: inter, email: 'ravi@deccanprovisions.example' }),
    sez: await ensurePartner(rpc, 'IRNT-MALABAR', {
      name: 'Malabar Cashew Company Private Limited', is_company: true, vat: '32AABCM7788Q1ZO', street: 'Plot 7, Cashew SEZ',
      city: 'Kollam', zip: '691001', state_id: await state('kl'), country_id: india, l10n_in_gst_treatment: 'special_economic_zone',
    }),
    overseas: await ensurePartner(rpc, 'IRNT-BLUERIDGE', {
      name: 'Blue Ridge Fine Foods Inc.', is_company: true, street: '350 Fifth Avenue', city: 'New York', zip: '10118',
      state_id: await xmlId(rpc, 'base.state_us_27'), country_id: await xmlId(rpc, 'base.us'), l10n_in_gst_treatment: 'overseas',
    }),
  };

  const taxes = {
    gst5: await taxId(rpc, '5% GST'),
    gst28: await taxId(rpc, '28% GST S'),
    // l10n_in's compensation cess: 5 % plus 1.591 a unit (a group), and a Python formula (21 % or 4.17 a unit).
    cess: await taxId(rpc, '5%+1.591 CESS S'),
    cessFormula: await taxId(rpc, '21% or 4.170 CESS S'),
    igst18: await taxId(rpc, '18% IGST S'),
    nil: await taxId(rpc, '0%'),
    exempt: await taxId(rpc, '0% Exempt'),
    reverseCharge: await copiedTax(rpc, '18% IGST S', '18% IGST RC S (IRN test)', { l10n_in_reverse_charge: true }),
    included: await copiedTax(rpc, '12% IGST S', '12% IGST S incl. (IRN test)', { price_include: true }),
  };
  const units = await xmlId(rpc, 'uom.product_uom_unit');
  const kg = await xmlId(rpc, 'uom.product_uom_kgm');
  const goods = async (code: string, name: string, hsn: string, price: number, tax: string, uom = units) =>
    ensureProduct(rpc, code, {
      name, detailed_type: 'consu', l10n_in_hsn_code: hsn, list_price: price, uom_id: uom, uom_po_id: uom,
      taxes_id: [[6, 0, [await taxId(rpc, tax)]]],
    });
  const products = {
    gst5: await goods('IRNT-TURMERIC', 'Turmeric powder 500 g', '09103020', 120, '5% GST'),
    gst12: await goods('IRNT-GHEE', 'Cow ghee 1 l', '04059020', 650, '12% GST S'),
    gst18: await goods('IRNT-GIFTBOX', 'Spice mix gift box', '21069099', 899, '18% GST S'),
    gst28: await goods('IRNT-GINGERALE', 'Aerated ginger drink (crate)', '22021010', 480, '28% GST S'),
    exempt: await goods('IRNT-CURRYLEAF', 'Fresh curry leaves', '07099990', 60, '0% Exempt', kg),
    nil: await goods('IRNT-RICEBRAN', 'Rice bran', '23023000', 35, '0%', kg),
    service: await ensureProduct(rpc, 'IRNT-GRINDING', {
      name: 'Spice grinding service', detailed_type: 'service', l10n_in_hsn_code: '998817', list_price: 1500,
      uom_id: await xmlId(rpc, 'uom.product_uom_hour'), uom_po_id: await xmlId(rpc, 'uom.product_uom_hour'),
      taxes_id: [[6, 0, [await taxId(rpc, '18% GST S')]]],
    }),
  };

  const usdId = await xmlId(rpc, 'base.USD');
  // 1 USD = 84.03 INR from the start of the year, so today's exports convert at a rate ≠ 1.
  await ensure(rpc, 'res.currency.rate', [['currency_id', '=', usdId], ['company_id', '=', companyId], ['name', '=', '2026-01-01']],
    { currency_id: usdId, company_id: companyId, name: '2026-01-01', rate: 0.0119 });

  const [income] = await rpc.searchRead<{ id: number }>('account.account', [['account_type', '=', 'income_other']], ['id'], { limit: 1 });
  const [expense] = await rpc.searchRead<{ id: number }>('account.account', [['account_type', '=', 'expense']], ['id'], { limit: 1 });
  const cashRoundingId = await ensure(rpc, 'account.cash.rounding', [['name', '=', 'Round to 1 rupee (IRN test)']], {
    name: 'Round to 1 rupee (IRN test)', rounding: 1, strategy: 'add_invoice_line', rounding_method: 'HALF-UP',
    profit_account_id: income.id, loss_account_id: expense.id,
  });
  const [port] = await rpc.searchRead<{ id: number }>('l10n_in.port.code', [['code', '=', 'INMAA1']], ['id'], { limit: 1 });
  const portId = port?.id ?? (await rpc.searchRead<{ id: number }>('l10n_in.port.code', [], ['id'], { limit: 1 }))[0].id;
  const [format] = await rpc.searchRead<{ id: number }>('account.edi.format', [['code', '=', 'in_einvoice_1_03']], ['id']);
  const einvoiceJournalId = await ensure(rpc, 'account.journal', [['code', '=', 'IRNE']], {
    name: 'E-invoices (IRN test)', code: 'IRNE', type: 'sale', edi_format_ids: [[6, 0, format ? [format.id] : []]],
  });
  return { companyId, companyPartnerId, partners, products, taxes, usdId, cashRoundingId, portId, einvoiceJournalId };
}
