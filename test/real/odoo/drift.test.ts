/**
 * Issue 11 item 1 on the real Odoo 17.0: what the module reads back after each write-back is what the
 * ledger holds, so the panel's drift check (shared/src/erps/drift.ts) finds nothing once recorded and
 * finds the event to record when the IRP moved on without Odoo. With l10n_in_edi (the IRN and its
 * cancellation in Odoo's EDI document) and without it (IRN Bridge's attachments), on fresh moves.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { driftOf } from '@irn-bridge/shared/erps/drift';
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { odoo } from '@irn-bridge/shared/erps/odoo/index';
import { forgetServerFields } from '@irn-bridge/shared/erps/odoo/fields';
import { openRealOdoo, skipReason, type RealOdoo } from './session';

function ledgerResult(docNo: string): EInvoiceResult {
  const irn = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    irn, ackNo: String(112600000000000 + Math.floor(Math.random() * 1e9)), ackDt: '2026-12-01 10:15:00', status: 'ACT',
    signedInvoice: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', signedQrCode: `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ Irn: irn })).toString('base64url')}.c2ln`,
    qr: null, document: { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType: 'INV', docNo, docDate: '01/12/2026' } as EInvoiceResult['document'],
    buyerGstin: '29AAKCB2045P1Z7', totalValue: 100, profile: { name: 'demo', kind: 'offline' } as unknown as EInvoiceResult['profile'],
  };
}

const refFor = (id: number) => ({ erp: 'odoo', name: `account.move/${id}`, id });

/** account.move without `edi_document_ids`: an Odoo without account_edi / l10n_in_edi (as record.test.ts). */
function withoutEdi(io: ErpIo): ErpIo {
  return {
    ...io,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await io.fetch(input, init);
      if (!String(input).endsWith('/account.move/fields_get')) return res;
      const body = (await res.json()) as { result: Record<string, unknown> };
      delete body.result.edi_document_ids;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch,
  };
}

/** Reads the move as the panel does and compares it with the ledger's answer. */
async function drift(io: ErpIo, id: number, r: EInvoiceResult) {
  const s = odoo.summary(await odoo.read(io, refFor(id)));
  return driftOf(r, s.recorded, s.irn, 'Odoo');
}

/** Records the drift's event, as the panel's Record does, and checks that Odoo then agrees. */
async function settle(io: ErpIo, id: number, r: EInvoiceResult, kind: string) {
  const d = await drift(io, id, r);
  assert.equal(d?.event.kind, kind, d?.differs);
  const outcome = await odoo.record(io, refFor(id), d!.event);
  assert.equal(outcome.ok, true, outcome.message);
  assert.equal(await drift(io, id, r), null, `after recording ${kind}, Odoo shows what the ledger holds`);
}

describe('real Odoo 17.0: the ledger against what Odoo shows, settled by record()', { skip: skipReason }, () => {
  let real: RealOdoo;
  before(async () => { real = await openRealOdoo({ only: ['intraDiscount', 'interGoodsService'], odooJson: false }); }, { timeout: 60_000 });

  test("with l10n_in_edi: a registration Odoo missed, then a cancellation made elsewhere", async () => {
    const made = real.docs.get('intraDiscount')!;
    const io = real.rpc.io();
    const r = ledgerResult(made.name);
    await settle(io, made.id, r, 'generated');
    const cancelled: EInvoiceResult = { ...r, status: 'CNL', cancelDate: '2026-12-01 11:00:00', cancelReason: '2', cancelRemark: 'Wrong quantity' };
    await settle(io, made.id, cancelled, 'cancelled');
    const [move] = await real.rpc.read<{ state: string; l10n_in_edi_cancel_remarks: string }>('account.move', [made.id], ['state', 'l10n_in_edi_cancel_remarks']);
    assert.deepEqual(move, { id: made.id, state: 'cancel', l10n_in_edi_cancel_remarks: 'Wrong quantity' });
  });

  test('without l10n_in_edi: registration, e-way bill, its cancellation and the IRN\'s, each from IRN Bridge\'s attachments', async () => {
    const made = real.docs.get('interGoodsService')!;
    forgetServerFields();
    const io = withoutEdi(real.rpc.io());
    try {
      const r = ledgerResult(made.name);
      await settle(io, made.id, r, 'generated');
      const withEwb: EInvoiceResult = { ...r, ewbNo: '391009876544', ewbDt: '2026-12-01 12:00:00', ewbValidTill: '2026-12-02 23:59:00' };
      await settle(io, made.id, withEwb, 'ewaybill');
      const ewbGone: EInvoiceResult = { ...withEwb, ewbCancelDate: '01/12/2026 01:30:00 PM', ewbCancelReason: '2', ewbCancelRemark: 'Order cancelled by the buyer' };
      await settle(io, made.id, ewbGone, 'ewaybill-cancelled');
      await settle(io, made.id, { ...ewbGone, status: 'CNL', cancelDate: '2026-12-01 14:00:00', cancelReason: '3', cancelRemark: 'Order cancelled' }, 'cancelled');
    } finally {
      forgetServerFields();
    }
  });
});
