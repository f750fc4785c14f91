import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { computeIrn } from '@irn-bridge/shared/irn';
import { isIrpError, type IrpError } from '../../src/irp';
import { makeInvoice, SELLER_GSTIN, BUYER_GSTIN } from '../support/invoices';
import { startTestIrp, type TestIrp } from '../support/offline-irp';

let t: TestIrp;
before(async () => {
  t = await startTestIrp();
});
after(async () => {
  await t.close();
});

async function verified(token: string) {
  const { payload } = await compactVerify(token, createPublicKey(t.irp.signingPublicKeyPem));
  const outer = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(typeof outer.data, 'string', 'data is a JSON string, not an object');
  assert.equal(outer.iss, 'NIC Sandbox');
  return { header: decodeProtectedHeader(token), data: JSON.parse(outer.data) };
}

const rejection = (p: Promise<unknown>) => p.then(() => assert.fail('expected an IrpError'), (e) => {
  assert.ok(isIrpError(e), `expected an IrpError, got ${e}`);
  return e as IrpError;
});

describe('generate IRN', () => {
  test('registers a valid invoice: IRN, AckNo, AckDt and signed outputs as NIC lays them out', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const before = t.irp.counters.registrations;
    const { data, info } = await s.generateIrn(inv);
    assert.equal(t.irp.counters.registrations - before, 1);
    assert.equal(info, null);
    assert.equal(data.Irn, await computeIrn({ sellerGstin: SELLER_GSTIN, docDate: inv.DocDtls.Dt, docType: 'INV', docNo: inv.DocDtls.No }));
    assert.equal(typeof data.AckNo, 'number');
    assert.match(String(data.AckNo), /^\d{15}$/);
    const ackDt = data.AckDt;
    assert.match(ackDt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(String(data.AckNo).slice(2, 4), ackDt.slice(2, 4), 'digits 3-4 of AckNo are the 2-digit year');
    assert.ok(Math.abs(new Date(ackDt.replace(' ', 'T') + '+05:30').getTime() - t.irp.clock.now().getTime()) < 5000, 'AckDt is now, in IST');
    assert.equal(data.Status, 'ACT');
    assert.equal(data.EwbNo, null);

    const qr = await verified(data.SignedQRCode);
    assert.deepEqual(qr.header, { alg: 'RS256', kid: t.irp.signingKid, typ: 'JWT', x5t: t.irp.signingX5t });
    assert.match(t.irp.signingKid, /^[0-9A-F]{40}$/);
    assert.equal(Buffer.from(t.irp.signingX5t, 'base64url').toString('hex').toUpperCase(), t.irp.signingKid);
    assert.deepEqual(Object.keys(qr.data), ['SellerGstin', 'BuyerGstin', 'DocNo', 'DocTyp', 'DocDt', 'TotInvVal', 'ItemCnt', 'MainHsnCode', 'Irn', 'IrnDt']);
    assert.deepEqual(qr.data, {
      SellerGstin: SELLER_GSTIN, BuyerGstin: BUYER_GSTIN, DocNo: inv.DocDtls.No, DocTyp: 'INV', DocDt: inv.DocDtls.Dt,
      TotInvVal: inv.ValDtls.TotInvVal, ItemCnt: 2, MainHsnCode: '09103020', Irn: data.Irn, IrnDt: ackDt,
    });

    const signed = await verified(data.SignedInvoice);
    assert.deepEqual(Object.keys(signed.data).slice(0, 4), ['AckNo', 'AckDt', 'Irn', 'Version']);
    assert.equal(signed.data.AckNo, data.AckNo);
    assert.deepEqual(signed.data.ItemList.map((i: Record<string, unknown>) => Object.keys(i)[0]), ['ItemNo', 'ItemNo']);
    assert.deepEqual(signed.data.BuyerDtls, inv.BuyerDtls);
  });

  test('MainHsnCode is the HSN of the item with the highest taxable value', async () => {
    const inv = makeInvoice();
    inv.ItemList.reverse();
    inv.ItemList.forEach((it, i) => (it.SlNo = String(i + 1)));
    const { data } = await t.session().generateIrn(inv);
    assert.equal((await verified(data.SignedQRCode)).data.MainHsnCode, '09103020');
  });

  test('a duplicate gives 2150 with DUPIRN {AckNo, AckDt, Irn}, also for a document number in other case', async () => {
    const s = t.session();
    const inv = makeInvoice({ docNo: 'Dup/aBc1' });
    const first = await s.generateIrn(inv);
    for (const again of [inv, { ...inv, DocDtls: { ...inv.DocDtls, No: 'DUP/ABC1' } }]) {
      const e = await rejection(s.generateIrn(again));
      assert.deepEqual(e.codes, ['2150']);
      assert.deepEqual(e.info, [{ InfCd: 'DUPIRN', Desc: { AckNo: first.data.AckNo, AckDt: first.data.AckDt, Irn: first.data.Irn } }]);
      assert.equal((e.raw as { Data: unknown }).Data, null);
    }
  });

  test('20 concurrent submissions of one document register it once', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const before = t.irp.counters.registrations;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => s.generateIrn(inv)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal(t.irp.counters.registrations - before, 1);
    for (const r of results) if (r.status === 'rejected') assert.deepEqual((r.reason as IrpError).codes, ['2150']);
  });

  test('a bad invoice gets several ErrorDetails at once', async () => {
    const inv = makeInvoice();
    inv.ItemList[0].HsnCd = '12345678';
    inv.ValDtls.AssVal += 500;
    inv.ValDtls.TotInvVal += 900;
    inv.BuyerDtls.Gstin = SELLER_GSTIN;
    inv.BuyerDtls.Pos = '29';
    inv.BuyerDtls.Stcd = '29';
    const e = await rejection(t.session().generateIrn(inv));
    assert.ok(e.codes.length >= 3, `expected several errors, got ${e.codes.join(',')}`);
    for (const code of ['2176', '2182', '2211']) assert.ok(e.codes.includes(code), `missing ${code} in ${e.codes.join(',')}`);
    assert.ok(e.messages.every((m) => m.length > 0));
  });

  test('an invoice of another seller than the logged-in GSTIN gives 2143', async () => {
    const s = t.session({ gstin: '29AAKCB2045P1Z7' });
    const e = await rejection(s.generateIrn(makeInvoice()));
    assert.ok(e.codes.includes('2143'));
  });

  test('keys are matched case-insensitively (GSTIN, POS, docdtls...)', async () => {
    const inv = makeInvoice() as unknown as Record<string, any>;
    const { Gstin, Pos, ...buyer } = inv.BuyerDtls;
    const odd: Record<string, unknown> = { ...inv, docdtls: inv.DocDtls, BuyerDtls: { ...buyer, GSTIN: Gstin, POS: Pos } };
    delete odd.DocDtls;
    const { data } = await t.session().generateIrn(odd);
    assert.equal((await verified(data.SignedQRCode)).data.BuyerGstin, BUYER_GSTIN);
  });

  test('inline EwbDtls produce an e-way bill with the IRN', async () => {
    const inv = makeInvoice({ ewb: { Distance: 0, TransMode: '1', VehNo: 'KA01AB1234', VehType: 'R' } });
    const { data, info } = await t.session().generateIrn(inv);
    assert.match(String(data.EwbNo), /^\d{12}$/);
    assert.equal(data.EwbDt, data.AckDt);
    assert.match(data.EwbValidTill ?? '', / 23:59:00$/);
    assert.equal((info?.[0] as { InfCd: string }).InfCd, 'EWBPPD');
  });

  test('a failing inline e-way bill still registers the IRN and reports EWBERR', async () => {
    const inv = makeInvoice({ ewb: { Distance: 100, TransMode: '1' } });
    const { data, info } = await t.session().generateIrn(inv);
    assert.equal(data.EwbNo, null);
    const ewbErr = info?.[0] as { InfCd: string; Desc: Array<{ ErrorCode: string }> };
    assert.equal(ewbErr.InfCd, 'EWBERR');
    assert.ok(ewbErr.Desc.some((d) => d.ErrorCode === '4011'));
  });

  test('a document dated in the future (offline IRP clock) is refused', async () => {
    const tomorrow = new Date(t.irp.clock.now().getTime() + 36 * 3_600_000);
    const e = await rejection(t.session().generateIrn(makeInvoice({ now: tomorrow })));
    assert.deepEqual(e.codes, ['2218']);
  });
});

