import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { validateInvoice, hasBlockingIssues, type ValidateOptions } from './validate';
import type { ValidationIssue } from './issue';
import { isKnownHsn } from '../codes/hsn';

const cases = JSON.parse(readFileSync(new URL('../../fixtures/irp/gsp-enriched-cases.json', import.meta.url), 'utf8'));
const FIXTURE_NAMES = ['goods_item_with_ewaybill', 'service_item', 'return_invoice', 'duplicate_irn'];
const SANDBOX: ValidateOptions = { allowSandboxGstins: true, now: new Date('2024-01-01T00:00:00Z') };
const clone = <T>(x: T): T => structuredClone(x);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** An inter-state B2B invoice between real (checksum-valid) GSTINs: Karnataka → Andhra Pradesh, IGST 18%. */
const INTER: Any = {
  Version: '1.1',
  TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N' },
  DocDtls: { Typ: 'INV', No: 'AB/2026/0001', Dt: '05/04/2026' },
  SellerDtls: { Gstin: '29AAHCA4821K1ZH', LglNm: 'Seller Pvt Ltd', Addr1: '1 MG Road', Loc: 'Bengaluru', Pin: 560001, Stcd: '29' },
  BuyerDtls: { Gstin: '37AAGCR5310M1Z6', LglNm: 'Buyer Ltd', Pos: '37', Addr1: '2 Beach Road', Loc: 'Visakhapatnam', Pin: 530001, Stcd: '37' },
  ItemList: [
    { SlNo: '1', PrdDesc: 'Cotton shirts', IsServc: 'N', HsnCd: '61149090', Qty: 10, Unit: 'NOS', UnitPrice: 500, TotAmt: 5000, Discount: 0, AssAmt: 5000, GstRt: 18, IgstAmt: 900, TotItemVal: 5900 },
    { SlNo: '2', PrdDesc: 'Consulting', IsServc: 'Y', HsnCd: '998311', UnitPrice: 1000, TotAmt: 1000, AssAmt: 1000, GstRt: 18, IgstAmt: 180, TotItemVal: 1180 },
  ],
  ValDtls: { AssVal: 6000, IgstVal: 1080, CgstVal: 0, SgstVal: 0, TotInvVal: 7080 },
};
const REAL: ValidateOptions = { now: new Date('2026-04-05T12:00:00Z') };

const codesOf = (issues: ValidationIssue[]) => issues.map((i) => `${i.code}@${i.path}`);
const errorsOf = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'error');

describe('valid invoices pass', () => {
  for (const name of FIXTURE_NAMES) {
    test(`fixture ${name}`, () => {
      const issues = validateInvoice(cases[name].request_data, SANDBOX);
      assert.deepEqual(issues, []);
    });
  }
  test('an inter-state invoice between real GSTINs', () => {
    assert.deepEqual(validateInvoice(INTER, REAL), []);
  });
  test('enums and keys are matched case-insensitively, as the IRP does', () => {
    const inv = clone(INTER);
    inv.TranDtls.SupTyp = 'b2b';
    inv.DocDtls.Typ = 'inv';
    inv.BuyerDtls = { ...inv.BuyerDtls, GSTIN: inv.BuyerDtls.Gstin, POS: '37' };
    delete inv.BuyerDtls.Gstin;
    delete inv.BuyerDtls.Pos;
    inv.itemlist = inv.ItemList;
    delete inv.ItemList;
    assert.deepEqual(validateInvoice(inv, REAL), []);
  });
  test('a single-digit state code is accepted ("9" = "09")', () => {
    const inv = clone(INTER);
    inv.SellerDtls = { ...inv.SellerDtls, Gstin: '09AAJCM7191E1Z5', Stcd: '9' };
    assert.deepEqual(validateInvoice(inv, REAL), []);
  });
  test('amounts within the ±1 tolerance pass', () => {
    const inv = clone(INTER);
    inv.ItemList[0].IgstAmt = 900.9;
    inv.ItemList[0].TotItemVal = 5900.9;
    inv.ValDtls.IgstVal = 1080.9;
    inv.ValDtls.TotInvVal = 7081;
    assert.deepEqual(validateInvoice(inv, REAL), []);
  });
});

type Mutation = [name: string, base: 'intra' | 'inter' | 'service', mutate: (inv: Any) => void, code: string, path: string, opts?: ValidateOptions];

