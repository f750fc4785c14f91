import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LedgerEntry } from '@irn-bridge/shared/api/contract';
import { historyCsv, oneDateFormat } from './export';

const entry: LedgerEntry = {
  id: 1, state: 'generated', profile: 'demo',
  document: { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType: 'INV', docNo: 'ASW/26/45', docDate: '05/11/2026' },
  irn: 'a'.repeat(64), ackNo: '112610000000001', ackDt: '2026-11-05 14:03:09', buyerGstin: '27AAACS8577K1ZR', totalValue: 46064,
  recovered: false, ewbNo: '171000000001', cancelDate: null, lastError: null, createdAt: '', updatedAt: '',
  ewbDt: '2026-11-05 15:00:00', ewbValidTill: '2026-11-07 23:59:00', ewbCancelDate: '05/11/2026 03:10:00 PM',
  buyerName: '=Shree "Spice", Traders', amounts: { assVal: 43870.4, igst: 0, cgst: 1096.76, sgst: 1096.76, cess: 0, other: 0, roundOff: 0.08 },
  source: { url: 'http://localhost:8001/app/sales-invoice/ASW-26-00045' },
};

test('one date format: dd/mm/yyyy, with a 24-hour time where the IRP gives one', () => {
  assert.equal(oneDateFormat('2026-11-05 14:03:09'), '05/11/2026 14:03:09');
  assert.equal(oneDateFormat('05/11/2026 03:10:00 PM'), '05/11/2026 15:10:00');
  assert.equal(oneDateFormat('05/11/2026 12:05:00 AM'), '05/11/2026 00:05:00');
  assert.equal(oneDateFormat(null), '');
});

test('the CSV carries the buyer, the taxable value and each tax, quoted and formula-safe', () => {
  const [header, row, end] = historyCsv([entry]).split('\r\n');
  assert.equal(end, '');
  assert.match(header, /^Document date,Type,Number,Buyer name,Buyer GSTIN,Taxable value,IGST,CGST,SGST,Cess,/);
  assert.equal(row, `05/11/2026,INV,ASW/26/45,"'=Shree ""Spice"", Traders",27AAACS8577K1ZR,43870.4,0,1096.76,1096.76,0,0,0.08,46064,Registered,${'a'.repeat(64)},`
    + `112610000000001,05/11/2026 14:03:09,,171000000001,05/11/2026 15:00:00,07/11/2026 23:59:00,Cancelled,05/11/2026 15:10:00,29AAHCA4821K1ZH,`
    + 'http://localhost:8001/app/sales-invoice/ASW-26-00045');
});
