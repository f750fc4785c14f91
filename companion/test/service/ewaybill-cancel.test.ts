/** POST /v1/einvoices/{irn}/ewaybill/cancel over real HTTP against an offline IRP: the e-way bill first, then the IRN. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice } from '../support/invoices';
import { startCompanionRig, type CompanionRig } from './helpers';

const road = { distance: 420, transMode: '1', vehNo: 'KA01AB1234', vehType: 'R' };

describe('cancel an e-way bill', () => {
  let rig: CompanionRig;
  before(async () => { rig = await startCompanionRig(); });
  after(async () => { await rig.close(); });

  const registerWithEwb = async () => {
    const gen = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice(), source: { erp: 'erpnext', url: 'http://localhost:8001/app/sales-invoice/X-1', ref: 'X-1' } } });
    assert.equal(gen.status, 200, gen.text);
    const ewb = await rig.c.api(routes.ewaybill(gen.body.irn), { body: road });
    assert.equal(ewb.status, 200, ewb.text);
    return { irn: gen.body.irn as string, ewbNo: ewb.body.ewbNo as string };
  };

  test('cancels the e-way bill, the ledger shows it, then the IRN can be cancelled; a second cancel is refused without an IRP call', async () => {
    const { irn, ewbNo } = await registerWithEwb();
    const blocked = await rig.c.api(routes.cancel(irn), { body: { reason: '3', remark: 'Order cancelled' } });
    assert.equal(blocked.status, 422);
    assert.deepEqual(blocked.body.error.irp.codes, ['2230']);
    assert.match(blocked.body.error.hint, /Cancel e-way bill/);

    const res = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: 2, remark: 'Order cancelled' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual({ ...res.body, cancelDate: undefined }, { irn, ewbNo, status: 'CNL', cancelDate: undefined });
    assert.match(res.body.cancelDate, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} (AM|PM)$/);

    const got = await rig.c.api(routes.einvoice(irn));
    assert.equal(got.body.ewbNo, ewbNo, 'the number stays, for the record');
    assert.equal(got.body.ewbCancelDate, res.body.cancelDate);
    const list = await rig.c.api(`${routes.einvoices}?q=${irn}`);
    assert.equal(list.body.entries[0].ewbCancelDate, res.body.cancelDate);
    assert.deepEqual(list.body.entries[0].source, { erp: 'erpnext', url: 'http://localhost:8001/app/sales-invoice/X-1', ref: 'X-1' });

    const sent = rig.irp.irp.counters.requests;
    const again = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '2', remark: 'again' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_CANCELLED');
    assert.match(again.body.error.message, new RegExp(`e-way bill ${ewbNo}`));
    assert.equal(rig.irp.irp.counters.requests, sent, 'no IRP call');

    const cancel = await rig.c.api(routes.cancel(irn), { body: { reason: '3', remark: 'Order cancelled' } });
    assert.equal(cancel.status, 200, cancel.text);
  });

  test('refusals name the field or the rule: reason, remark, no e-way bill, more than 24 hours', async () => {
    const { irn } = await registerWithEwb();
    const badReason = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '7', remark: 'x' } });
    assert.equal(badReason.status, 400);
    assert.match(badReason.body.error.message, /"reason" must be 1 \(duplicate\), 2 \(order cancelled\)/);
    const longRemark = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '2', remark: 'x'.repeat(51) } });
    assert.equal(longRemark.status, 400);
    assert.match(longRemark.body.error.message, /"remark" is longer than 50 characters/);
    const blank = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '2', remark: '\u0000\u202e ' } });
    assert.equal(blank.status, 400);

    const plain = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    const none = await rig.c.api(routes.ewaybillCancel(plain.body.irn), { body: { reason: '2', remark: 'Order cancelled' } });
    assert.equal(none.status, 404, none.text);
    assert.match(none.body.error.message, /has no e-way bill/);

    try {
      rig.irp.irp.clock.advance(25 * 3_600_000);
      const late = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '2', remark: 'Order cancelled' } });
      assert.equal(late.status, 422, late.text);
      assert.deepEqual(late.body.error.irp.codes, ['315']);
      assert.match(late.body.error.message, /more than 24 hours old/);
    } finally {
      rig.irp.irp.clock.reset();
    }
    assert.equal((await rig.c.api(routes.einvoice(irn))).body.ewbCancelDate, null, 'nothing recorded');
  });

  test('on a production profile the companion says to use the e-way bill portal, without calling anything', async () => {
    const { cancelEwaybill } = await import('../../src/ledger/ewaybill-cancel');
    const ledger = rig.c.running.companion.ctx.ledger;
    await assert.rejects(cancelEwaybill({ ledger, sessionFor: () => assert.fail('no IRP session') }, { kind: 'production', name: 'prod' } as never, 'a'.repeat(64), { reason: '2', remark: 'x' }),
      (e: Error & { code?: string; details?: { hint?: string } }) => e.code === 'IRP_REJECTED' && /e-way bill portal/.test(e.details?.hint ?? ''));
  });

  test('an e-way bill cancelled at the IRP but not in the ledger (lost answer): 312 is settled by asking, and recorded', async () => {
    const { irn, ewbNo } = await registerWithEwb();
    await rig.irp.session().post('/ewayapi', { ewbNo: Number(ewbNo), cancelRsnCode: 2, cancelRmrk: 'elsewhere' });
    const res = await rig.c.api(routes.ewaybillCancel(irn), { body: { reason: '2', remark: 'Order cancelled' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'CNL');
    assert.ok((await rig.c.api(routes.einvoice(irn))).body.ewbCancelDate);
  });
});
