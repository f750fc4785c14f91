/**
 * Issue 8 point 5 on the real Odoo 17.0 with l10n_in_edi: what `record()` writes is read back from
 * the server, and the printed invoice (report HTML) shows the IRN, Ack No/Date and the signed QR,
 * then "Cancelled" after the cancellation. The path for an Odoo without l10n_in_edi is run on the
 * same server with `fields_get` hiding account_edi's field, as such a server answers.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { odoo } from '@irn-bridge/shared/erps/odoo/index';
import { forgetServerFields } from '@irn-bridge/shared/erps/odoo/fields';
import { attachments, einvoiceDocument, notes, reportHtml } from './readback';
import { openRealOdoo, skipReason, type RealOdoo } from './session';

function fakeResult(docNo: string): EInvoiceResult {
  const irn = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    irn, ackNo: String(112600000000000 + Math.floor(Math.random() * 1e9)), ackDt: '2026-12-01 10:15:00', status: 'ACT',
    signedInvoice: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', signedQrCode: `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ Irn: irn })).toString('base64url')}.c2ln`,
    qr: null, document: { sellerGstin: '29AAHCA4821K1ZH', fy: '2026-27', docType: 'INV', docNo, docDate: '01/12/2026' } as EInvoiceResult['document'],
    buyerGstin: '29AAKCB2045P1Z7', totalValue: 100, profile: { name: 'demo', kind: 'offline' } as unknown as EInvoiceResult['profile'],
  };
}

const refFor = (id: number) => ({ erp: 'odoo', name: `account.move/${id}`, id });

/** An io on which account.move has no `edi_document_ids`: an Odoo without account_edi / l10n_in_edi. */
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
    origin: io.origin,
  };
}

