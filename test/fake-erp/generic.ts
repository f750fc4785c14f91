/**
 * A fake "generic" web ERP for the recipe tests: nothing IRN Bridge has an adapter for. Invoices are
 * plain HTML (a party block, a table of items, totals; no globals), at `/invoices/<id>`, with the
 * same invoice as JSON at `/api/invoices/<id>`. A session cookie is set on the first page view;
 * the JSON and the write-back (`POST /api/invoices/<id>/einvoice`, `X-CSRF-Token` from the page's
 * `<meta name="csrf-token">`) need it. Accepted write-backs are recorded and shown on the page.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { escapeHtml as h, randomToken } from './common';

export interface GenericLine {
  sku: string;
  description: string;
  hsn: string;
  qty: number;
  unit: string;
  rate: number;
  gstRate: number;
}

export interface GenericInvoice {
  id: string;
  number: string;
  /** yyyy-mm-dd */
  date: string;
  status: 'Draft' | 'Posted';
  customer: { name: string; gstin: string; address: string; city: string; pin: string; state: string };
  lines: GenericLine[];
}

/** The seller is the ERP's own company; its pages do not print it (recipes give it as defaults). */
export const GENERIC_SELLER = {
  gstin: '29AAHCA4821K1ZH', name: 'Aruna Spice Works Private Limited',
  address: 'No. 14, 2nd Cross, Peenya Industrial Area', city: 'Bengaluru', pin: 560058, state: '29',
} as const;

const RANGOLI = { name: 'Rangoli Foods Private Limited', gstin: '37AAGCR5310M1Z6', address: 'D.No. 40-5-12, Benz Circle Road', city: 'Vijayawada', pin: '520010', state: '37-Andhra Pradesh' };
const BHIMA = { name: 'Bhima Stores LLP', gstin: '29AAKCB2045P1Z7', address: '88 Residency Road', city: 'Bengaluru', pin: '560025', state: '29-Karnataka' };

export const GENERIC_INVOICES: readonly GenericInvoice[] = [
  {
    id: 'GEN-0007', number: 'GEN/26/0007', date: '2026-11-20', status: 'Posted', customer: RANGOLI,
    lines: [
      { sku: 'TUR-1', description: 'Turmeric powder 1 kg', hsn: '09103020', qty: 100, unit: 'Kg', rate: 180, gstRate: 5 },
      { sku: 'PEP-2', description: 'Black pepper whole', hsn: '09042211', qty: 25, unit: 'Kg', rate: 520, gstRate: 5 },
    ],
  },
  {
    id: 'GEN-0008', number: 'GEN/26/0008', date: '2026-11-21', status: 'Posted', customer: BHIMA,
    lines: [{ sku: 'MIX-3', description: 'Garam masala 200 g', hsn: '09109100', qty: 40, unit: 'Nos', rate: 95.45, gstRate: 5 }],
  },
  {
    id: 'GEN-0009', number: 'GEN/26/0009', date: '2026-11-22', status: 'Draft', customer: BHIMA,
    lines: [{ sku: 'MIX-3', description: 'Garam masala 200 g', hsn: '09109100', qty: 10, unit: 'Nos', rate: 95.5, gstRate: 5 }],
  },
];

