import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpError } from '../module';
import { confirmMoveModel, detectOdooMove } from './detect';
import { odooStub } from './test-server';

const O = 'https://odoo.example.test';
const id = (path: string) => detectOdooMove(new URL(O + path))?.id ?? null;

describe('Odoo: which pages are an invoice form', () => {
  test('17.0: /web#… with the model and id, with or without menu_id, action and cids, in any order', () => {
    assert.equal(id('/web#id=17&model=account.move&view_type=form'), 17);
    assert.equal(id('/web#id=17&cids=1&menu_id=101&action=244&model=account.move&view_type=form'), 17);
    assert.equal(id('/web#action=244&model=account.move&view_type=form&id=17'), 17);
    assert.equal(id('/web/#model=account.move&id=17'), 17);
  });

  test('17.0: a list, a new record or another model is not', () => {
    assert.equal(id('/web#action=244&model=account.move&view_type=list'), null);
    assert.equal(id('/web#model=account.move&view_type=form'), null);
    assert.equal(id('/web#id=17&model=sale.order&view_type=form'), null);
    assert.equal(id('/web'), null);
  });

  test('18.0: /odoo/…/<id> under any app path; the segment before the id names it', () => {
    assert.deepEqual(detectOdooMove(new URL(`${O}/odoo/customer-invoices/17`)), { erp: 'odoo', name: 'customer-invoices/17', id: 17 });
    assert.equal(id('/odoo/accounting/customer-invoices/17'), 17);
    assert.equal(id('/odoo/action-244/17'), 17);
    assert.equal(id('/odoo/action-account.action_move_out_invoice_type/17'), 17);
    assert.equal(id('/odoo/account.move/17'), 17);
    assert.deepEqual(detectOdooMove(new URL(`${O}/odoo/action-12/4/action-244/17`)), { erp: 'odoo', name: 'action-244/17', id: 17 });
    assert.equal(id('/odoo/customer-invoices'), null);
    assert.equal(id('/odoo/customer-invoices/new'), null);
  });
});

describe('Odoo: the server confirms the record is an account.move', () => {
  const stub = () => odooStub({}, { actions: { 'customer-invoices': 'account.move', 244: 'account.move', sales: 'sale.order' } });
  const ref = (path: string) => detectOdooMove(new URL(O + path))!;

  test('the model in the URL, an action id or an action path that opens account.move', async () => {
    const s = stub();
    await confirmMoveModel(s.io, ref('/odoo/account.move/17'));
    await confirmMoveModel(s.io, ref('/odoo/action-244/17'));
    await confirmMoveModel(s.io, ref('/odoo/customer-invoices/17'));
    await confirmMoveModel(s.io, ref('/web#id=17&model=account.move'));
    assert.deepEqual(s.calls.map((c) => c.body?.params?.action_id), [244, 'customer-invoices']);
  });

  test('a sale order (or an action Odoo does not know) is NOT_AN_INVOICE', async () => {
    await assert.rejects(confirmMoveModel(stub().io, ref('/odoo/sales/17')), (e: ErpError) => e.code === 'NOT_AN_INVOICE' && /sale\.order/.test(e.message));
    await assert.rejects(confirmMoveModel(stub().io, ref('/odoo/mystery/17')), (e: ErpError) => e.code === 'NOT_AN_INVOICE');
  });
});
