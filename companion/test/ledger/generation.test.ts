/**
 * ledger/ on its own: GenerationService on each real storage (a SQLite file, a throw-away
 * PostgreSQL database) with a scripted IRP port (no HTTP, no offline IRP), so each exactly-once
 * rule is seen in isolation, and seen to hold the same on both storages.
 */
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIrn, documentKeyOf } from '@irn-bridge/shared/irn';
import type { Inv01Invoice } from '@irn-bridge/shared/invoice/types';
import { openStorageNow } from '../../src/storage/open';
import type { LedgerStorage, Storage } from '../../src/storage/types';
import { dropAll, STORAGES } from '../support/storage';
import { GenerationService } from '../../src/ledger/generate';
import { checkInvoice } from '../../src/ledger/invoice-check';
import { IrpError, IrpTransportError } from '../../src/irp';
import { CompanionError } from '../../src/errors';
import type { IrpPort } from '../../src/profiles/sessions';
import type { ProfileConfig } from '../../src/profiles/types';
import { makeInvoice, SELLER_GSTIN } from '../support/invoices';
import { makeHome } from '../service/helpers';

const profile: ProfileConfig = { name: 'p', kind: 'sandbox', gstin: SELLER_GSTIN, baseUrl: 'https://irp.invalid', demo: false };

