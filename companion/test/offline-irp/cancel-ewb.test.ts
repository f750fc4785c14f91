import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIrpError, type IrpError, type IrpSession } from '../../src/irp';
import { makeInvoice, SELLER_GSTIN } from '../support/invoices';
import { startTestIrp, type TestIrp } from '../support/offline-irp';

let t: TestIrp;
before(async () => {
  t = await startTestIrp();
});
after(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const rejection = (p: Promise<unknown>) => p.then(() => assert.fail('expected an IrpError'), (e) => {
  assert.ok(isIrpError(e), `expected an IrpError, got ${e}`);
  return e as IrpError;
});
const road = { Distance: 420, TransMode: '1', VehNo: 'KA01AB1234', VehType: 'R' };

/** The sandbox-only EWB cancel, through the generic post. */
function cancelEwb(s: IrpSession, ewbNo: number) {
  return s.post<{ ewayBillNo: string; cancelDate: string }>('/ewayapi', { ewbNo, cancelRsnCode: 2, cancelRmrk: 'Order cancelled' });
}

describe('cancel IRN', () => {
  test('cancels within 24 hours; cancelling again gives 9999; the IRN then reads CNL', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const { data } = await s.cancelIrn({ irn: gen.data.Irn, reason: '2', remark: 'Data entry mistake' });
    assert.equal(data.Irn, gen.data.Irn);
    assert.match(data.CancelDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.deepEqual((await rejection(s.cancelIrn({ irn: gen.data.Irn, reason: 2, remark: 'again' }))).codes, ['9999']);
    assert.equal((await s.getByIrn(gen.data.Irn)).data.Status, 'CNL');
  });

  test('a cancelled document number cannot be registered again', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const gen = await s.generateIrn(inv);
    await s.cancelIrn({ irn: gen.data.Irn, reason: '1', remark: 'Duplicate' });
    assert.deepEqual((await rejection(s.generateIrn(inv))).codes, ['2150']);
  });

  test('after 24 hours the IRN cannot be cancelled (2270)', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    try {
      t.irp.clock.advance(25 * HOUR);
      const e = await rejection(s.cancelIrn({ irn: gen.data.Irn, reason: '3', remark: 'late' }));
      assert.deepEqual(e.codes, ['2270']);
      assert.equal(s.stats.authCalls, 2, 'the expired token was refreshed on the way');
    } finally {
      t.irp.clock.reset();
    }
  });

  test('invalid requests: bad reason or long remark (2140), malformed IRN (2145), unknown IRN (2154), someone else\'s (2143)', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const bad = await rejection(s.cancelIrn({ irn: gen.data.Irn, reason: '5' as '1', remark: 'x'.repeat(101) }));
    assert.deepEqual(bad.codes, ['2140', '2140']);
    assert.deepEqual((await rejection(s.cancelIrn({ irn: 'not-an-irn', reason: '1', remark: '' }))).codes, ['2145']);
    assert.deepEqual((await rejection(s.cancelIrn({ irn: 'f'.repeat(64), reason: '1', remark: '' }))).codes, ['2154']);
    const other = t.session({ gstin: '37AAGCR5310M1Z6' });
    assert.deepEqual((await rejection(other.cancelIrn({ irn: gen.data.Irn, reason: '1', remark: '' }))).codes, ['2143']);
  });

  test('lower-case body keys are accepted (Cnlrsn, cnlrem)', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const { data } = await s.post<{ Irn: string }>('/eicore/v1.03/Invoice/Cancel', { irn: gen.data.Irn, Cnlrsn: '4', cnlrem: 'Others' });
    assert.equal(data.Irn, gen.data.Irn);
  });
});

