import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapErpDocument } from '@irn-bridge/shared/erps';
import { odoo as odooModule, odooMoveIdFromUrl } from './index';
import { env, fakeFetch, fixture, RESULT } from '../testing/fakes';

const ORIGIN = 'https://odoo.example.test';
const records: Record<string, { id: number }[]> = fixture('odoo/out-invoice-interstate.json');
const move = records['account.move'][0] as { id: number; name: string };

/** JSON-RPC call_kw over the fixture records: `read` by ids, `message_post` accepted. */
function odoo() {
  return fakeFetch((c) => {
    const m = /^\/web\/dataset\/call_kw\/([\w.]+)\/(\w+)$/.exec(c.url.pathname);
    if (!m || c.method !== 'POST') return undefined;
    const { model, method, args } = c.body.params;
    if (method === 'read') {
      const ids: number[] = args[0];
      return { json: { jsonrpc: '2.0', id: c.body.id, result: (records[model] ?? []).filter((r) => ids.includes(r.id)) } };
    }
    if (method === 'message_post') return { json: { jsonrpc: '2.0', id: c.body.id, result: 901 } };
    return { json: { jsonrpc: '2.0', id: c.body.id, error: { message: 'Odoo Server Error', data: { message: `no ${method}` } } } };
  });
}

describe('odooAdapter: recognising the page', () => {
  test('finds the move id in old and new Odoo URLs', () => {
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/web#id=17&cids=1&menu_id=101&action=244&model=account.move&view_type=form`)), 17);
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/odoo/action-244/17`)), 17);
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/odoo/customer-invoices/17`)), 17);
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/odoo/account.move/17`)), 17);
  });

  test('other models and list views are not invoices', () => {
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/web#id=17&model=sale.order&view_type=form`)), null);
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/odoo/sales/17`)), null);
    assert.equal(odooMoveIdFromUrl(new URL(`${ORIGIN}/odoo/action-244`)), null);
  });

  test('detect gives a ref with the id', () => {
    assert.deepEqual(odooModule.detect(new URL(`${ORIGIN}/odoo/action-244/17`)), { erp: 'odoo', name: 'account.move/17', id: 17 });
  });
});

describe('odooAdapter.read', () => {
  test('collects the move, lines, taxes, partners, states, units and company by JSON-RPC', async () => {
    const { fetch, calls } = odoo();
    const doc = await odooModule.read(env(ORIGIN, fetch), { erp: 'odoo', name: 'x', id: move.id });
    assert.equal(doc.erp, 'odoo');
    if (doc.erp !== 'odoo') return;
    assert.equal(doc.moveId, move.id);
    assert.deepEqual(doc.records['account.move.line'].map((l) => l.id), [101, 102]);
    assert.deepEqual(doc.records['res.partner'].map((p) => p.id).sort(), [1, 9]);
    assert.deepEqual(doc.records['res.country.state'].map((s) => s.id).sort(), [593, 608]);
    assert.ok(calls.every((c) => c.credentials === 'include' && c.body.jsonrpc === '2.0' && c.body.method === 'call'));
    const inv01 = mapErpDocument(doc);
    assert.equal(inv01.DocDtls.No, move.name);
    assert.equal(inv01.BuyerDtls.Gstin, '36AAKCP1187N1ZT');
  });

  test('a missing record is a clear error', async () => {
    await assert.rejects(odooModule.read(env(ORIGIN, odoo().fetch), { erp: 'odoo', name: 'x', id: 999 }), /no invoice with id 999/);
  });
});

describe('odooAdapter.writeBack', () => {
  test('posts a chatter note with IRN, Ack No and Ack Date', async () => {
    const { fetch, calls } = odoo();
    const out = await odooModule.record(env(ORIGIN, fetch), { erp: 'odoo', name: 'x', id: 17 }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, true);
    assert.equal(out.method, 'chatter-note');
    const post = calls.at(-1)!;
    assert.equal(post.url.pathname, '/web/dataset/call_kw/account.move/message_post');
    assert.deepEqual(post.body.params.args, [[17]]);
    for (const part of [RESULT.irn, RESULT.ackNo, RESULT.ackDt]) assert.ok(post.body.params.kwargs.body.includes(part));
  });

  test('an Odoo error is reported, not thrown', async () => {
    const { fetch } = fakeFetch(() => ({ json: { jsonrpc: '2.0', error: { message: 'Access Denied' } } }));
    const out = await odooModule.record(env(ORIGIN, fetch), { erp: 'odoo', name: 'x', id: 17 }, { kind: 'generated', result: RESULT });
    assert.equal(out.ok, false);
    assert.match(out.message, /Access Denied/);
  });
});
