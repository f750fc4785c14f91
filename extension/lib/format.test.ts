import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatQty, formatRupees, rupeesInText } from './format';

test('rupees: Indian grouping, two decimals, one format', () => {
  assert.equal(formatRupees(47064), '₹ 47,064.00');
  assert.equal(formatRupees(1234567.891), '₹ 12,34,567.89');
  assert.equal(formatRupees(-0.08), '−₹ 0.08');
});

test('amounts inside validator sentences become rupees; rates and codes do not', () => {
  assert.equal(rupeesInText('The invoice total 47063.92 is not (46064.00).'), 'The invoice total ₹ 47,063.92 is not (₹ 46,064.00).');
  assert.equal(rupeesInText('HSN code 09103920 at 18% and 12.50%'), 'HSN code 09103920 at 18% and 12.50%');
});

test('quantities keep the ERP\'s decimals', () => {
  assert.equal(formatQty(120, 'KGS'), '120 KGS');
  assert.equal(formatQty(1.5), '1.5');
});