const MUTATIONS: Mutation[] = [
  // Tax type by place of supply.
  ['IGST on intra-state', 'intra', (i) => { i.ItemList[0].IgstAmt = 18000; }, '2172', 'ItemList[0].IgstAmt'],
  ['CGST ≠ SGST', 'intra', (i) => { i.ItemList[0].SgstAmt = 8000; }, '2227', 'ItemList[0].SgstAmt'],
  ['no CGST/SGST on intra-state', 'intra', (i) => { i.ItemList[0].CgstAmt = 0; i.ItemList[0].SgstAmt = 0; }, '2241', 'ItemList[0].CgstAmt'],
  ['CGST on inter-state', 'inter', (i) => { i.ItemList[0].CgstAmt = 450; i.ItemList[0].SgstAmt = 450; i.ItemList[0].IgstAmt = 0; }, '2174', 'ItemList[0].CgstAmt'],
  ['IGST not at the rate', 'inter', (i) => { i.ItemList[0].IgstAmt = 500; }, '2235', 'ItemList[0].IgstAmt'],
  ['CGST+SGST not at the rate', 'intra', (i) => { i.ItemList[0].CgstAmt = 5000; i.ItemList[0].SgstAmt = 5000; }, '2234', 'ItemList[0].CgstAmt'],
  ['IgstOnIntra with POS elsewhere', 'intra', (i) => { i.TranDtls.IgstOnIntra = 'Y'; i.BuyerDtls.Pos = '36'; }, '2262', 'TranDtls.IgstOnIntra'],
  ['CGST on an export', 'inter', (i) => { i.TranDtls.SupTyp = 'EXPWP'; i.BuyerDtls.Pos = '96'; i.ItemList[0].CgstAmt = 1; }, '2180', 'ItemList[0].CgstAmt'],
  ['export with an Indian POS', 'inter', (i) => { i.TranDtls.SupTyp = 'EXPWP'; }, '2232', 'BuyerDtls.Pos'],
  ['cess not at its rate', 'inter', (i) => { i.ItemList[0].CesRt = 5; i.ItemList[0].CesAmt = 10; i.ItemList[0].TotItemVal = 5910; i.ValDtls.CesVal = 10; i.ValDtls.TotInvVal = 7090; }, '2266', 'ItemList[0].CesAmt'],
  // Item arithmetic.
  ['TotAmt ≠ Qty × UnitPrice', 'intra', (i) => { i.ItemList[0].Qty = 900; }, '2192', 'ItemList[0].TotAmt'],
  ['AssAmt ≠ TotAmt − Discount', 'inter', (i) => { i.ItemList[0].Discount = 100; }, '2193', 'ItemList[0].AssAmt'],
  ['TotItemVal wrong', 'intra', (i) => { i.ItemList[0].TotItemVal = 117000; }, '2194', 'ItemList[0].TotItemVal'],
  // Totals.
  ['AssVal', 'intra', (i) => { i.ValDtls.AssVal = 99000; }, '2182', 'ValDtls.AssVal'],
  ['SgstVal', 'intra', (i) => { i.ValDtls.SgstVal = 8000; }, '2183', 'ValDtls.SgstVal'],
  ['CgstVal', 'intra', (i) => { i.ValDtls.CgstVal = 8000; }, '2184', 'ValDtls.CgstVal'],
  ['IgstVal', 'inter', (i) => { i.ValDtls.IgstVal = 1000; }, '2185', 'ValDtls.IgstVal'],
  ['CgstVal missing', 'intra', (i) => { delete i.ValDtls.CgstVal; }, '2184', 'ValDtls.CgstVal'],
  ['CesVal excludes non-advol cess', 'inter', (i) => { i.ItemList[0].CesNonAdvlAmt = 50; i.ItemList[0].TotItemVal = 5950; i.ValDtls.TotInvVal = 7130; }, '2186', 'ValDtls.CesVal'],
  ['StCesVal', 'inter', (i) => { i.ValDtls.StCesVal = 20; }, '2187', 'ValDtls.StCesVal'],
  ['TotInvVal', 'intra', (i) => { i.ValDtls.TotInvVal = 118002; }, '2189', 'ValDtls.TotInvVal'],
  ['discount ≥ TotInvVal', 'inter', (i) => { i.ValDtls.Discount = 7080; i.ValDtls.TotInvVal = 0; }, '2220', 'ValDtls.Discount'],
  // Items.
  ['duplicate SlNo', 'inter', (i) => { i.ItemList[1].SlNo = '1'; }, '2233', 'ItemList[1].SlNo'],
  ['no items', 'intra', (i) => { i.ItemList = []; }, '2228', 'ItemList'],
  ['ItemList missing', 'intra', (i) => { delete i.ItemList; }, '2228', 'ItemList'],
  ['more items than allowed', 'inter', () => {}, '2173', 'ItemList', { ...REAL, maxItems: 1 }],
  ['unknown HSN', 'intra', (i) => { i.ItemList[0].HsnCd = '01019999'; }, '2176', 'ItemList[0].HsnCd'],
  ['unknown unit', 'intra', (i) => { i.ItemList[0].Unit = 'XYZ'; }, '2177', 'ItemList[0].Unit'],
  ['goods without Qty', 'intra', (i) => { delete i.ItemList[0].Qty; }, '2238', 'ItemList[0].Qty'],
  ['goods without Unit', 'intra', (i) => { delete i.ItemList[0].Unit; }, '2239', 'ItemList[0].Unit'],
  ['not a GST rate', 'inter', (i) => { i.ItemList[1].GstRt = 17; i.ItemList[1].IgstAmt = 170; i.ItemList[1].TotItemVal = 1170; i.ValDtls.IgstVal = 1070; i.ValDtls.TotInvVal = 7070; }, '2240', 'ItemList[1].GstRt'],
  ['e-way bill for services only', 'service', (i) => { i.EwbDtls = { Distance: 10 }; }, '2251', 'EwbDtls'],
  // Dates and document type.
  ['future document date', 'intra', (i) => { i.DocDtls.Dt = '02/01/2024'; }, '2218', 'DocDtls.Dt'],
  ['date not dd/mm/yyyy', 'intra', (i) => { i.DocDtls.Dt = '2022-09-16'; }, '2144', 'DocDtls.Dt'],
  ['impossible date', 'intra', (i) => { i.DocDtls.Dt = '31/09/2022'; }, '2144', 'DocDtls.Dt'],
  ['invoice with original', 'intra', (i) => { i.RefDtls = { PrecDocDtls: [{ InvNo: 'SINV-1', InvDt: '01/09/2022' }] }; }, '2210', 'RefDtls.PrecDocDtls'],
  ['reverse charge on SEZ supply', 'inter', (i) => { i.TranDtls.RegRev = 'Y'; i.TranDtls.SupTyp = 'SEZWP'; }, '2162', 'TranDtls.RegRev'],
  // Parties.
  ['seller = buyer', 'inter', (i) => { i.BuyerDtls.Gstin = i.SellerDtls.Gstin; i.BuyerDtls.Stcd = '29'; }, '2211', 'BuyerDtls.Gstin'],
  ['seller Stcd ≠ GSTIN state', 'inter', (i) => { i.SellerDtls.Stcd = '33'; }, '2258', 'SellerDtls.Stcd'],
  ['buyer Stcd ≠ GSTIN state', 'inter', (i) => { i.BuyerDtls.Stcd = '36'; }, '2265', 'BuyerDtls.Stcd'],
  ['buyer URP on B2B', 'inter', (i) => { i.BuyerDtls.Gstin = 'URP'; }, '2212', 'BuyerDtls.Gstin'],
  ['seller URP', 'inter', (i) => { i.SellerDtls.Gstin = 'URP'; }, '2213', 'SellerDtls.Gstin'],
  ['invalid seller state code', 'inter', (i) => { i.SellerDtls.Stcd = '40'; }, '2259', 'SellerDtls.Stcd'],
  ['invalid buyer state code', 'inter', (i) => { i.BuyerDtls.Stcd = '45'; }, '2260', 'BuyerDtls.Stcd'],
  ['invalid place of supply', 'inter', (i) => { i.BuyerDtls.Pos = '45'; }, '2243', 'BuyerDtls.Pos'],
  ['invalid ship-to state', 'inter', (i) => { i.ShipDtls = { LglNm: 'Depot', Addr1: 'Plot 4', Loc: 'Guntur', Pin: 522001, Stcd: '77' }; }, '2200', 'ShipDtls.Stcd'],
  ['GSTIN typo', 'inter', (i) => { i.BuyerDtls.Gstin = '37AAGCR5310M1Z7'; }, 'GSTIN_CHECKSUM', 'BuyerDtls.Gstin'],
  ['sandbox GSTIN without the option', 'intra', () => {}, 'GSTIN_SANDBOX', 'SellerDtls.Gstin', { now: SANDBOX.now }],
  // Schema.
  ['location too short', 'inter', (i) => { i.SellerDtls.Loc = 'AB'; }, 'SCHEMA', 'SellerDtls.Loc'],
  ['double quote in a name', 'inter', (i) => { i.BuyerDtls.LglNm = 'Buyer "Best" Ltd'; }, 'SCHEMA', 'BuyerDtls.LglNm'],
  ['PIN out of range', 'inter', (i) => { i.SellerDtls.Pin = 56001; }, 'SCHEMA', 'SellerDtls.Pin'],
  ['number as text', 'inter', (i) => { i.ItemList[0].Qty = '10'; }, 'SCHEMA', 'ItemList[0].Qty'],
  ['text as number', 'inter', (i) => { i.ItemList[0].SlNo = 1; }, 'SCHEMA', 'ItemList[0].SlNo'],
  ['doc no starting with 0', 'inter', (i) => { i.DocDtls.No = '0AB/1'; }, 'SCHEMA', 'DocDtls.No'],
  ['doc no too long', 'inter', (i) => { i.DocDtls.No = 'A'.repeat(17); }, 'SCHEMA', 'DocDtls.No'],
  ['negative amount', 'inter', (i) => { i.ItemList[0].Discount = -5; }, 'SCHEMA', 'ItemList[0].Discount'],
  ['missing section', 'inter', (i) => { delete i.ValDtls; }, 'SCHEMA', 'ValDtls'],
  ['wrong version', 'inter', (i) => { i.Version = '1.0'; }, 'SCHEMA', 'Version'],
  ['IsServc not Y/N', 'inter', (i) => { i.ItemList[0].IsServc = 'y'; }, 'SCHEMA', 'ItemList[0].IsServc'],
  ['unknown supply type', 'inter', (i) => { i.TranDtls.SupTyp = 'B2C'; }, 'SCHEMA', 'TranDtls.SupTyp'],
  ['NaN amount', 'inter', (i) => { i.ItemList[0].TotAmt = NaN; }, 'SCHEMA', 'ItemList[0].TotAmt'],
  ['huge amount', 'inter', (i) => { i.ItemList[0].TotAmt = 1e308; }, 'SCHEMA', 'ItemList[0].TotAmt'],
];

