/**
 * The documents of issue 8 point 3, made on the real Odoo 17.0 as a clerk makes them: a customer,
 * products (Odoo picks their taxes through the fiscal position of the two states), Post; the credit
 * note through the reversal wizard (account.move.reversal, 17.0 addons/account/wizard/account_move_reversal.py).
 * Each run makes new ones (Odoo numbers them), so runs never collide.
 */
import type { Masters } from './masters';
import type { OdooRpc } from './rpc';

export type DocumentKey =
  | 'intraDiscount' | 'interGoodsService' | 'creditFromWizard' | 'multiRate' | 'negativeLine' | 'taxIncluded'
  | 'cashRounding' | 'creditWithoutOrigin' | 'childContact' | 'reverseCharge' | 'exportUsd' | 'sez' | 'cess';

export interface MadeDocument {
  key: DocumentKey;
  /** What it shows, for the test names. */
  label: string;
  id: number;
  name: string;
}

type Line = { product_id?: number; name?: string; quantity: number; price_unit?: number; discount?: number; tax_ids?: number[] };
type Draft = { move_type?: 'out_invoice' | 'out_refund'; partner_id: number; lines: Line[]; extra?: Record<string, unknown> };

const today = () => new Date().toISOString().slice(0, 10);

function lineCommand(l: Line): unknown[] {
  const { tax_ids, ...rest } = l;
  return [0, 0, tax_ids ? { ...rest, tax_ids: [[6, 0, tax_ids]] } : rest];
}

async function draft(rpc: OdooRpc, d: Draft): Promise<number> {
  return rpc.create('account.move', {
    move_type: d.move_type ?? 'out_invoice',
    partner_id: d.partner_id,
    invoice_date: today(),
    invoice_line_ids: d.lines.map(lineCommand),
    ...d.extra,
  });
}

async function post(rpc: OdooRpc, id: number): Promise<number> {
  await rpc.call('account.move', 'action_post', [[id]]);
  return id;
}

/** Customer Invoice ▸ Credit Note ▸ Reverse (the wizard), then the clerk lowers the quantity and drops a line: a partial credit. */
async function partialCreditNote(rpc: OdooRpc, invoiceId: number): Promise<number> {
  const context = { active_model: 'account.move', active_ids: [invoiceId], active_id: invoiceId };
  const [invoice] = await rpc.read<{ journal_id: [number, string] }>('account.move', [invoiceId], ['journal_id']);
  const wizard = await rpc.create('account.move.reversal', {
    move_ids: [[6, 0, [invoiceId]]], journal_id: invoice.journal_id[0], reason: 'Two jars returned damaged', date: today(),
  }, context);
  const action = await rpc.call<{ res_id?: number }>('account.move.reversal', 'refund_moves', [[wizard]], { context });
  const id = action.res_id;
  if (!id) throw new Error('The reversal wizard made no credit note');
  const [note] = await rpc.read<{ invoice_line_ids: number[] }>('account.move', [id], ['invoice_line_ids']);
  const [first, ...rest] = note.invoice_line_ids;
  await rpc.write('account.move', [id], { invoice_line_ids: [[1, first, { quantity: 2 }], ...rest.map((l) => [2, l])] });
  return post(rpc, id);
}

