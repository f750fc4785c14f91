import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEwaybillFields } from './rules';

const now = new Date('2026-11-25T04:30:00Z');
const fields = (issues: ReturnType<typeof checkEwaybillFields>) => issues.map((i) => i.field);

test('road needs a vehicle number of 4–20 letters and digits and a vehicle type R or O', () => {
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '1', vehNo: 'ka 01-ab 1234', vehType: 'R' }, { now })), []);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '1', vehType: 'R' }, { now })), ['vehNo']);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '1', vehNo: 'KA/01', vehType: 'X' }, { now })), ['vehNo', 'vehType']);
});

test('a mode other than 1–4, or transport details without a mode, are refused; Part A alone (no mode) passes', () => {
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '9' }, { now })), ['transMode']);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, vehNo: 'KA01AB1234' }, { now })), ['transMode']);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transId: '29AAKCB2045P1Z7' }, { now })), []);
});

test('rail and air need a document number and date; ship a number or a vehicle; dates not in the future nor before the invoice', () => {
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '2' }, { now })), ['transDocNo', 'transDocDt']);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '4', vehNo: 'SHIP1234' }, { now })), []);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '3', transDocNo: 'AWB1', transDocDt: '01/12/2026' }, { now })), ['transDocDt']);
  assert.deepEqual(fields(checkEwaybillFields({ distance: 10, transMode: '3', transDocNo: 'AWB1', transDocDt: '20/11/2026' }, { now, invoiceDate: '24/11/2026' })), ['transDocDt']);
});

test('distance: a whole number of km from 0 to 4000', () => {
  for (const d of [-1, 4001, 10.5, Number.NaN]) assert.deepEqual(fields(checkEwaybillFields({ distance: d }, { now })), ['distance'], String(d));
  assert.deepEqual(fields(checkEwaybillFields({ distance: 0 }, { now })), []);
});