const BASES: Record<Mutation[1], () => Any> = {
  intra: () => clone(cases.goods_item_with_ewaybill.request_data),
  inter: () => clone(INTER),
  service: () => clone(cases.service_item.request_data),
};

describe('each rule catches its broken variant', () => {
  test('precondition: the HSN used as unknown is not in the master', () => assert.ok(!isKnownHsn('01019999')));
  for (const [name, base, mutate, code, path, opts] of MUTATIONS) {
    test(`${name} → ${code} at ${path}`, () => {
      const inv = BASES[base]();
      mutate(inv);
      const issues = validateInvoice(inv, opts ?? (base === 'inter' ? REAL : SANDBOX));
      const hit = issues.find((i) => i.code === code && i.path === path);
      assert.ok(hit, `expected ${code}@${path}, got ${JSON.stringify(codesOf(issues))}`);
      assert.equal(hit.severity, 'error');
      assert.ok(hit.message.length > 10 && hit.hint && hit.hint.length > 5, 'message and hint');
      assert.ok(hasBlockingIssues(issues));
    });
  }
});

describe('warnings do not block', () => {
  test('unknown fields are reported as warnings', () => {
    const inv = clone(INTER);
    inv.Remarks = 'x';
    inv.SellerDtls.Fax = '123';
    const issues = validateInvoice(inv, REAL);
    assert.deepEqual(codesOf(issues), ['SCHEMA@SellerDtls.Fax', 'SCHEMA@Remarks']);
    assert.ok(issues.every((i) => i.severity === 'warning'));
    assert.equal(hasBlockingIssues(issues), false);
  });
  test('a goods item with a SAC code is flagged', () => {
    const inv = clone(INTER);
    inv.ItemList[1].IsServc = 'N';
    inv.ItemList[1].Qty = 1;
    inv.ItemList[1].Unit = 'NOS';
    assert.deepEqual(codesOf(validateInvoice(inv, REAL)), ['HSN_SERVICE_MISMATCH@ItemList[1].IsServc']);
  });
  test('a credit note without the original invoice → 2191 as a warning (the IRP has registered such notes)', () => {
    const inv = clone(cases.goods_item_with_ewaybill.request_data);
    inv.DocDtls.Typ = 'CRN';
    delete inv.EwbDtls;
    const issues = validateInvoice(inv, SANDBOX);
    assert.deepEqual(codesOf(issues), ['2191@RefDtls.PrecDocDtls']);
    assert.equal(issues[0].severity, 'warning');
    assert.equal(hasBlockingIssues(issues), false);
  });
  test('checkHsn: false skips the HSN master', () => {
    const inv = clone(INTER);
    inv.ItemList[0].HsnCd = '01019999';
    assert.deepEqual(validateInvoice(inv, { ...REAL, checkHsn: false }), []);
  });
});

