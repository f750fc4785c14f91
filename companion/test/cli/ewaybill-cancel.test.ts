/** `irn-bridge ewaybill cancel`: the real binary on a fresh home (the demo profile's offline IRP): e-way bill, its cancellation, then the IRN's. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeInvoice } from '../support/invoices';
import { noStack, run } from './run';

describe('irn-bridge ewaybill cancel', () => {
  let home: string;
  before(() => { home = mkdtempSync(join(tmpdir(), 'irnb-cli-ewb-')); });
  after(() => rmSync(home, { recursive: true, force: true }));

  test('cancels the e-way bill (reason and remark checked first), refuses a second time, and then the IRN can be cancelled', async () => {
    const file = join(home, 'invoice.json');
    writeFileSync(file, JSON.stringify(makeInvoice()));
    const gen = await run(home, ['generate', file, '--json']);
    assert.equal(gen.code, 0, gen.stderr);
    const { irn } = JSON.parse(gen.stdout) as { irn: string };
    const ewb = await run(home, ['ewaybill', irn, '--distance', '100', '--mode', '1', '--vehicle', 'KA01AB1234', '--json']);
    assert.equal(ewb.code, 0, ewb.stderr);
    const { ewbNo } = JSON.parse(ewb.stdout) as { ewbNo: string };

    const blocked = await run(home, ['cancel', irn, '--reason', '3', '--remark', 'Order cancelled']);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /active e-way bill/);

    const badReason = await run(home, ['ewaybill', 'cancel', irn, '--reason', '5', '--remark', 'x']);
    assert.equal(badReason.code, 2);
    assert.match(badReason.stderr, /--reason must be 1 \(duplicate\), 2 \(order cancelled\), 3 \(data entry mistake\) or 4 \(other\)/);
    const longRemark = await run(home, ['ewaybill', 'cancel', irn, '--reason', '2', '--remark', 'x'.repeat(51)]);
    assert.equal(longRemark.code, 2);
    assert.match(longRemark.stderr, /--remark is required \(up to 50 characters\)/);

    const done = await run(home, ['ewaybill', 'cancel', irn, '--reason', '2', '--remark', 'Order cancelled']);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, new RegExp(`^E-way bill ${ewbNo} of IRN ${irn} cancelled on \\d{2}/\\d{2}/\\d{4} .*irn-bridge cancel`));
    const twice = await run(home, ['ewaybill', 'cancel', irn, '--reason', '2', '--remark', 'Order cancelled']);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, new RegExp(`e-way bill ${ewbNo} of IRN ${irn} was already cancelled`));
    noStack(twice);

    const cancel = await run(home, ['cancel', irn, '--reason', '3', '--remark', 'Order cancelled', '--json']);
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.equal(JSON.parse(cancel.stdout).status, 'CNL');
  });
});
