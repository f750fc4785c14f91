/** The content script's answers to the extension pages' read/record requests (the browser side is installPageIoBridge). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyErpPageIo } from '@irn-bridge/shared/erps/page-io';
import type { ErpIo } from '@irn-bridge/shared/erps/module';
import { pageIoHandler } from './page-io-bridge';

const io = { origin: 'https://erp.example.test', fetch: globalThis.fetch, pageGlobals: async () => ({}) } as ErpIo;
const calls: string[] = [];
const writer = {
  id: 'w', label: 'Writer', writesBack: true, detect: () => null,
  read: async (_io: ErpIo, ref: { name: string }) => { calls.push(`read ${ref.name}`); return { erp: 'w', name: ref.name }; },
  record: async (_io: ErpIo, ref: { name: string }) => { calls.push(`record ${ref.name}`); return { ok: true, method: 'w', message: 'Recorded' }; },
} as unknown as AnyErpPageIo;
const readOnly = { ...writer, id: 'r', label: 'Recipe site', writesBack: false } as AnyErpPageIo;
const handle = pageIoHandler(io, [writer, readOnly], () => 'https://erp.example.test/app/sales-invoice');

test('reads and records through the named module, with this tab\'s I/O', async () => {
  assert.deepEqual(await handle({ type: 'pageio.read', ref: { erp: 'w', name: 'INV-1' } }), { erp: 'w', name: 'INV-1' });
  const event = { kind: 'generated', result: {} } as never;
  assert.deepEqual(await handle({ type: 'pageio.record', ref: { erp: 'w', name: 'INV-1' }, event }), { ok: true, method: 'w', message: 'Recorded' });
  assert.deepEqual(calls, ['read INV-1', 'record INV-1']);
  assert.deepEqual(await handle({ type: 'pageio.hello' }), { origin: 'https://erp.example.test', href: 'https://erp.example.test/app/sales-invoice' });
});

test('a module that cannot write records nothing, and says so; an unknown module is refused', async () => {
  const out = await handle({ type: 'pageio.record', ref: { erp: 'r', name: 'X' }, event: { kind: 'generated', result: {} } as never }) as { ok: boolean; message: string };
  assert.equal(out.ok, false);
  assert.match(out.message, /Recipe site cannot record/);
  await assert.rejects(handle({ type: 'pageio.read', ref: { erp: 'nope', name: 'X' } }), /no ERP module "nope"/);
});
