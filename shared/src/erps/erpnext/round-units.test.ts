/** Expected values checked against frappe.utils.data._bankers_rounding in the real bench (frappe 15.101.1). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { icRound } from './round';
import { gstUnit } from './units';

describe("icRound: Frappe's rounded() (banker's rounding, as a new v15 site's System Settings have it)", () => {
  test('an exact half goes to the even neighbour', () => {
    assert.equal(icRound(0.125, 2), 0.12);
    assert.equal(icRound(0.135, 2), 0.14);
    assert.equal(icRound(2.5, 0), 2);
    assert.equal(icRound(-0.125, 2), -0.12);
  });
  test('binary noise is cut first (2.675 is 2.67499… as a double, Frappe gives 2.68)', () => {
    assert.equal(icRound(2.675, 2), 2.68);
    assert.equal(icRound(1.005, 2), 1);
  });
  test('otherwise the nearest value; no -0', () => {
    assert.equal(icRound(16.875000001, 2), 16.88);
    assert.equal(icRound(123.4567, 3), 123.457);
    assert.ok(Object.is(icRound(-0.001, 2), 0));
  });
});

describe("gstUnit: India Compliance's get_gst_uom order", () => {
  const map = [{ uom: 'IRNB Sack', gst_uom: 'BAG (Bags)' }, { uom: 'Nos', gst_uom: 'NOS (Numbers)' }];
  test("the user's map first", () => assert.equal(gstUnit('IRNB Sack', map), 'BAG'));
  test('then a UOM that is a code, then one named like a code', () => {
    assert.equal(gstUnit('box', []), 'BOX');
    assert.equal(gstUnit('Numbers', []), 'NOS');
  });
  test('a common spelling India Compliance would send as OTH (deliberate), and OTH for the rest', () => {
    assert.equal(gstUnit('Kg', []), 'KGS');
    assert.equal(gstUnit('Sack of 40', []), 'OTH');
  });
});
