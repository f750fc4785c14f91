/**
 * The bench's own pieces: the statistics, the argument rules, and that the naive baseline is a
 * working IRP client (a baseline that fails fast would flatter the companion).
 * Run: node --import tsx --test bench/bench.test.ts
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { makeInvoice } from '../companion/test/support/invoices';
import { startTestIrp } from '../companion/test/support/offline-irp';
import { SELLER_GSTIN } from '../companion/test/support/invoices';
import { cellCount, parseBenchArgs, type BenchArgs } from './args';
import { runLoad } from './load';
import { NaiveIrpClient } from './naive-client';
import { startRelayProcess } from './relay-process';
import { derive } from './report';
import { stackFloor } from './sections/stack-floor';
import { percentile, summarize } from './stats';

describe('statistics', () => {
  test('nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 0.5), 50);
    assert.equal(percentile(sorted, 0.95), 95);
    assert.equal(percentile([7], 0.95), 7);
    assert.ok(Number.isNaN(percentile([], 0.5)));
  });

  test('summarize counts successes per second of wall time', () => {
    const s = summarize([30, 10, 20, 40], 2000, 1);
    assert.deepEqual({ n: s.n, errors: s.errors, perSecond: s.perSecond, p50: s.p50, max: s.max }, { n: 4, errors: 1, perSecond: 2, p50: 20, max: 40 });
  });

  test('runLoad never runs more than `concurrency` jobs at once and records failures', async () => {
    let running = 0;
    let peak = 0;
    const r = await runLoad(20, 3, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((res) => setImmediate(res));
      running--;
      if (i % 5 === 0) throw new Error(`job ${i} failed`);
    });
    assert.equal(peak, 3);
    assert.equal(r.n, 16);
    assert.equal(r.errors, 4);
    assert.match(r.errorSamples[0], /job 0 failed/);
  });
});

describe('arguments', () => {
  test('defaults, --quick and validation', () => {
    const full = parseBenchArgs([]) as BenchArgs;
    assert.deepEqual([full.invoices, full.concurrency, full.delays, full.clicks], [1000, [1, 4, 16], [0, 200], 5]);
    const quick = parseBenchArgs(['--quick']) as BenchArgs;
    assert.equal(quick.invoices, 200);
    assert.equal((parseBenchArgs(['--quick', '--invoices', '50']) as BenchArgs).invoices, 50);
    assert.equal(parseBenchArgs(['--help']), 'help');
    assert.throws(() => parseBenchArgs(['--invoices', '0']), /positive integer/);
    assert.throws(() => parseBenchArgs(['--only', 'nonsense']), /unknown section/);
  });

  test('with a delay, low concurrency runs fewer invoices (same wall time per cell), never fewer than 50', () => {
    const args = parseBenchArgs([]) as BenchArgs;
    assert.equal(cellCount(args, 0, 1), 1000);
    assert.equal(cellCount(args, 200, 16), 1000);
    assert.equal(cellCount(args, 200, 4), 250);
    assert.equal(cellCount(args, 200, 1), 63);
    assert.equal(cellCount(parseBenchArgs(['--invoices', '100']) as BenchArgs, 200, 1), 50);
    assert.equal(cellCount(parseBenchArgs(['--invoices', '30']) as BenchArgs, 200, 1), 30);
  });
});

describe('naive client', () => {
  test('logs in for every invoice and registers each one with the offline IRP', async () => {
    const irp = await startTestIrp();
    try {
      const naive = new NaiveIrpClient({ baseUrl: irp.baseUrl, gstin: SELLER_GSTIN, ...irp.irp.credentials, publicKeyPem: irp.irp.publicKeyPem });
      const before = { ...irp.irp.counters };
      const irns = [await naive.generateIrn(makeInvoice()), await naive.generateIrn(makeInvoice())];
      for (const irn of irns) assert.match(irn, /^[0-9a-f]{64}$/);
      assert.notEqual(irns[0], irns[1]);
      assert.equal(irp.irp.counters.authCalls - before.authCalls, 2);
      assert.equal(irp.irp.counters.registrations - before.registrations, 2);
      assert.equal(naive.authCalls, 2);
    } finally {
      await irp.close();
    }
  });

  test('a refused invoice is an error, not a fast success', async () => {
    const irp = await startTestIrp();
    try {
      const naive = new NaiveIrpClient({ baseUrl: irp.baseUrl, gstin: SELLER_GSTIN, ...irp.irp.credentials, publicKeyPem: irp.irp.publicKeyPem });
      const invoice = makeInvoice();
      await naive.generateIrn(invoice);
      await assert.rejects(naive.generateIrn(invoice), /generate refused/);
    } finally {
      await irp.close();
    }
  });
});

describe('relay (the floor)', () => {
  test('registers each invoice through its own process, and the derived floor is relay p50 / direct p50', async () => {
    const irp = await startTestIrp();
    const relay = await startRelayProcess({ baseUrl: irp.baseUrl, gstin: SELLER_GSTIN, ...irp.irp.credentials, publicKeyPem: irp.irp.publicKeyPem });
    try {
      const before = irp.irp.counters.registrations;
      for (let i = 0; i < 3; i++) await relay.generate(makeInvoice());
      assert.equal(irp.irp.counters.registrations - before, 3);
      await assert.rejects(relay.generate({ not: 'an invoice' }), /relay: HTTP 502/);
    } finally {
      await relay.stop();
      await irp.close();
    }
    const cell = (client: string, p50: number) => ({ client, delayMs: 0, concurrency: 1, p50, perSecond: 1 }) as never;
    const [row] = derive({ cells: [cell('companion', 9), cell('direct', 5), cell('relay', 8), cell('naive', 7)], companionAuthCalls: 1 });
    assert.equal(row.overheadP50, 1.8);
    assert.equal(row.floorP50, 1.6);
  });
});

describe('stack floor (the memory floor)', () => {
  test('the stack alone serves its request and idles below the companion, above a bare node; both are sampled from /proc', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
    const floor = await stackFloor(200, () => undefined);
    for (const m of [floor.bareNode, floor.stack]) assert.ok(m.rssMiB > 0 && m.privateMiB > 0 && m.privateMiB <= m.rssMiB, JSON.stringify(m));
    // Hono, @hono/node-server (which loads Node's undici), zod and SQLite are several MiB over an empty node.
    assert.ok(floor.stack.rssMiB > floor.bareNode.rssMiB + 5, JSON.stringify(floor));
  });
});