export async function makeDocuments(rpc: OdooRpc, m: Masters, only?: DocumentKey[]): Promise<MadeDocument[]> {
  const p = m.products;
  const made: Omit<MadeDocument, 'name'>[] = [];
  const want = (k: DocumentKey) => !only || only.includes(k);
  const add = async (key: DocumentKey, label: string, d: Draft) => {
    if (!want(key)) return null;
    const id = await post(rpc, await draft(rpc, d));
    made.push({ key, label, id });
    return id;
  };

  await add('intraDiscount', 'intra-state, 5% GST and 18% GST, a 10% line discount', {
    partner_id: m.partners.intra,
    lines: [{ product_id: p.gst5, quantity: 10, discount: 10 }, { product_id: p.gst18, quantity: 2 }],
  });
  const inter = await add('interGoodsService', 'inter-state IGST, goods and a service', {
    partner_id: m.partners.inter,
    lines: [{ product_id: p.gst12, quantity: 5 }, { product_id: p.service, quantity: 3 }],
  });
  if (want('creditFromWizard')) {
    const base = inter ?? (await post(rpc, await draft(rpc, { partner_id: m.partners.inter, lines: [{ product_id: p.gst12, quantity: 5 }, { product_id: p.service, quantity: 3 }] })));
    made.push({ key: 'creditFromWizard', label: 'partial credit note from the reversal wizard', id: await partialCreditNote(rpc, base) });
  }
  await add('multiRate', '12 lines at 5/12/18/28 %, exempt and nil-rated', {
    partner_id: m.partners.intra,
    lines: [p.gst5, p.gst12, p.gst18, p.gst28, p.exempt, p.nil].flatMap((product_id, i) => [
      { product_id, quantity: i + 1 }, { product_id, quantity: 2.5, discount: 5 },
    ]),
  });
  await add('negativeLine', 'a negative (discount) line and a global discount line', {
    partner_id: m.partners.inter,
    lines: [
      { product_id: p.gst18, quantity: 4 },
      { product_id: p.gst18, name: 'Festival offer on gift boxes', quantity: 1, price_unit: -500 },
      { name: 'Loyalty discount', quantity: 1, price_unit: -200, tax_ids: [] },
    ],
  });
  await add('taxIncluded', 'a tax-included price', {
    partner_id: m.partners.inter,
    lines: [{ product_id: p.gst12, quantity: 3, price_unit: 728, tax_ids: [m.taxes.included] }],
  });
  await add('cashRounding', 'cash rounding to the rupee', {
    partner_id: m.partners.intra,
    lines: [{ product_id: p.gst5, quantity: 7, price_unit: 119.5 }],
    extra: { invoice_cash_rounding_id: m.cashRoundingId },
  });
  await add('creditWithoutOrigin', 'a credit note without an origin invoice', {
    move_type: 'out_refund', partner_id: m.partners.intra, lines: [{ product_id: p.gst5, quantity: 2 }],
  });
  await add('childContact', 'addressed to a contact person of the customer', {
    partner_id: m.partners.child, lines: [{ product_id: p.gst18, quantity: 1 }],
  });
  await add('reverseCharge', 'reverse charge', {
    partner_id: m.partners.inter, lines: [{ product_id: p.service, quantity: 2, tax_ids: [m.taxes.reverseCharge] }],
  });
  await add('exportUsd', 'an export invoiced in USD at 84.03', {
    partner_id: m.partners.overseas,
    lines: [{ product_id: p.gst5, quantity: 100, price_unit: 1.45 }, { product_id: p.gst12, quantity: 12, price_unit: 7.8 }],
    extra: { currency_id: m.usdId, l10n_in_shipping_bill_number: 'SB4471203', l10n_in_shipping_bill_date: today(), l10n_in_shipping_port_code_id: m.portId },
  });
  await add('sez', 'a supply to an SEZ unit', { partner_id: m.partners.sez, lines: [{ product_id: p.gst18, quantity: 2 }] });
  await add('cess', '28% GST with compensation cess: percent + per unit, and a formula', {
    partner_id: m.partners.intra,
    lines: [
      { product_id: p.gst28, quantity: 10, tax_ids: [m.taxes.gst28, m.taxes.cess] },
      { product_id: p.gst28, quantity: 4, price_unit: 10, tax_ids: [m.taxes.gst28, m.taxes.cessFormula] },
    ],
  });

  const names = await rpc.read<{ id: number; name: string; state: string }>('account.move', made.map((d) => d.id), ['name', 'state']);
  return made.map((d) => {
    const row = names.find((n) => n.id === d.id)!;
    if (row.state !== 'posted') throw new Error(`${d.key} (${row.name}) is ${row.state}, not posted`);
    return { ...d, name: row.name };
  });
}