describe('one mistake gives one issue, not a cascade', () => {
  test('a wrongly typed amount does not also break the totals', () => {
    const inv = clone(INTER);
    inv.ItemList[0].IgstAmt = '900';
    assert.deepEqual(codesOf(errorsOf(validateInvoice(inv, REAL))), ['SCHEMA@ItemList[0].IgstAmt']);
  });
});

describe('never throws', () => {
  const garbage: unknown[] = [
    undefined, null, 0, -0, NaN, Infinity, 'x', '', [], [[]], true, () => 1, Symbol('s'), 10n,
    { ItemList: null }, { ItemList: [null, 1, 'a', []] }, { ItemList: { length: 5 } },
    { ValDtls: { TotInvVal: -0, AssVal: 1e308, Discount: Infinity } },
    JSON.parse('{"__proto__": {"Version": "1.1"}, "constructor": {"prototype": 1}, "SellerDtls": {"__proto__": null}}'),
    { Version: 'x'.repeat(5_000_000) },
    { ItemList: Array.from({ length: 50_000 }, () => ({})) },
  ];
  for (const [i, g] of garbage.entries()) {
    test(`garbage #${i}`, () => {
      const issues = validateInvoice(g, SANDBOX);
      assert.ok(Array.isArray(issues));
      assert.ok(issues.length > 0);
      assert.ok(issues.length <= 501);
    });
  }
  test('deeply nested values', () => {
    let deep: Any = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.x = {};
    const inv = clone(INTER);
    inv.Extra = root;
    inv.ItemList[0].BchDtls = { Nm: root };
    const issues = validateInvoice(inv, REAL);
    assert.ok(issues.some((i) => i.path === 'ItemList[0].BchDtls.Nm' && i.severity === 'error'));
  });
  test('getters that throw are reported, not thrown', () => {
    const inv = clone(INTER);
    Object.defineProperty(inv.SellerDtls, 'Gstin', { enumerable: true, get() { throw new Error('boom'); } });
    const issues = validateInvoice(inv, REAL);
    assert.ok(issues.some((i) => i.code === 'INTERNAL'));
  });
  test('property: any JSON value, and the valid invoice with any field replaced', () => {
    const issueShape = (issues: ValidationIssue[]) => issues.every((i) =>
      typeof i.path === 'string' && typeof i.code === 'string' && typeof i.message === 'string' && (i.severity === 'error' || i.severity === 'warning'));
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (v) => {
      const issues = validateInvoice(v, SANDBOX);
      return Array.isArray(issues) && issueShape(issues);
    }), { numRuns: 100 });
    const paths = [['SellerDtls', 'Gstin'], ['BuyerDtls', 'Pos'], ['DocDtls', 'Dt'], ['ItemList', 0, 'Qty'], ['ItemList', 0], ['ValDtls', 'TotInvVal'], ['TranDtls'], ['ItemList'], ['ItemList', 1, 'HsnCd']];
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
      const inv = clone(INTER);
      let o = inv;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]] = value;
      const issues = validateInvoice(inv, REAL);
      return Array.isArray(issues) && issueShape(issues);
    }), { numRuns: 100 });
  });
});