/** A token whose payload decodes as the IRP's signed QR (not verified by the ledger). */
function qrToken(fields: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ data: JSON.stringify(fields), iss: 'test' })}.c2ln`;
}

async function registration(invoice: Inv01Invoice) {
  const k = documentKeyOf(invoice);
  const irn = await computeIrn({ sellerGstin: k.sellerGstin, docDate: k.docDate, docType: k.docType, docNo: k.docNo });
  return {
    Irn: irn, AckNo: 112010000000001, AckDt: '2026-11-25 10:00:00', SignedInvoice: 'x.y.z',
    SignedQRCode: qrToken({ SellerGstin: k.sellerGstin, BuyerGstin: invoice.BuyerDtls.Gstin, DocNo: invoice.DocDtls.No, DocTyp: k.docType,
      DocDt: k.docDate, TotInvVal: invoice.ValDtls.TotInvVal, ItemCnt: invoice.ItemList.length, MainHsnCode: invoice.ItemList[0].HsnCd, Irn: irn, IrnDt: '2026-11-25 10:00:00' }),
  };
}

/** An IRP port whose answers the test scripts call by call; it records what was asked. */
function scriptedIrp() {
  const calls: string[] = [];
  const script: Record<string, Array<() => Promise<unknown>>> = { generateIrn: [], getByDocDetails: [], getByIrn: [] };
  const next = (op: string) => async () => {
    calls.push(op);
    const step = script[op].shift();
    if (!step) throw new Error(`unexpected IRP call ${op}`);
    return { data: await step(), info: null };
  };
  const port = { generateIrn: next('generateIrn'), getByDocDetails: next('getByDocDetails'), getByIrn: next('getByIrn') } as unknown as IrpPort;
  return { port, calls, script };
}

for (const storageCase of STORAGES) describe(`ledger/ on its own, ${storageCase.name}`, { skip: await storageCase.skip() }, () => {
  let home: ReturnType<typeof makeHome>;
  let storage: Storage;
  let ledger: LedgerStorage;
  after(dropAll);
  let irp: ReturnType<typeof scriptedIrp>;
  let generation: GenerationService;
  const checked = (invoice: Inv01Invoice) => checkInvoice(invoice, () => profile, null).checked;

  beforeEach(async () => {
    home = makeHome('irnb-ledger-');
    storage = await openStorageNow(home.home, await storageCase.database());
    ledger = storage.ledger;
    irp = scriptedIrp();
    generation = new GenerationService({ ledger, sessionFor: async () => irp.port, profileNamed: () => profile });
  });
  afterEach(async () => {
    await storage.close();
    home.remove();
  });

  test('the row is pending while the IRP is asked, then generated; a second request makes no IRP call', async () => {
    const invoice = makeInvoice();
    let seenState: string | undefined;
    irp.script.generateIrn.push(async () => {
      seenState = (await ledger.find(documentKeyOf(invoice)))?.state;
      return registration(invoice);
    });
    const first = await generation.generate(profile, checked(invoice));
    assert.equal(seenState, 'pending', 'written down before the IRP call');
    assert.equal((await ledger.find(documentKeyOf(invoice)))?.state, 'generated');
    const again = await generation.generate(profile, checked(invoice));
    assert.equal(again.irn, first.irn);
    assert.equal(again.fromLedger, true);
    assert.deepEqual(irp.calls, ['generateIrn']);
  });

  test('a changed invoice under a generated number: CONFLICT naming the IRN, the row unchanged, no IRP call', async () => {
    const invoice = makeInvoice();
    irp.script.generateIrn.push(() => registration(invoice));
    const first = await generation.generate(profile, checked(invoice));
    const edited = makeInvoice({ docNo: invoice.DocDtls.No, docDate: invoice.DocDtls.Dt, servicesOnly: true });
    await assert.rejects(generation.generate(profile, checked(edited)), (e) => e instanceof CompanionError && e.code === 'CONFLICT' && e.message.includes(first.irn));
    assert.equal((await ledger.find(documentKeyOf(invoice)))?.state, 'generated');
    assert.deepEqual(irp.calls, ['generateIrn']);
  });

  test('a lost answer: the IRP is asked by document before anything is resent, and its IRN is kept', async () => {
    const invoice = makeInvoice();
    irp.script.generateIrn.push(async () => { throw new IrpTransportError('timeout', 'no answer'); });
    irp.script.getByDocDetails.push(() => registration(invoice));
    const result = await generation.generate(profile, checked(invoice));
    assert.equal(result.recovered, true);
    assert.deepEqual(irp.calls, ['generateIrn', 'getByDocDetails']);
  });

  test('2150 for a different invoice: CONFLICT and the row failed; for the same invoice: recovered', async () => {
    const other = makeInvoice({ intraState: true });
    const invoice = makeInvoice({ docNo: other.DocDtls.No, docDate: other.DocDtls.Dt });
    const held = await registration(other);
    const dup = () => new IrpError({ details: [{ code: '2150', message: 'Duplicate IRN' }], info: [{ InfCd: 'DUPIRN', Desc: { Irn: held.Irn } }], raw: null, httpStatus: 200 });
    irp.script.generateIrn.push(async () => { throw dup(); });
    irp.script.getByIrn.push(async () => held);
    await assert.rejects(generation.generate(profile, checked(invoice)), (e) => e instanceof CompanionError && e.code === 'CONFLICT');
    assert.equal((await ledger.find(documentKeyOf(invoice)))?.state, 'failed');

    irp.script.generateIrn.push(async () => { throw dup(); });
    irp.script.getByIrn.push(async () => held);
    const same = await generation.generate(profile, checked(other));
    assert.equal(same.irn, held.Irn);
    assert.equal(same.recovered, true);
  });

  test('an IRP that only answers "try again": OUTCOME_UNKNOWN carrying the IRP code, the row unknown', async () => {
    const invoice = makeInvoice();
    const busy = () => new IrpError({ details: [{ code: '1005', message: 'Invalid Token' }], raw: null, httpStatus: 200 });
    irp.script.generateIrn.push(async () => { throw busy(); });
    irp.script.getByDocDetails.push(async () => { throw busy(); });
    await assert.rejects(generation.generate(profile, checked(invoice)),
      (e) => e instanceof CompanionError && e.code === 'OUTCOME_UNKNOWN' && e.details.irp?.codes[0] === '1005');
    assert.equal((await ledger.find(documentKeyOf(invoice)))?.state, 'unknown');
  });
});