describe('retrieval', () => {
  test('get by IRN and by document details return the generate response', async () => {
    const s = t.session();
    const inv = makeInvoice();
    const gen = await s.generateIrn(inv);
    const byIrn = await s.getByIrn(gen.data.Irn);
    assert.deepEqual(byIrn.data, gen.data);
    const byDoc = await s.getByDocDetails({ docType: 'inv', docNo: inv.DocDtls.No.toLowerCase(), docDate: inv.DocDtls.Dt });
    assert.deepEqual(byDoc.data, gen.data);
    const raw = await s.get('/eicore/v1.03/Invoice/irnbydocdetails', { query: { doctype: 'inv', docnum: inv.DocDtls.No, docdate: inv.DocDtls.Dt } });
    assert.deepEqual(raw.data, gen.data, 'a lower-case doctype query works');
    const withSup = await s.getByIrn(gen.data.Irn, { supGstin: SELLER_GSTIN });
    assert.equal(withSup.data.Irn, gen.data.Irn);
    assert.equal(t.irp.lastRequestHeaders()['sup_gstin'], SELLER_GSTIN);
  });

  test('unknown IRN → 2148; unknown document → 2148; someone else\'s IRN is not served', async () => {
    const s = t.session();
    assert.deepEqual((await rejection(s.getByIrn('0'.repeat(64)))).codes, ['2148']);
    assert.deepEqual((await rejection(s.getByDocDetails({ docType: 'INV', docNo: 'NOPE1', docDate: '01/04/2025' }))).codes, ['2148']);
    const gen = await s.generateIrn(makeInvoice());
    assert.deepEqual((await rejection(t.session({ gstin: '37AAGCR5310M1Z6' }).getByIrn(gen.data.Irn))).codes, ['2148']);
  });

  test('IRN details are refused after 2 days (2283)', async () => {
    const s = t.session();
    const gen = await s.generateIrn(makeInvoice());
    try {
      t.irp.clock.advance(47 * 3_600_000);
      await s.authenticate({ forceRefresh: true });
      assert.equal((await s.getByIrn(gen.data.Irn)).data.Irn, gen.data.Irn);
      t.irp.clock.advance(2 * 3_600_000);
      await s.authenticate({ forceRefresh: true });
      assert.deepEqual((await rejection(s.getByIrn(gen.data.Irn))).codes, ['2283']);
    } finally {
      t.irp.clock.reset();
    }
  });

  test('a restarted offline IRP keeps its keys and still knows its IRNs', async () => {
    const inv = makeInvoice();
    const gen = await t.session().generateIrn(inv);
    const { publicKeyPem, signingKid } = t.irp;
    await t.restart();
    assert.equal(t.irp.publicKeyPem, publicKeyPem);
    assert.equal(t.irp.signingKid, signingKid);
    const s = t.session();
    const e = await rejection(s.generateIrn(inv));
    assert.deepEqual(e.codes, ['2150']);
    assert.equal((e.infoFor('DUPIRN') as { Irn: string }).Irn, gen.data.Irn);
    assert.deepEqual((await s.getByIrn(gen.data.Irn)).data, gen.data);
  });
});