describe('real Odoo 17.0: write-back read back from the server', { skip: skipReason }, () => {
  let real: RealOdoo;
  before(async () => { real = await openRealOdoo({ only: ['intraDiscount', 'interGoodsService'], odooJson: false }); }, { timeout: 60_000 });

  test('with l10n_in_edi: generated → Odoo\'s EDI document "sent" with the IRP response; the report shows IRN, Ack and QR', async () => {
    const made = real.docs.get('intraDiscount')!;
    const result = fakeResult(made.name);
    const outcome = await odoo.record(real.rpc.io(), refFor(made.id), { kind: 'generated', result });
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(outcome.method, 'l10n_in_edi');

    const edi = await einvoiceDocument(real.rpc, made.id);
    assert.equal(edi.state, 'sent');
    assert.equal(edi.response?.Irn, result.irn);
    assert.equal(edi.response?.SignedQRCode, result.signedQrCode);
    assert.equal(String(edi.response?.AckNo), result.ackNo);
    const html = await reportHtml(real.rpc, made.id);
    assert.ok(html.includes(result.irn), 'the report shows the IRN');
    assert.ok(html.includes(result.ackNo) && html.includes(result.ackDt), 'the report shows Ack No and Ack Date');
    assert.ok(html.includes(`barcode_type=QR&amp;value=${encodeURIComponent(result.signedQrCode).replace(/%2E/g, '.')}`) || html.includes(result.signedQrCode), 'the report draws the signed QR');
    assert.ok((await notes(real.rpc, made.id)).some((n) => n.includes(result.irn)), 'a chatter note names the IRN');

    // Reading the invoice again: the module sees Odoo's own record of the IRN.
    const doc = await odoo.read(real.rpc.io(), refFor(made.id));
    assert.equal(odoo.summary(doc).irn, result.irn);

    const cancel = await odoo.record(real.rpc.io(), refFor(made.id), {
      kind: 'cancelled', result: { ...result, status: 'CNL' }, cancelDate: '2026-12-01 11:00:00', reason: '2', remark: 'Wrong quantity',
    });
    assert.equal(cancel.ok, true, cancel.message);
    const after = await einvoiceDocument(real.rpc, made.id);
    assert.equal(after.state, 'cancelled');
    const [move] = await real.rpc.read<{ state: string; l10n_in_edi_cancel_reason: string; l10n_in_edi_cancel_remarks: string }>(
      'account.move', [made.id], ['state', 'l10n_in_edi_cancel_reason', 'l10n_in_edi_cancel_remarks']);
    assert.deepEqual(move, { id: made.id, state: 'cancel', l10n_in_edi_cancel_reason: '2', l10n_in_edi_cancel_remarks: 'Wrong quantity' });
    const cancelled = await reportHtml(real.rpc, made.id);
    // l10n_in's report title: "Cancelled <journal>" (addons/l10n_in/views/report_invoice.xml)
    assert.match(cancelled, /<h2>\s*<span>Cancelled\b/);
    assert.ok((await attachments(real.rpc, made.id)).some((a) => a.name.endsWith('_cancel_einvoice.json') && a.text.includes(result.irn)));
  });

  test("a journal with Odoo's own e-invoicing on: its pending document becomes 'sent', so Odoo sends nothing again", async () => {
    const id = await real.rpc.create('account.move', {
      move_type: 'out_invoice', partner_id: real.masters.partners.intra, journal_id: real.masters.einvoiceJournalId,
      invoice_date: new Date().toISOString().slice(0, 10), invoice_line_ids: [[0, 0, { product_id: real.masters.products.gst5, quantity: 3 }]],
    });
    await real.rpc.call('account.move', 'action_post', [[id]]);
    assert.equal((await einvoiceDocument(real.rpc, id)).state, 'to_send', 'Odoo queued it for its own sending');
    const [{ name }] = await real.rpc.read<{ name: string }>('account.move', [id], ['name']);
    const result = fakeResult(name);
    const outcome = await odoo.record(real.rpc.io(), refFor(id), { kind: 'generated', result });
    assert.equal(outcome.ok, true, outcome.message);
    const docs = await real.rpc.searchRead('account.edi.document', [['move_id', '=', id]], ['state']);
    assert.equal(docs.length, 1, 'the same document, not a second one');
    // Odoo's "Process now": sends only documents still to send or to cancel; ours is neither.
    await real.rpc.call('account.move', 'button_process_edi_web_services', [[id]]);
    const after = await einvoiceDocument(real.rpc, id);
    assert.equal(after.state, 'sent');
    assert.equal(after.response?.Irn, result.irn);
  });

  test('without l10n_in_edi: the IRP response as JSON and the signed QR as PNG attached, a chatter note; e-way bill too', async () => {
    const made = real.docs.get('interGoodsService')!;
    const result = fakeResult(made.name);
    forgetServerFields();
    const io = withoutEdi(real.rpc.io());
    try {
      const outcome = await odoo.record(io, refFor(made.id), { kind: 'generated', result });
      assert.equal(outcome.ok, true, outcome.message);
      assert.equal(outcome.method, 'attachments');
      const ewb = await odoo.record(io, refFor(made.id), { kind: 'ewaybill', result, ewbNo: '391009876543', ewbDt: '2026-12-01 12:00:00', ewbValidTill: '2026-12-02 23:59:00' });
      assert.equal(ewb.ok, true, ewb.message);
      // Issue 11 item 6: the e-way bill's cancellation, so that the IRN can be cancelled next.
      const ewbCancel = await odoo.record(io, refFor(made.id), { kind: 'ewaybill-cancelled', result: { ...result, ewbNo: '391009876543', ewbCancelDate: '01/12/2026 01:30:00 PM' },
        ewbNo: '391009876543', cancelDate: '01/12/2026 01:30:00 PM', reason: '2', remark: 'Order cancelled by the buyer' });
      assert.equal(ewbCancel.ok, true, ewbCancel.message);
      assert.match(ewbCancel.message, /e-way bill's cancellation attached/);
    } finally {
      forgetServerFields();
    }
    assert.equal((await einvoiceDocument(real.rpc, made.id)).state, null, 'no EDI document is made');
    const files = await attachments(real.rpc, made.id);
    const json = files.find((a) => a.name.endsWith('_einvoice.json'));
    assert.equal(JSON.parse(json!.text).Irn, result.irn);
    const png = files.find((a) => a.mimetype === 'image/png');
    assert.ok(png && png.bytes.subarray(1, 4).toString() === 'PNG', 'the QR is attached as a PNG');
    assert.ok(files.some((a) => a.name.endsWith('_ewaybill.json') && a.text.includes('391009876543')));
    const bodies = await notes(real.rpc, made.id);
    assert.ok(bodies.some((n) => n.includes(result.irn)) && bodies.some((n) => n.includes('391009876543')));
    const cancelled = files.find((a) => a.name.endsWith('_cancel_ewaybill.json'));
    assert.deepEqual(JSON.parse(cancelled!.text), { EwbNo: '391009876543', CancelDate: '01/12/2026 01:30:00 PM', CancelRsnCode: '2', CancelRmrk: 'Order cancelled by the buyer' });
    assert.ok(bodies.some((n) => n.includes('E-way bill 391009876543 cancelled on 01/12/2026 01:30:00 PM') && n.includes(`The IRN ${result.irn} is still registered`)));
  });
});
