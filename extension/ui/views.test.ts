/** The panel's views without a browser (linkedom): dead ends, ERP words, the breakdown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { erpnextPageUi } from '@irn-bridge/shared/erps/erpnext/page-ui';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { fromApiError } from '../lib/api-error';
import { breakdown, totalsDifferences } from './breakdown';
import { issueText } from './issues-view';
import { errorView, resultView } from './views';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const testids = (el: Element) => Array.from(el.querySelectorAll('[data-testid]')).map((e) => e.getAttribute('data-testid'));

test('an IRP refusal that cannot pass (2230) offers Back, not Try again; a temporary one offers both', () => {
  // As the background's companion client makes them (lib/api-error.ts decides `retryable` from the catalogue).
  const refused = errorView(document, fromApiError({ error: { code: 'IRP_REJECTED', message: 'The IRN has an active e-way bill.', irp: { codes: ['2230'], messages: [] } } }, 422), () => {}, () => {});
  assert.deepEqual(testids(refused).filter((t) => t === 'irn-retry' || t === 'irn-error-back'), ['irn-error-back']);
  const busy = errorView(document, fromApiError({ error: { code: 'IRP_UNAVAILABLE', message: 'The IRP had a temporary problem.', irp: { codes: ['3043'], messages: [] } } }, 503), () => {}, () => {});
  assert.deepEqual(testids(busy).filter((t) => t === 'irn-retry' || t === 'irn-error-back'), ['irn-error-back', 'irn-retry']);
});

const result = (over: Partial<EInvoiceResult>): EInvoiceResult => ({
  irn: 'a'.repeat(64), ackNo: '112600000000001', ackDt: '2099-01-01 10:00:00', status: 'ACT', signedInvoice: 'x', signedQrCode: 'QR-TEXT', qr: null,
  document: { docType: 'INV', docNo: 'ASW-26-00042', docDate: '20/11/2026' }, buyerGstin: null, totalValue: 1, profile: { name: 'demo', kind: 'offline', demo: true }, ...over,
} as EInvoiceResult);

test('a cancelled IRN shows no QR, no copy and no "Already registered"; an active e-way bill offers no Cancel IRN', () => {
  const cancelled = resultView(document, result({ status: 'CNL', fromLedger: true, cancelDate: '2026-11-21 10:00:00' }), null, { onCancel: () => {} });
  assert.equal(testids(cancelled).some((t) => /^irn-qr|copy$/.test(t ?? '')), false);
  assert.doesNotMatch(cancelled.textContent ?? '', /Already registered/);
  const withEwb = resultView(document, result({ ewbNo: '171000000001' }), null, { onCancel: () => {} }, new Date('2099-01-01T06:00:00Z'));
  assert.equal(testids(withEwb).includes('irn-cancel-open'), false);
  assert.match(withEwb.querySelector('[data-testid="irn-cancel-blocked"]')?.textContent ?? '', /EWB No 171000000001/);
});

test("an HSN issue names ERPNext's item and says where ERPNext sets it; the path and code stay as details", () => {
  const t = issueText(
    { path: 'ItemList[0].HsnCd', code: '2176', severity: 'error', message: 'Item 1 (Sl. No. 1, HSN 09103920): HSN code 09103920 is not in the HSN/SAC master.', hint: 'Check the HSN code.' },
    { erp: 'ERPNext', lines: [{ label: 'TURMERIC-1KG', href: 'http://erp/app/item/TURMERIC-1KG' }], customer: null, fixFor: erpnextPageUi.fixFor },
  );
  assert.equal(t.sentence, 'TURMERIC-1KG (row 1): HSN code 09103920 is not in the HSN/SAC master.');
  assert.match(t.fix, /Item › HSN\/SAC/);
  assert.match(t.details, /^ItemList\[0\]\.HsnCd · IRP code 2176 — IRP's fix: Check the HSN code\.$/);
});

test('the breakdown is the INV-01 ValDtls; a different ERP total is named', () => {
  const inv = {
    SellerDtls: { Stcd: '29' }, BuyerDtls: { Pos: '37' }, TranDtls: { RegRev: 'N' },
    ValDtls: { AssVal: 100, IgstVal: 18, CgstVal: 0, SgstVal: 0, CesVal: 0, OthChrg: 0, RndOffAmt: 0.2, TotInvVal: 118.2 },
    ItemList: [{ SlNo: '1', HsnCd: '09103020', Qty: 1, Unit: 'NOS', UnitPrice: 100, AssAmt: 100, GstRt: 18, IgstAmt: 18, TotItemVal: 118 }],
  } as unknown as Inv01Invoice;
  const b = breakdown(inv);
  assert.equal(b.igstSupply, true);
  assert.equal(b.placeOfSupply, '37 · Andhra Pradesh');
  assert.deepEqual(b.lines.map((l) => l.tax), [18]);
  assert.deepEqual(totalsDifferences(b, { grandTotal: 118, taxableTotal: 100, taxTotal: 18, roundOff: 0, currency: 'INR' }), [{ what: 'total', erp: 118, irp: 118.2 }]);
});

test('an inactive GSTIN (3076) is named: whose it is, from the invoice', async () => {
  const { nameGstinInError } = await import('./gstin-error');
  const inv = { SellerDtls: { Gstin: '29AAHCA4821K1ZH' }, BuyerDtls: { Gstin: '37AAGCR5310M1Z6', LglNm: 'Rangoli Foods' } } as unknown as Inv01Invoice;
  const e = nameGstinInError({ code: 'IRP_REJECTED', message: 'The GSTIN is inactive.', irp: { codes: ['3076'], messages: ['GSTIN - 37AAGCR5310M1Z6 is inactive'] } }, inv, 'Rangoli Foods Private Limited');
  assert.equal(e.message, "The GSTIN is inactive: the customer Rangoli Foods Private Limited's GSTIN 37AAGCR5310M1Z6.");
  const unknown = nameGstinInError({ code: 'IRP_REJECTED', message: 'The GSTIN is inactive.', irp: { codes: ['3029'], messages: [] } }, inv, null);
  assert.match(unknown.message, /seller 29AAHCA4821K1ZH, buyer 37AAGCR5310M1Z6/);
});
