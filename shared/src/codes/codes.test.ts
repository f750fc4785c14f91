import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { STATES, normalizeStateCode, stateName, isStateCode } from './states';
import { UNIT_CODES, isUnitCode } from './units';
import { GST_RATES, isGstRate } from './gst-rates';
import { normalizeSupplyType, isExportSupply } from './supply-types';
import { normalizeDocType } from './doc-types';
import { CANCEL_REASONS, isCancelReason } from './cancel-reasons';
import { isKnownHsn, isHsnInMaster, hsnMasterSize } from './hsn';
import { HSN_CODE_COUNT } from './hsn-data';

describe('state codes', () => {
  test('normalises and names', () => {
    assert.equal(normalizeStateCode('9'), '09');
    assert.equal(normalizeStateCode(9), '09');
    assert.equal(normalizeStateCode('29'), '29');
    assert.equal(normalizeStateCode('295'), null);
    assert.equal(normalizeStateCode('ab'), null);
    assert.equal(normalizeStateCode(9.5), null);
    assert.equal(stateName('9'), 'Uttar Pradesh');
    assert.equal(stateName('29'), 'Karnataka');
    assert.equal(stateName('96'), 'Other Country');
    assert.equal(stateName('28'), null);
    assert.equal(stateName('constructor'), null);
    assert.ok(isStateCode('37') && !isStateCode('00') && !isStateCode('40'));
    assert.equal(Object.keys(STATES).length, 40);
  });
});

describe('code lists', () => {
  test('units', () => {
    assert.ok(UNIT_CODES.has('NOS') && UNIT_CODES.has('YDS'));
    assert.ok(isUnitCode('kgs'));
    assert.ok(!isUnitCode('KG') && !isUnitCode('PIECES'));
  });
  test('GST rates include the newer 6 and 40', () => {
    for (const r of [0, 0.1, 0.25, 0.5, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40]) assert.ok(isGstRate(r), String(r));
    for (const r of [9, 14, 2.5, 100, NaN, Infinity, -5]) assert.ok(!isGstRate(r), String(r));
    assert.equal(GST_RATES.length, 14);
  });
  test('supply and document types are case-insensitive', () => {
    assert.equal(normalizeSupplyType('b2b'), 'B2B');
    assert.equal(normalizeSupplyType('B2C'), null);
    assert.ok(isExportSupply('expwop') && !isExportSupply('SEZWP'));
    assert.equal(normalizeDocType('inv'), 'INV');
    assert.equal(normalizeDocType('BILL'), null);
  });
  test('cancel reasons are the IRN ones', () => {
    assert.equal(CANCEL_REASONS['1'], 'Duplicate');
    assert.equal(CANCEL_REASONS['2'], 'Data entry mistake');
    assert.ok(isCancelReason('4') && !isCancelReason('5') && !isCancelReason(1));
  });
});

describe('HSN master', () => {
  test('holds all codes of the master', () => {
    assert.equal(hsnMasterSize(), HSN_CODE_COUNT);
    assert.equal(HSN_CODE_COUNT, 18687);
  });
  test('known codes of 4, 6 and 8 digits', () => {
    for (const c of ['0101', '1001', '6114', '611490', '61149090', '998431', '999900', '9983']) assert.ok(isKnownHsn(c), c);
  });
  test('an 8-digit code is known through its 6-digit subheading, not its 4-digit heading', () => {
    assert.ok(isHsnInMaster('611490') && !isHsnInMaster('61149099'));
    assert.ok(isKnownHsn('61149099'));
    assert.ok(isHsnInMaster('0101') && !isHsnInMaster('010199'));
    assert.ok(!isKnownHsn('01019999'));
  });
  test('unknown and malformed codes', () => {
    for (const c of ['0000', '123', '12345', '1234567', '123456789', '9A83', '', '0100']) assert.ok(!isKnownHsn(c), c);
    assert.ok(!isKnownHsn(null as unknown as string));
  });
});