export interface GenericWrite {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeGenericErp {
  app: Hono;
  writes: GenericWrite[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const money = (v: number) => v.toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const intraState = (inv: GenericInvoice) => inv.customer.gstin.startsWith(GENERIC_SELLER.state);

function amounts(inv: GenericInvoice) {
  const lines = inv.lines.map((l) => {
    const net = round2(l.qty * l.rate);
    const tax = round2((net * l.gstRate) / 100);
    return { ...l, net, tax, total: round2(net + tax) };
  });
  const net = round2(lines.reduce((s, l) => s + l.net, 0));
  const tax = round2(lines.reduce((s, l) => s + l.tax, 0));
  const exact = net + tax;
  const grand = Math.round(exact);
  return { lines, net, tax, roundOff: round2(grand - exact), grand };
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

function invoicePage(inv: GenericInvoice, csrf: string, irn: string | null): string {
  const a = amounts(inv);
  const rows = a.lines.map((l) => `
        <tr data-sku="${h(l.sku)}">
          <td class="desc">${h(l.description)}</td><td class="hsn">${h(l.hsn)}</td><td class="qty">${l.qty}</td>
          <td class="uom">${h(l.unit)}</td><td class="rate">${money(l.rate)}</td><td class="gst">${l.gstRate}%</td>
          <td class="net">${money(l.net)}</td><td class="amount">${money(l.total)}</td>
        </tr>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="csrf-token" content="${h(csrf)}">
  <title>Invoice ${h(inv.number)} · Generic ERP</title>
  <style>
    body { font-family: Georgia, serif; margin: 24px; color: #222; }
    table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: 4px 8px; }
    .totals { text-align: right; margin-top: 12px; }
  </style>
</head>
<body>
  <h1>Tax Invoice <span id="invoice-number">${h(inv.number)}</span></h1>
  <p>Date: <span id="invoice-date">${dmy(inv.date)}</span> · Status: <b id="invoice-status">${inv.status}</b>
    ${irn ? `· IRN: <span id="invoice-irn">${h(irn)}</span>` : ''}</p>
  <section id="bill-to">
    <h2>Bill to</h2>
    <div class="party-name">${h(inv.customer.name)}</div>
    <div>GSTIN: <span class="party-gstin">${h(inv.customer.gstin)}</span></div>
    <div class="party-address">${h(inv.customer.address)}</div>
    <div><span class="party-city">${h(inv.customer.city)}</span> – <span class="party-pin">${h(inv.customer.pin)}</span></div>
    <div>Place of supply: <span class="party-state">${h(inv.customer.state)}</span></div>
  </section>
  <table id="invoice-lines">
    <thead><tr><th>Item</th><th>HSN</th><th>Qty</th><th>Unit</th><th>Rate</th><th>GST</th><th>Taxable</th><th>Amount</th></tr></thead>
    <tbody>${rows}
    </tbody>
  </table>
  <div class="totals">
    <div>Taxable value: <span id="total-net">${money(a.net)}</span></div>
    <div>${intraState(inv) ? 'CGST + SGST' : 'IGST'}: <span id="total-tax">${money(a.tax)}</span></div>
    <div>Round off: <span id="total-round-off">${money(a.roundOff)}</span></div>
    <div><b>Grand total: ₹ <span id="grand-total">${money(a.grand)}</span></b></div>
  </div>
</body>
</html>`;
}

function invoiceJson(inv: GenericInvoice, irn: string | null) {
  const a = amounts(inv);
  return {
    data: {
      number: inv.number, date: inv.date, status: inv.status, irn,
      customer: inv.customer,
      lines: a.lines.map((l) => ({ description: l.description, hsn: l.hsn, qty: l.qty, unit: l.unit, rate: l.rate, gst_rate: l.gstRate, net: l.net })),
      totals: { net: a.net, tax: a.tax, round_off: a.roundOff, grand: a.grand },
    },
  };
}

export function createFakeGenericErp(): FakeGenericErp {
  const app = new Hono();
  const writes: GenericWrite[] = [];
  /** session id → CSRF token */
  const sessions = new Map<string, string>();
  const irns = new Map<string, string>();
  const find = (id: string) => GENERIC_INVOICES.find((i) => i.id === id);

  const session = (c: Context, create: boolean): string | null => {
    const sid = getCookie(c, 'gsid');
    if (sid && sessions.has(sid)) return sessions.get(sid)!;
    if (!create) return null;
    const fresh = randomToken(16);
    const csrf = randomToken(16);
    sessions.set(fresh, csrf);
    setCookie(c, 'gsid', fresh, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return csrf;
  };

  app.get('/', (c) => {
    session(c, true);
    return c.html(`<!doctype html><title>Generic ERP</title><h1>Invoices</h1><ul>${GENERIC_INVOICES.map((i) => `<li><a href="/invoices/${h(i.id)}">${h(i.number)}</a></li>`).join('')}</ul>`);
  });
  app.get('/invoices/:id', (c) => {
    const inv = find(c.req.param('id'));
    if (!inv) return c.html('<h1>Not found</h1>', 404);
    return c.html(invoicePage(inv, session(c, true)!, irns.get(inv.id) ?? null));
  });
  app.get('/api/invoices/:id', (c) => {
    if (!session(c, false)) return c.json({ error: 'login required' }, 401);
    const inv = find(c.req.param('id'));
    return inv ? c.json(invoiceJson(inv, irns.get(inv.id) ?? null)) : c.json({ error: 'not found' }, 404);
  });
  app.post('/api/invoices/:id/einvoice', async (c) => {
    const csrf = session(c, false);
    if (!csrf) return c.json({ error: 'login required' }, 401);
    if (c.req.header('x-csrf-token') !== csrf) return c.json({ error: 'bad CSRF token' }, 403);
    const inv = find(c.req.param('id'));
    if (!inv) return c.json({ error: 'not found' }, 404);
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body.irn !== 'string') return c.json({ error: 'irn is required' }, 422);
    irns.set(inv.id, body.irn);
    writes.push({ id: inv.id, body });
    return c.json({ ok: true });
  });
  return { app, writes };
}
