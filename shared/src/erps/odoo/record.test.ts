import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, RESULT } from '../testing/fakes';
import { base64ToText } from './base64';
import { forgetServerFields } from './fields';
import { recordInOdoo } from './record';
import { odooStub, type Tables } from './test-server';

const INVOICE: Tables = fixture('odoo/out-invoice-interstate.json');
const ref = { erp: 'odoo', name: 'account.move/17', id: 17 };
const EDI = [{ id: 1, code: 'in_einvoice_1_03' }];

describe('Odoo: write-back', () => {
  test("with l10n_in_edi (17.0): an EDI document 'sent' holding the IRP response, as Odoo's own module records it", async () => {
    forgetServerFields();
    const s = odooStub(INVOICE, { ediFormats: EDI });
    const out = await recordInOdoo(s.io, ref, { kind: 'generated', result: RESULT });
    assert.deepEqual([out.ok, out.method], [true, 'l10n_in_edi']);
    const [doc] = s.tables['account.edi.document'];
    assert.deepEqual([doc.move_id, doc.edi_format_id, doc.state], [[17, ''], [1, ''], 'sent']);
    const att = s.tables['ir.attachment'].find((a) => a.id === (doc.attachment_id as [number, string])[0])!;
    assert.equal(att.name, 'INV_2026_00017_einvoice.json');
    const json = JSON.parse(base64ToText(String(att.datas)));
    assert.deepEqual([json.Irn, json.AckNo, json.AckDt, json.SignedQRCode], [RESULT.irn, Number(RESULT.ackNo), RESULT.ackDt, RESULT.signedQrCode]);
    assert.ok(s.writes.some((w) => w.method === 'message_post'));
  });

  test('cancelled with l10n_in_edi: reason and remarks on the move, the document cancelled, the move reset and cancelled', async () => {
    forgetServerFields();
    const s = odooStub(INVOICE, { ediFormats: EDI });
    await recordInOdoo(s.io, ref, { kind: 'generated', result: RESULT });
    const out = await recordInOdoo(s.io, ref, { kind: 'cancelled', result: { ...RESULT, status: 'CNL' }, cancelDate: '2026-11-21 10:00:00', reason: '1', remark: 'Duplicate' });
    assert.equal(out.ok, true, out.message);
    assert.equal(s.tables['account.edi.document'][0].state, 'cancelled');
    const move = s.tables['account.move'].find((m) => m.id === 17)!;
    assert.deepEqual([move.l10n_in_edi_cancel_reason, move.l10n_in_edi_cancel_remarks, move.state], ['1', 'Duplicate', 'cancel']);
    assert.deepEqual(s.writes.filter((w) => w.method.startsWith('button_')).map((w) => w.method), ['button_draft', 'button_cancel']);
  });

  test('18.0: the e-invoice state and file on the move itself', async () => {
    forgetServerFields();
    const tables = structuredClone(INVOICE);
    tables['account.move'][0].l10n_in_edi_status = 'to_send';
    const s = odooStub(tables, { hideFields: { 'account.move': ['edi_document_ids'] } });
    const out = await recordInOdoo(s.io, ref, { kind: 'generated', result: RESULT });
    assert.equal(out.method, 'l10n_in_edi');
    const move = s.tables['account.move'][0];
    assert.equal(move.l10n_in_edi_status, 'sent');
    assert.equal(JSON.parse(base64ToText(String(move.l10n_in_edi_attachment_file))).Irn, RESULT.irn);
  });

  test('without l10n_in_edi: the response JSON and the signed QR as PNG attached to a chatter note', async () => {
    forgetServerFields();
    const s = odooStub(INVOICE, { hideFields: { 'account.move': ['edi_document_ids'] } });
    const out = await recordInOdoo(s.io, ref, { kind: 'generated', result: RESULT });
    assert.deepEqual([out.ok, out.method], [true, 'attachments']);
    const files = s.tables['ir.attachment'];
    assert.deepEqual(files.map((f) => f.mimetype), ['application/json', 'image/png']);
    assert.equal(Buffer.from(String(files[1].datas), 'base64').subarray(1, 4).toString(), 'PNG');
    const note = s.writes.find((w) => w.method === 'message_post')!;
    assert.deepEqual(note.kwargs.attachment_ids, files.map((f) => f.id));
    assert.match(String(note.kwargs.body), new RegExp(RESULT.irn));
  });

  test('a failure is an outcome in the clerk\'s words, never a throw', async () => {
    forgetServerFields();
    const s = odooStub({ ...INVOICE, 'account.move': [] });
    const out = await recordInOdoo(s.io, ref, { kind: 'ewaybill', result: RESULT, ewbNo: '391000000001', ewbDt: '2026-11-21 10:00:00', ewbValidTill: null });
    assert.equal(out.ok, false);
    assert.match(out.message, /by hand/);
  });
});