describe('e-way bills by IRN', () => {
  test('generate, read back, refuse a second one (4002); the IRN cannot be cancelled (2230) until the EWB is', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const ewb = await s.generateEwbByIrn({ Irn: gen.data.Irn, ...road });
    assert.match(String(ewb.data.EwbNo), /^\d{12}$/);
    assert.match(ewb.data.EwbValidTill ?? '', / 23:59:00$/);
    assert.equal(ewb.info, null);

    const details = await s.getEwbByIrn(gen.data.Irn);
    assert.deepEqual(details.data, { EwbNo: ewb.data.EwbNo, Status: 'ACT', GenGstin: SELLER_GSTIN, EwbDt: ewb.data.EwbDt, EwbValidTill: ewb.data.EwbValidTill });
    assert.equal((await s.getByIrn(gen.data.Irn)).data.EwbNo, ewb.data.EwbNo);

    assert.deepEqual((await rejection(s.generateEwbByIrn({ Irn: gen.data.Irn, ...road }))).codes, ['4002']);
    assert.deepEqual((await rejection(s.cancelIrn({ irn: gen.data.Irn, reason: '3', remark: 'Order cancelled' }))).codes, ['2230']);

    const cancelled = await cancelEwb(s, ewb.data.EwbNo);
    assert.equal(cancelled.data.ewayBillNo, String(ewb.data.EwbNo));
    assert.match(cancelled.data.cancelDate, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} (AM|PM)$/);
    assert.equal((await s.getEwbByIrn(gen.data.Irn)).data.Status, 'CNL');
    assert.equal((await s.cancelIrn({ irn: gen.data.Irn, reason: '3', remark: 'Order cancelled' })).data.Irn, gen.data.Irn);
    assert.deepEqual((await rejection(s.generateEwbByIrn({ Irn: gen.data.Irn, ...road }))).codes, ['4000'], 'no EWB for a cancelled IRN');
  });

  test('validity: one day per 200 km, ending 23:59 IST; Part A only (transporter id) has no validity', async () => {
    const s = t.session();
    try {
      t.irp.clock.set(new Date('2025-09-16T13:59:00Z')); // 19:29 IST
      const inv = makeInvoice({ now: t.irp.clock.now() });
      const gen = await s.generateIrn(inv);
      const ewb = await s.generateEwbByIrn({ Irn: gen.data.Irn, ...road, Distance: 2467 });
      assert.equal(ewb.data.EwbDt, '2025-09-16 19:29:00');
      assert.equal(ewb.data.EwbValidTill, '2025-09-29 23:59:00');

      const gen2 = await s.generateIrn(makeInvoice({ now: t.irp.clock.now() }));
      const partA = await s.generateEwbByIrn({ Irn: gen2.data.Irn, Distance: 100, TransId: '29AAKCB2045P1Z7' });
      assert.equal(partA.data.EwbValidTill, null);
    } finally {
      t.irp.clock.reset();
    }
  });

  test('distance 0 is computed from the PIN codes and reported as EWBPPD', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const ewb = await s.generateEwbByIrn({ Irn: gen.data.Irn, ...road, Distance: 0 });
    assert.match((ewb.info?.[0] as { InfCd: string; Desc: string }).Desc, /^Pin-Pin calc distance: \d+KM$/);
  });

  test('refusals: credit note (4010), services only (4009), missing vehicle (4011), unknown IRN (4003), nothing to read (4005)', async () => {
    const s = t.session();
    const crn = await s.generateIrn(makeInvoice({ docType: 'CRN' }));
    assert.ok((await rejection(s.generateEwbByIrn({ Irn: crn.data.Irn, ...road }))).codes.includes('4010'));
    const svc = await s.generateIrn(makeInvoice({ servicesOnly: true }));
    assert.ok((await rejection(s.generateEwbByIrn({ Irn: svc.data.Irn, ...road }))).codes.includes('4009'));
    const goods = await s.generateIrn(makeInvoice());
    assert.deepEqual((await rejection(s.generateEwbByIrn({ Irn: goods.data.Irn, Distance: 50, TransMode: '1', VehType: 'R' }))).codes, ['4011']);
    assert.deepEqual((await rejection(s.generateEwbByIrn({ Irn: 'a'.repeat(64), ...road }))).codes, ['4003']);
    assert.deepEqual((await rejection(s.getEwbByIrn(goods.data.Irn))).codes, ['4005']);
  });

  test('cancel e-way bill: reason 1-4 (307), remark 1-50 characters (308), own active bill only (312), within 24 hours (315)', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    const ewb = await s.generateEwbByIrn({ Irn: gen.data.Irn, ...road });
    const post = (body: Record<string, unknown>, session = s) => session.post<{ ewayBillNo: string; cancelDate: string }>('/ewayapi', body);
    const no = ewb.data.EwbNo;
    assert.deepEqual((await rejection(post({ ewbNo: no, cancelRsnCode: 5, cancelRmrk: 'x' }))).codes, ['307']);
    assert.deepEqual((await rejection(post({ ewbNo: no, cancelRsnCode: 2, cancelRmrk: '' }))).codes, ['308']);
    assert.deepEqual((await rejection(post({ ewbNo: no, cancelRsnCode: 0, cancelRmrk: 'y'.repeat(51) }))).codes, ['307', '308']);
    assert.deepEqual((await rejection(post({ ewbNo: 999999999999, cancelRsnCode: 2, cancelRmrk: 'Order cancelled' }))).codes, ['4007']);
    const other = t.session({ gstin: '37AAGCR5310M1Z6' });
    assert.deepEqual((await rejection(post({ ewbNo: no, cancelRsnCode: 2, cancelRmrk: 'Order cancelled' }, other))).codes, ['312']);
    assert.equal((await s.getEwbByIrn(gen.data.Irn)).data.Status, 'ACT', 'a refused cancel changes nothing');
    const done = await post({ ewbNo: no, cancelRsnCode: 2, cancelRmrk: 'y'.repeat(50) });
    assert.equal(done.data.ewayBillNo, String(no));
    assert.deepEqual((await rejection(post({ ewbNo: no, cancelRsnCode: 2, cancelRmrk: 'again' }))).codes, ['312'], 'cancelled already');

    const gen2 = await s.generateIrn(makeInvoice());
    const ewb2 = await s.generateEwbByIrn({ Irn: gen2.data.Irn, ...road });
    try {
      t.irp.clock.advance(24 * HOUR + 60_000);
      assert.deepEqual((await rejection(post({ ewbNo: ewb2.data.EwbNo, cancelRsnCode: 1, cancelRmrk: 'Duplicate' }))).codes, ['315']);
      assert.equal((await s.getEwbByIrn(gen2.data.Irn)).data.Status, 'ACT');
    } finally {
      t.irp.clock.reset();
    }
  });

  test('a buyer blocked for e-way bills (BlkStatus B) gets 4015', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice({ buyerGstin: '07AAGCB9012L1ZK' }));
    assert.deepEqual((await rejection(s.generateEwbByIrn({ Irn: gen.data.Irn, ...road }))).codes, ['4015']);
  });
});
