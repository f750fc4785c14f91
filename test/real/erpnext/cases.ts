/**
 * The cases of issue 9, each a Sales Invoice created and submitted on the real ERPNext by the Accounts
 * User, so that ERPNext and India Compliance compute taxable values, item taxes and totals themselves.
 */
import type { FrappeClient } from './frappe-client';
import type { Masters } from './masters';
import { COMPANY, SERIES } from './site';

type Doc = Record<string, unknown>;
type Row = Record<string, unknown>;

export interface InvoiceCase {
  id: string;
  title: string;
  /** Cases whose invoice this one is against (created first). */
  against?: string;
  build(m: Masters, t: Taxes, against?: string): Doc;
}

/** The rows of a Sales Taxes and Charges Template, to put on an invoice (the REST API does not apply a template by itself). */
export interface Taxes {
  of(template: string, extra?: Partial<Row>): Row[];
}

export async function loadTaxes(c: FrappeClient, m: Masters): Promise<Taxes> {
  const rows: Record<string, Row[]> = {};
  for (const name of Object.values(m.templates)) {
    const t = await c.get<{ taxes: Row[] }>('Sales Taxes and Charges Template', name);
    rows[name] = t.taxes.map(({ charge_type, account_head, rate, description, cost_center, included_in_print_rate, row_id }) => ({
      charge_type, account_head, rate, description, cost_center, included_in_print_rate, row_id,
    }));
  }
  return { of: (template, extra = {}) => rows[template].map((r) => ({ ...r, ...extra })) };
}

const today = () => new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 10);

function invoice(m: Masters, customer: keyof Masters['customers'], items: Row[], extra: Doc = {}): Doc {
  const c = m.customers[customer];
  return {
    doctype: 'Sales Invoice', naming_series: SERIES, company: COMPANY, customer: c.name, posting_date: today(), set_posting_time: 1,
    due_date: today(), customer_address: c.address, company_address: m.companyAddress, items, ...extra,
  };
}
const item = (code: string, qty: number, rate: number, extra: Row = {}): Row => ({ item_code: code, qty, rate, ...extra });

