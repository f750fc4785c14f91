/**
 * `irn-bridge generate` with a directory, several files or a JSON array: the real binary as a child
 * process, against an offline IRP served by this test (so its registration counter can be read).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { addIrpProfile, makeHome } from '../service/helpers';
import { startTestIrp, type TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { noStack, run, type Run } from './run';

const PROGRESS = /^\[\s*(\d+)\/(\d+)\] (ok|failed) (.*)$/;

/** The progress lines on stderr (plain lines: stderr is a pipe here), as [done, total, outcome, rest]. */
function progressOf(r: Run): [number, number, string, string][] {
  return r.stderr.split('\n').flatMap((l) => {
    const m = PROGRESS.exec(l);
    return m ? [[Number(m[1]), Number(m[2]), m[3], m[4]] as [number, number, string, string]] : [];
  });
}

interface Item { file: string; index: number; ok: boolean; result?: EInvoiceResult; error?: { code: string; message: string; issues?: { code: string }[] } }

describe('irn-bridge generate: many invoices', () => {
  let irp: TestIrp;
  let home: ReturnType<typeof makeHome>;
  let work: string;
  let dir: string;
  const badJson = () => join(dir, 'inv-05.json');
  const badHsn = () => join(dir, 'inv-09.json');

  before(async () => {
    irp = await startTestIrp();
    home = makeHome('irnb-cli-many-');
    addIrpProfile(home.home, irp);
    work = mkdtempSync(join(tmpdir(), 'irnb-cli-many-work-'));
    // Month-end: 12 files; inv-05 is broken JSON, inv-09 has an HSN the IRP does not know.
    dir = join(work, 'march');
    mkdirSync(dir);
    for (let n = 1; n <= 12; n++) {
      const name = `inv-${String(n).padStart(2, '0')}.json`;
      const invoice = makeInvoice({ docNo: `ASW-26-${String(n).padStart(5, '0')}` });
      if (n === 9) invoice.ItemList[0].HsnCd = '01019999';
      writeFileSync(join(dir, name), n === 5 ? '{\n  "Version": "1.1",\n  "DocDtls": {,\n}' : JSON.stringify(invoice, null, 2));
    }
    writeFileSync(join(dir, 'README.txt'), 'not an invoice, and not *.json: ignored');
  });
  after(async () => {
    await irp.close();
    home.remove();
    rmSync(work, { recursive: true, force: true });
  });

  test('a directory: 10 generated, 2 failed by name and reason, progress per invoice, exit 1', async () => {
    const r = await run(home.home, ['generate', dir, '--concurrency', '3']);
    assert.equal(r.code, 1, r.stderr);
    noStack(r);
    const lines = progressOf(r);
    assert.equal(lines.length, 12, r.stderr);
    assert.deepEqual(lines.map(([done]) => done), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.ok(lines.every(([, total]) => total === 12));
    assert.equal(lines.filter(([, , how]) => how === 'ok').length, 10);
    const failed = lines.filter(([, , how]) => how === 'failed').map(([, , , rest]) => rest);
    assert.equal(failed.length, 2);
    assert.ok(failed.some((l) => l.includes(badJson()) && /not valid JSON at line 3, column 15/.test(l)), failed.join('\n'));
    assert.ok(failed.some((l) => l.startsWith('INV ASW-26-00009') && l.includes(badHsn()) && /HSN code 01019999 .*\(IRP 2176\)/.test(l)), failed.join('\n'));
    for (const [, , how, rest] of lines.filter(([, , how]) => how === 'ok')) assert.match(rest, /^INV ASW-26-\d{5} → [0-9a-f]{8}…$/, how);

    assert.match(r.stdout, /^12 invoices: 10 generated, 0 already in the ledger, 0 recovered, 2 failed$/m);
    assert.match(r.stdout, new RegExp(`^  ${escape(badJson())} is not valid JSON at line 3, column 15`, 'm'));
    assert.match(r.stdout, new RegExp(`^  INV ASW-26-00009 \\(${escape(badHsn())}\\): .*HSN code 01019999.*\\(IRP 2176\\)`, 'm'));
    assert.match(r.stdout, /hint: Check the HSN code/);
    assert.equal(irp.irp.counters.registrations, 10);
  });

  test('the same directory again: all 10 from the ledger, nothing sent to the IRP; --json parses', async () => {
    const registrations = irp.irp.counters.registrations;
    const requests = irp.irp.counters.requests;
    const again = await run(home.home, ['generate', dir]);
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stdout, /^12 invoices: 0 generated, 10 already in the ledger, 0 recovered, 2 failed$/m);
    assert.equal(progressOf(again).filter(([, , how, rest]) => how === 'ok' && rest.endsWith('(from the ledger)')).length, 10);

    const json = await run(home.home, ['generate', dir, '--json']);
    assert.equal(json.code, 1, json.stderr);
    assert.equal(progressOf(json).length, 12, 'progress stays on stderr with --json');
    const items = JSON.parse(json.stdout) as Item[];
    assert.deepEqual(items.map((i) => i.file), Array.from({ length: 12 }, (_, n) => join(dir, `inv-${String(n + 1).padStart(2, '0')}.json`)));
    assert.ok(items.every((i) => i.index === 0));
    const ok = items.filter((i) => i.ok);
    assert.equal(ok.length, 10);
    assert.ok(ok.every((i) => i.result!.fromLedger === true && /^[0-9a-f]{64}$/.test(i.result!.irn)));
    assert.equal(new Set(ok.map((i) => i.result!.irn)).size, 10);
    const [broken, hsn] = items.filter((i) => !i.ok);
    assert.equal(broken.file, badJson());
    assert.equal(broken.error!.code, 'BAD_REQUEST');
    assert.match(broken.error!.message, /not valid JSON at line 3, column 15/);
    assert.equal(hsn.file, badHsn());
    assert.equal(hsn.error!.code, 'INVALID_INVOICE');
    assert.ok(hsn.error!.issues!.some((i) => i.code === '2176'));

    assert.equal(irp.irp.counters.registrations, registrations, 'no new registration at the IRP');
    assert.equal(irp.irp.counters.requests, requests, 'no IRP call at all');
  });

  test('a file holding a JSON array, next to a single-invoice file and a missing one', async () => {
    const before = irp.irp.counters.registrations;
    const array = join(work, 'april.json');
    writeFileSync(array, JSON.stringify([makeInvoice(), { invoice: makeInvoice() }, makeInvoice()]));
    const single = join(work, 'one.json');
    writeFileSync(single, JSON.stringify(makeInvoice()));
    const missing = join(work, 'missing.json');
    const r = await run(home.home, ['generate', array, single, missing, '--json']);
    assert.equal(r.code, 1, r.stderr);
    noStack(r);
    const items = JSON.parse(r.stdout) as Item[];
    assert.deepEqual(items.map((i) => [i.file, i.index, i.ok]), [[array, 0, true], [array, 1, true], [array, 2, true], [single, 0, true], [missing, 0, false]]);
    assert.match(items[4].error!.message, /missing\.json: no such file/);
    assert.equal(irp.irp.counters.registrations, before + 4);
    assert.equal(progressOf(r).length, 5);
    assert.match(r.stderr, /^5 invoices: 4 generated, 0 already in the ledger, 0 recovered, 1 failed$/m);

    // The array alone, now all in the ledger: exit 0.
    const again = await run(home.home, ['generate', array]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^3 invoices: 0 generated, 3 already in the ledger, 0 recovered, 0 failed$/m);
    assert.doesNotMatch(again.stdout, /Failed:/);
  });

  test('one invoice keeps the single-invoice output; options are checked before anything is sent', async () => {
    const file = join(work, 'single.json');
    writeFileSync(file, JSON.stringify(makeInvoice()));
    const one = await run(home.home, ['generate', file]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^IRN {6}[0-9a-f]{64}$/m);
    assert.equal(one.stderr, '');

    const before = irp.irp.counters.requests;
    for (const bad of ['0', '17', 'four', '2.5']) {
      const r = await run(home.home, ['generate', dir, '--concurrency', bad]);
      assert.equal(r.code, 2, `--concurrency ${bad}`);
      assert.match(r.stderr, /--concurrency must be a whole number from 1 to 16/);
    }
    const unknown = await run(home.home, ['generate', dir, '--profile', 'nope']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no profile named "nope"/);
    assert.equal(progressOf(unknown).length, 0);
    noStack(unknown);
    assert.equal(irp.irp.counters.requests, before);

    const help = await run(home.home, ['generate', '--help']);
    assert.match(help.stdout, /generate FILE\|DIR … \[--concurrency N\]/);
  });

  test('on a terminal the progress is one line rewritten in place', async () => {
    const writes: string[] = [];
    const out: string[] = [];
    const io: Io = {
      out: (t) => void out.push(t),
      err: (t) => assert.fail(`a plain stderr line on a terminal: ${t}`),
      stdin: async () => '',
      env: { IRN_BRIDGE_HOME: home.home },
      errTerminal: { write: (t) => void writes.push(t), columns: 60 },
    };
    const array = join(work, 'may.json');
    writeFileSync(array, JSON.stringify([makeInvoice(), makeInvoice(), makeInvoice()]));
    const code = await main(['generate', array, join(dir, 'inv-05.json')], io);
    assert.equal(code, 1);
    assert.equal(writes.length, 5, JSON.stringify(writes)); // four updates and the closing newline
    assert.equal(writes.pop(), '\n');
    for (const w of writes) {
      assert.match(w, /^\r\[\d\/4\] (ok|failed) /);
      assert.equal(w.includes('\n'), false);
      assert.ok(w.length - 1 <= 59, `wider than the terminal: ${JSON.stringify(w)}`);
    }
    assert.ok(writes.some((w) => w.trimEnd().endsWith('…')), 'a long line is cut to the width');
    assert.match(out.join('\n'), /4 invoices: 3 generated, 0 already in the ledger, 0 recovered, 1 failed/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
