import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cancelTimeLeft, describeTimeLeft } from './cancel-window';

// 2026-11-20 10:00:00 IST is 04:30:00 UTC.
const ackDt = '2026-11-20 10:00:00';

test('an IRN acknowledged an hour ago can be cancelled for 23 more hours', () => {
  const left = cancelTimeLeft(ackDt, new Date('2026-11-20T05:30:00Z'));
  assert.equal(left, 23 * 3_600_000);
  assert.equal(describeTimeLeft(left), '23 h 0 min');
});

test('the window closes 24 hours after AckDt, read as IST', () => {
  assert.equal(cancelTimeLeft(ackDt, new Date('2026-11-21T04:29:59Z')), 1000);
  assert.equal(cancelTimeLeft(ackDt, new Date('2026-11-21T04:30:00Z')), 0);
});

test('an unreadable AckDt never offers cancellation', () => {
  assert.equal(cancelTimeLeft('20/11/2026', new Date('2026-11-20T05:00:00Z')), 0);
});
