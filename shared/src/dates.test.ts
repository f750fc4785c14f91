import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatIstDateTime, parseIstDateTime, parseDocDate, docDateToIsoDay, isoDayToDocDate, istToday,
  compareDocDateToToday, formatIstDocDate, daysBetweenDocDates, formatIstEwbDateTime,
} from './dates';

describe('IST date-times', () => {
  test('formats an instant in IST whatever the machine zone', () => {
    assert.equal(formatIstDateTime(new Date('2022-09-16T13:59:00Z')), '2022-09-16 19:29:00');
    // 20:00 UTC is already the next day in India.
    assert.equal(formatIstDateTime(new Date('2024-03-31T20:00:05Z')), '2024-04-01 01:30:05');
  });
  test('formats the e-way bill system\'s cancel date (12-hour clock, AM/PM) in IST', () => {
    assert.equal(formatIstEwbDateTime(new Date('2022-09-16T13:59:00Z')), '16/09/2022 07:29:00 PM');
    assert.equal(formatIstEwbDateTime(new Date('2024-03-31T18:35:05Z')), '01/04/2024 12:05:05 AM');
    assert.equal(formatIstEwbDateTime(new Date('2024-04-01T06:30:00Z')), '01/04/2024 12:00:00 PM');
  });
  test('parses IRP timestamps as IST and round-trips', () => {
    const d = parseIstDateTime('2022-09-16 19:29:00');
    assert.equal(d.toISOString(), '2022-09-16T13:59:00.000Z');
    assert.equal(formatIstDateTime(parseIstDateTime('2023-10-03 15:08:39')), '2023-10-03 15:08:39');
    assert.equal(parseIstDateTime('2022-09-16 19:29').toISOString(), '2022-09-16T13:59:00.000Z');
  });
  test('rejects malformed or impossible timestamps with an Error', () => {
    for (const s of ['', '2022-09-16', '16/09/2022 19:29:00', '2023-02-30 10:00:00', '2022-09-16 24:00:00', 'x'.repeat(10_000)]) {
      assert.throws(() => parseIstDateTime(s), Error, s.slice(0, 30));
    }
    assert.throws(() => parseIstDateTime(42 as unknown as string), Error);
  });
});

describe('document dates', () => {
  test('parses strict dd/mm/yyyy real calendar days', () => {
    assert.deepEqual(parseDocDate('12/11/2021'), { day: 12, month: 11, year: 2021 });
    assert.deepEqual(parseDocDate('29/02/2024'), { day: 29, month: 2, year: 2024 });
    for (const s of ['29/02/2023', '31/04/2024', '00/01/2024', '1/1/2024', '01-01-2024', '2024-01-01', '01/13/2024', ' 01/01/2024', '']) {
      assert.equal(parseDocDate(s), null, s);
    }
    assert.equal(parseDocDate(null as unknown as string), null);
  });
  test('converts between dd/mm/yyyy and ISO days', () => {
    assert.equal(docDateToIsoDay('05/04/2026'), '2026-04-05');
    assert.equal(docDateToIsoDay('31/02/2026'), null);
    assert.equal(isoDayToDocDate('2026-04-05'), '05/04/2026');
    assert.equal(isoDayToDocDate('2026-02-31'), null);
  });
  test('today in India, and the comparison to a document date', () => {
    const lateUtc = new Date('2024-03-31T19:00:00Z'); // 00:30 on 1 April in India
    assert.deepEqual(istToday(lateUtc), { day: 1, month: 4, year: 2024 });
    assert.equal(formatIstDocDate(lateUtc), '01/04/2024');
    assert.equal(compareDocDateToToday('01/04/2024', lateUtc), 0);
    assert.equal(compareDocDateToToday('31/03/2024', lateUtc), -1);
    assert.equal(compareDocDateToToday('02/04/2024', lateUtc), 1);
    assert.ok(Number.isNaN(compareDocDateToToday('2024-04-01', lateUtc)));
    assert.equal(daysBetweenDocDates('28/02/2024', '01/03/2024'), 2);
  });
});
