import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { describeIrpError, isRetryableIrpError, IRP_ERROR_CATALOGUE } from './errors';

describe('IRP error catalogue', () => {
  test('covers the documented codes, each with a message and a hint', () => {
    const mustHave = ['1004', '1005', '1015', '2143', '2150', '2172', '2174', '2176', '2177', '2189', '2191', '2210', '2211',
      '2227', '2233', '2240', '2258', '2265', '2270', '2283', '3029', '4002', '4040', '5001', 'SYS_5001', '9999'];
    for (const c of mustHave) assert.ok(IRP_ERROR_CATALOGUE[c], c);
    for (let c = 4000; c <= 4040; c++) assert.ok(IRP_ERROR_CATALOGUE[String(c)], String(c));
    for (let c = 2182; c <= 2194; c++) assert.ok(IRP_ERROR_CATALOGUE[String(c)], String(c));
    for (const [code, e] of Object.entries(IRP_ERROR_CATALOGUE)) {
      assert.ok(e.irpMessage.length > 3 && e.message.length > 10 && e.hint.length > 5, code);
      assert.ok(!e.message.includes('{0}') && !e.hint.includes('{0}'), code);
    }
  });
  test('retryable codes are exactly the transient ones', () => {
    const retryable = Object.entries(IRP_ERROR_CATALOGUE).filter(([, e]) => e.retryable).map(([c]) => c).sort();
    assert.deepEqual(retryable, ['1005', '2146', '2147', '3020', '3043', '5001', 'SYS_5001']);
    assert.equal(IRP_ERROR_CATALOGUE['1005'].reauth, true);
    assert.ok(isRetryableIrpError('2146') && !isRetryableIrpError('2150') && !isRetryableIrpError('nope'));
  });
});

describe('describeIrpError', () => {
  test('known code: our sentence, the IRP text as received', () => {
    const d = describeIrpError('2176', 'Invalid HSN code(s)-01019999');
    assert.equal(d.code, '2176');
    assert.equal(d.irpMessage, 'Invalid HSN code(s)-01019999');
    assert.match(d.message, /HSN/);
    assert.equal(d.retryable, false);
  });
  test('known code without text falls back to the catalogue text', () => {
    assert.equal(describeIrpError('2150').irpMessage, 'Duplicate IRN');
    assert.deepEqual(describeIrpError('1005'), { ...describeIrpError('1005', 'Invalid Token'), irpMessage: 'Invalid Token' });
    assert.equal(describeIrpError('1005').reauth, true);
  });
  test('unknown code: generic sentence that shows the IRP text', () => {
    const d = describeIrpError('2999', 'Something new');
    assert.match(d.message, /2999/);
    assert.match(d.message, /Something new/);
    assert.equal(d.retryable, false);
    assert.ok(d.hint.length > 10);
  });
  test('odd input', () => {
    assert.equal(describeIrpError('constructor').retryable, false);
    assert.match(describeIrpError('constructor').message, /constructor/);
    assert.ok(describeIrpError('1', 'x'.repeat(10_000)).irpMessage.length <= 500);
    assert.match(describeIrpError(undefined as unknown as string).message, /without a code/);
  });
});
