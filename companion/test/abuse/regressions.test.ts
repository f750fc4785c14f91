/**
 * Abuse cases that once answered 500 or slipped past the ledger; each now guards its fix.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '@irn-bridge/shared/api/contract';
import { makeInvoice } from '../support/invoices';
import { makeHome, startTestCompanion, type TestCompanion } from '../service/helpers';
import { assertRefused, rawRequest, unexpectedErrors } from './support';

describe('fixed abuse cases', () => {
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  let irn: string;
  const call = (path: string, body?: unknown) => rawRequest(c.port, {
    path, key: c.apiKey, body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });

  before(async () => {
    home = makeHome('irnb-defects-');
    c = await startTestCompanion({ home: home.home });
    const gen = await c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    assert.equal(gen.status, 200, gen.text);
    irn = gen.body.irn;
  });
  after(async () => {
    await c?.close();
    home?.remove();
  });

  test('cancel with "reason" as an object without a usable toString: 400, not 500', async () => {
    const res = await call(routes.cancel(irn), { reason: { toString: '1' }, remark: 'x' });
    assert.ok(assertRefused(res, 'reason {toString}', { status: 400 }).message.includes('reason'));
  });

  test('ledger offset beyond a safe integer: 400, not 500 (SqliteError)', async () => {
    for (const offset of ['100000000000000000000000', '9223372036854775808']) {
      assertRefused(await call(`${routes.einvoices}?offset=${offset}`), `offset ${offset}`, { status: 400 });
    }
    assert.deepEqual(unexpectedErrors(c), []);
  });

  test('POST /v1/irp/raw cannot generate or cancel an IRN behind the ledger\'s back', async () => {
    const invoice = makeInvoice();
    const gen = await call(routes.raw, { method: 'POST', path: '/eicore/v1.03/Invoice', body: invoice });
    assertRefused(gen, 'raw generate', { status: 400 });
    const cancel = await call(routes.raw, { method: 'POST', path: '/eicore/v1.03/Invoice/Cancel', body: { Irn: irn, CnlRsn: '1', CnlRem: 'x' } });
    assertRefused(cancel, 'raw cancel', { status: 400 });
  });

  test('POST /v1/irp/raw to an endpoint the IRP does not have: a 4xx, not 503 "did not answer"', async () => {
    const res = await call(routes.raw, { method: 'GET', path: '/eicore/v1.03/NoSuchEndpoint' });
    assertRefused(res, 'raw unknown endpoint');
  });
});
