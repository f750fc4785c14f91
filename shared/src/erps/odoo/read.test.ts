import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpError } from '../module';
import { fixture } from '../testing/fakes';
import { forgetServerFields } from './fields';
import { readOdooMove } from './read';
import { odooStub, type Tables } from './test-server';

const INVOICE: Tables = fixture('odoo/out-invoice-interstate.json');
const ref = { erp: 'odoo', name: 'account.move/17', id: 17 };

describe('Odoo: reading an invoice as the real 17.0 server allows', () => {
  test('every read names its fields and partners are read one per call (the two 17.0 read failures never trigger)', async () => {
    forgetServerFields();
    const s = odooStub(INVOICE);
    const doc = await readOdooMove(s.io, ref);
    const reads = s.calls.filter((c) => c.body?.params?.method === 'read');
    assert.ok(reads.length > 5);
    for (const r of reads) assert.ok(Array.isArray(r.body.params.args[1]) && r.body.params.args[1].length > 0, `${r.body.params.model} read without fields`);
    for (const r of reads.filter((x) => x.body.params.model === 'res.partner')) assert.equal(r.body.params.args[0].length, 1);
    assert.equal(doc.moveId, 17);
    assert.ok(doc.records['product.product']?.some((p) => p.l10n_in_hsn_code === '09103020'), 'the HSN comes with the product');
    assert.ok(doc.records['account.account.tag']?.some((t) => t.name === 'IGST'), "the taxes' tags come along");
  });

  test('18.0 field names are asked for only where the server has them', async () => {
    forgetServerFields();
    const tables = structuredClone(INVOICE);
    for (const l of tables['account.move.line']) l.l10n_in_hsn_code = '09103020';
    for (const t of tables['account.tax']) t.l10n_in_tax_type = 'igst';
    const s = odooStub(tables);
    await readOdooMove(s.io, ref);
    const fieldsOf = (model: string) => s.calls.find((c) => c.body?.params?.method === 'read' && c.body.params.model === model)!.body.params.args[1] as string[];
    assert.ok(fieldsOf('account.move.line').includes('l10n_in_hsn_code'));
    assert.ok(fieldsOf('account.tax').includes('l10n_in_tax_type'));
    forgetServerFields();
    const s17 = odooStub(INVOICE);
    await readOdooMove(s17.io, ref);
    const fields17 = s17.calls.find((c) => c.body?.params?.method === 'read' && c.body.params.model === 'account.move.line')!.body.params.args[1] as string[];
    assert.ok(!fields17.includes('l10n_in_hsn_code'));
  });

  test('a vendor bill or a journal entry is NOT_AN_INVOICE; a missing record NOT_FOUND', async () => {
    forgetServerFields();
    const tables = structuredClone(INVOICE);
    tables['account.move'][0].move_type = 'in_invoice';
    await assert.rejects(readOdooMove(odooStub(tables).io, ref), (e: ErpError) => e.code === 'NOT_AN_INVOICE' && /not a customer invoice/.test(e.message));
    await assert.rejects(readOdooMove(odooStub(INVOICE).io, { ...ref, id: 99 }), (e: ErpError) => e.code === 'NOT_FOUND');
  });
});
