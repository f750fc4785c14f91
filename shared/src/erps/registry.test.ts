/**
 * The registry's promise: an ERP is one module plus one line. This test adds a made-up ERP
 * ("Ledgerly") exactly that way and drives it through what the extension does with any module.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInvoice } from '../invoice/validate';
import type { Inv01Invoice } from '../invoice/types';
import { ERP_MODULES, erpModulesFor, findErpDocument, type ErpModule } from './index';
import { fakeFetch, env, RESULT } from './testing/fakes';

const ORIGIN = 'https://ledgerly.example';

interface LedgerlyDocument { erp: 'ledgerly'; invoice: Inv01Invoice; posted: boolean }

const SAMPLE: Inv01Invoice = {
  Version: '1.1',
  TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
  DocDtls: { Typ: 'INV', No: 'LG-7', Dt: '20/11/2026' },
  SellerDtls: { Gstin: '29AAHCA4821K1ZH', LglNm: 'Aruna Spice Works Private Limited', Addr1: '12 Market Road', Loc: 'Bengaluru', Pin: 560001, Stcd: '29' },
  BuyerDtls: { Gstin: '37AAGCR5310M1Z6', LglNm: 'Rangoli Foods LLP', Pos: '37', Addr1: '4 Beach Road', Loc: 'Visakhapatnam', Pin: 530001, Stcd: '37' },
  ItemList: [{ SlNo: '1', IsServc: 'N', HsnCd: '09103030', Qty: 10, Unit: 'KGS', UnitPrice: 100, TotAmt: 1000, Discount: 0, AssAmt: 1000, GstRt: 5, IgstAmt: 50, CgstAmt: 0, SgstAmt: 0, TotItemVal: 1050 }],
  ValDtls: { AssVal: 1000, IgstVal: 50, CgstVal: 0, SgstVal: 0, TotInvVal: 1050 },
} as Inv01Invoice;

/** The whole module of a made-up ERP whose API already speaks INV-01. */
const ledgerly: ErpModule<LedgerlyDocument> = {
  id: 'ledgerly',
  label: 'Ledgerly',
  writesBack: true,
  detect: (url) => {
    const m = /^\/invoices\/([\w-]+)$/.exec(url.pathname);
    return url.origin === ORIGIN && m ? { erp: 'ledgerly', name: m[1] } : null;
  },
  async read(io, ref) {
    const res = await io.fetch(`${io.origin}/api/invoices/${ref.name}`, { credentials: 'include' });
    const body = (await res.json()) as { invoice: Inv01Invoice; posted: boolean };
    return { erp: 'ledgerly', invoice: body.invoice, posted: body.posted };
  },
  map: (doc) => ({ invoice: doc.invoice, issues: [] }),
  totals: (doc) => ({ grandTotal: doc.invoice.ValDtls.TotInvVal, taxableTotal: doc.invoice.ValDtls.AssVal, taxTotal: 50, roundOff: 0, currency: 'INR' }),
  summary: (doc) => ({
    ref: { erp: 'ledgerly', name: doc.invoice.DocDtls.No }, docType: 'INV', docNo: doc.invoice.DocDtls.No, docDate: doc.invoice.DocDtls.Dt,
    partyName: doc.invoice.BuyerDtls.LglNm, partyGstin: doc.invoice.BuyerDtls.Gstin, grandTotal: doc.invoice.ValDtls.TotInvVal,
    currency: 'INR', final: doc.posted, irn: null,
  }),
  async record(io, ref, event) {
    const res = await io.fetch(`${io.origin}/api/invoices/${ref.name}/${event.kind}`, { method: 'POST', body: JSON.stringify({ irn: event.result.irn }) });
    return res.ok ? { ok: true, method: 'ledgerly-api', message: 'Recorded in Ledgerly.' } : { ok: false, method: 'ledgerly-api', message: `HTTP ${res.status}` };
  },
};

describe('ERP registry', () => {
  test('a new ERP is one module and one registration line', async () => {
    const modules = erpModulesFor(ORIGIN, [], [...ERP_MODULES, ledgerly]); // ← the one line
    const found = findErpDocument(modules, new URL(`${ORIGIN}/invoices/LG-7`));
    assert.equal(found?.module.id, 'ledgerly');
    const { fetch, calls } = fakeFetch((c) => (c.method === 'GET' ? { json: { invoice: SAMPLE, posted: true } } : { json: {} }));
    const io = env(ORIGIN, fetch);
    const doc = await found!.module.read(io, found!.ref);
    assert.equal(found!.module.summary(doc).final, true);
    const { invoice } = found!.module.map(doc);
    assert.deepEqual(validateInvoice(invoice, { now: new Date('2026-11-25T12:00:00+05:30') }).filter((i) => i.severity === 'error'), []);
    const out = await found!.module.record(io, found!.ref, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, true);
    assert.equal(calls.at(-1)!.url.pathname, '/api/invoices/LG-7/generated');
  });

  test('built-in modules are asked first, and a page no module knows finds none', () => {
    const modules = erpModulesFor(ORIGIN, [], [...ERP_MODULES, ledgerly]);
    assert.deepEqual(modules.map((m) => m.id), ['erpnext', 'odoo', 'ledgerly']);
    assert.equal(findErpDocument(modules, new URL(`${ORIGIN}/customers/7`)), null);
  });

  test('module ids are unique', () => {
    assert.equal(new Set(ERP_MODULES.map((m) => m.id)).size, ERP_MODULES.length);
  });
});