export const CASES: readonly InvoiceCase[] = [
  {
    id: 'intra-list-price',
    title: 'intra-state CGST+SGST, list price with an item discount (list price vs taxable value)',
    build: (m, t) => invoice(m, 'bhima', [item(m.items.turmeric, 3, 0, { price_list_rate: 250, discount_percentage: 10 })], {
      taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState),
    }),
  },
  {
    id: 'inter-two-items',
    title: 'inter-state IGST, goods and a service',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 7, 123.45), item(m.items.consulting, 1, 999.99)], {
      taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'above-e-way-bill-threshold',
    title: 'goods above the e-way bill threshold, no transport details on the invoice (no EwbDtls from either)',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 400, 150)], { taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState) }),
  },
  {
    id: 'tax-inclusive',
    title: 'tax-inclusive rates (GST included in the print rate)',
    build: (m, t) => invoice(m, 'bhima', [item(m.items.chilli, 5, 105), item(m.items.consulting, 2, 1180)], {
      taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState, { included_in_print_rate: 1 }),
    }),
  },
  {
    id: 'item-and-additional-discount',
    title: 'item discount and an additional (trade) discount on the net total',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 10, 0, { price_list_rate: 200, discount_percentage: 5 }), item(m.items.chilli, 4, 310)], {
      apply_discount_on: 'Net Total', additional_discount_percentage: 10, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'cash-discount',
    title: 'cash (non-trade) discount on the grand total → ValDtls.Discount',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 8, 150)], {
      apply_discount_on: 'Grand Total', is_cash_or_non_trade_discount: 1, additional_discount_account: m.accounts.discount, discount_amount: 60,
      taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'freight-before-gst',
    title: 'freight charged before the GST rows (GST on the previous row total)',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 6, 180), item(m.items.chilli, 2, 410)], {
      taxes: [
        { charge_type: 'Actual', account_head: m.accounts.freight, description: 'Freight', tax_amount: 350 },
        ...t.of(m.templates.outState, { charge_type: 'On Previous Row Total', row_id: '1' }),
      ],
    }),
  },
  {
    id: 'freight-after-gst',
    title: 'freight charged after the GST rows (not taxed) → OthChrg',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 6, 180)], {
      taxes_and_charges: m.templates.outState,
      taxes: [...t.of(m.templates.outState), { charge_type: 'Actual', account_head: m.accounts.freight, description: 'Freight', tax_amount: 275.5 }],
    }),
  },
  {
    id: 'deduction-after-gst',
    title: 'a negative charge after the GST rows (a deduction) → a negative balance, sent as ValDtls.Discount',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.chilli, 5, 220)], {
      taxes_and_charges: m.templates.outState,
      taxes: [...t.of(m.templates.outState), { charge_type: 'Actual', account_head: m.accounts.freight, description: 'Freight recovered', tax_amount: -45 }],
    }),
  },
  {
    id: 'rounding',
    title: 'rounded total with a round-off adjustment',
    build: (m, t) => invoice(m, 'bhima', [item(m.items.chilli, 3, 101.1), item(m.items.turmeric, 1, 77.77)], {
      taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState),
    }),
  },
  {
    id: 'reverse-charge',
    title: 'reverse charge: the buyer pays the GST',
    build: (m, t) => invoice(m, 'bhima', [item(m.items.consulting, 1, 12500)], {
      is_reverse_charge: 1, taxes_and_charges: m.templates.inStateRcm, taxes: t.of(m.templates.inStateRcm),
    }),
  },
  {
    id: 'export-without-payment',
    title: 'export without payment of tax (LUT), USD, shipping bill and port',
    build: (m) => invoice(m, 'overseas', [item(m.items.turmeric, 100, 3.25), item(m.items.chilli, 40, 4.1)], {
      currency: 'USD', conversion_rate: 83.25, is_export_with_gst: 0, port_address: m.portAddress, shipping_bill_number: '7788123',
      shipping_bill_date: today(), port_code: 'INMAA1',
    }),
  },
  {
    id: 'export-with-payment',
    title: 'export with payment of IGST, USD (a non-INR invoice)',
    build: (m, t) => invoice(m, 'overseas', [item(m.items.turmeric, 50, 3.5)], {
      currency: 'USD', conversion_rate: 83.25, is_export_with_gst: 1, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
      shipping_bill_number: '7788124', shipping_bill_date: today(), port_code: 'INMAA1',
    }),
  },
  {
    id: 'non-inr-domestic',
    title: 'a domestic B2B invoice in USD (TotInvValFc, no ExpDtls)',
    build: (m, t) => invoice(m, 'rangoliUsd', [item(m.items.turmeric, 30, 2.75)], {
      currency: 'USD', conversion_rate: 83.25, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'sez-with-payment',
    title: 'supply to an SEZ with payment of IGST',
    build: (m, t) => invoice(m, 'malabarSez', [item(m.items.turmeric, 20, 160)], {
      is_export_with_gst: 1, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'sez-without-payment',
    title: 'supply to an SEZ without payment of tax (LUT)',
    build: (m) => invoice(m, 'malabarSez', [item(m.items.chilli, 15, 300)], { is_export_with_gst: 0 }),
  },
  {
    id: 'credit-note-linked',
    title: 'credit note against an invoice (return_against) → RefDtls',
    against: 'inter-two-items',
    build: (m, t, against) => invoice(m, 'rangoli', [item(m.items.turmeric, -2, 123.45)], {
      is_return: 1, return_against: against, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'credit-note-unlinked',
    title: 'credit note without a linked invoice → no RefDtls',
    build: (m, t) => invoice(m, 'bhima', [item(m.items.chilli, -1, 240)], {
      is_return: 1, taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState),
    }),
  },
  {
    id: 'debit-note-linked',
    title: 'debit note against an invoice → DBN, no RefDtls (India Compliance adds it only to credit notes)',
    against: 'intra-list-price',
    build: (m, t, against) => invoice(m, 'bhima', [item(m.items.turmeric, 1, 25)], {
      is_debit_note: 1, return_against: against, taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState),
    }),
  },
  {
    id: 'debit-note-value-only',
    title: 'debit note without a linked invoice, a value-only line (Qty 0)',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 0, 100)], {
      is_debit_note: 1, taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
  {
    id: 'uom-map',
    title: "the user's own UOM map in GST Settings (IRNB Sack → BAG)",
    build: (m, t) => invoice(m, 'bhima', [item(m.items.sack, 12, 95)], { taxes_and_charges: m.templates.inState, taxes: t.of(m.templates.inState) }),
  },
  {
    id: 'nil-rated-line',
    title: 'a nil-rated line beside a taxable one (its value goes to OthChrg)',
    build: (m, t) => invoice(m, 'rangoli', [item(m.items.turmeric, 4, 150), item(m.items.rice, 10, 48)], {
      taxes_and_charges: m.templates.outState, taxes: t.of(m.templates.outState),
    }),
  },
];

/** Creates and submits every case's invoice as `user`, originals first; returns invoice names by case id. */
export async function createInvoices(user: FrappeClient, m: Masters, taxes: Taxes, cases = CASES): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  const ordered = [...cases.filter((c) => !c.against), ...cases.filter((c) => c.against)];
  for (const c of ordered) {
    const doc = c.build(m, taxes, c.against ? names[c.against] : undefined);
    try {
      const draft = await user.insert<{ name: string }>(doc as Doc & { doctype: string });
      await user.submit('Sales Invoice', draft.name);
      names[c.id] = draft.name;
    } catch (err) {
      throw new Error(`Case ${c.id}: ${(err as Error).message}`);
    }
  }
  return names;
}
