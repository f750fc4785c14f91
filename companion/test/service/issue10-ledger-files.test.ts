/**
 * Issue 10 defect 6, on real files as it was found: a ledger deleted under the running server, one
 * cut short or damaged before a restart, are refused with a message naming the file and the way
 * back; the companion keeps backups, and `irn-bridge ledger recover` restores one and rebuilds the
 * rest from the IRP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '@irn-bridge/shared/api/contract';
import { databasePath } from '../../src/ledger/db';
import { listBackups } from '../../src/ledger/backup';
import { makeInvoice } from '../support/invoices';
import { run } from '../cli/run';
import { startCompanionRig, startTestCompanion, type CompanionRig } from './helpers';
import { readRows, until } from './ledger-procs';

describe('issue 10 (6): a deleted, truncated or damaged ledger', () => {
  let rig: CompanionRig;
  let path: string;
  before(async () => {
    rig = await startCompanionRig();
    path = databasePath(rig.home.home);
  });
  // rig.close() closes the companion it started; the restarted one is closed here.
  after(async () => { await rig?.c.close(); await rig?.close(); });

  const restart = async () => {
    await rig.c.close();
    rig.c = await startTestCompanion({ home: rig.home.home });
  };

  test('the companion keeps a backup of the ledger in the home', async () => {
    const first = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    assert.equal(first.status, 200, first.text);
    await until('a backup', () => listBackups(rig.home.home)[0]);
    assert.equal(statSync(listBackups(rig.home.home)[0].path).mode & 0o077, 0, 'private to the owner');
  });

  test('deleted under the running server: refused with the file and the way back, nothing sent to the IRP', async () => {
    const before = rig.irp.irp.counters.registrations;
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const r = await rig.c.api(routes.einvoices, { body: { invoice: makeInvoice() } });
    assert.equal(r.status, 500, r.text);
    assert.ok(r.body.error.message.includes(path), r.text);
    assert.match(r.body.error.message, /missing/);
    assert.match(r.body.error.hint, /irn-bridge ledger recover/);
    assert.equal(rig.irp.irp.counters.registrations, before, 'not registered into a ledger nobody will see');
    const cli = await run(rig.home.home, ['ledger', 'list']);
    assert.notEqual(cli.code, 0, 'the CLI does not see an empty new ledger either');
    assert.match(cli.stderr, /is missing/);
  });

  test('ledger recover --from-backup, then --from-irp for what came after: every IRN back', async () => {
    await rig.c.close();
    const restored = await run(rig.home.home, ['ledger', 'recover', '--from-backup']);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /Restored the ledger from .*backups/);
    const afterBackup = makeInvoice();
    const irn = (await rig.irp.session().generateIrn(afterBackup)).data.Irn; // registered after the backup (its row was lost)
    const file = join(rig.home.home, 'later.json');
    writeFileSync(file, JSON.stringify(afterBackup));
    const rebuilt = await run(rig.home.home, ['ledger', 'recover', '--from-irp', file, '--doc', `INV,NOT-THERE-1,${afterBackup.DocDtls.Dt}`]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /2 documents: 1 recovered, 0 already in the ledger, 1 not registered at the IRP/);
    assert.equal(readRows(rig.home.home).find((r) => r.doc_no === afterBackup.DocDtls.No)?.irn, irn);
    rig.c = await startTestCompanion({ home: rig.home.home });
    const again = await rig.c.api(routes.einvoices, { body: { invoice: afterBackup } });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.irn, irn);
    assert.equal(again.body.fromLedger, true);
  });

  test('truncated before a restart: start-up refuses it instead of starting an empty ledger', async () => {
    await rig.c.close();
    for (const size of [5000, 0]) {
      truncateSync(path, size);
      await assert.rejects(startTestCompanion({ home: rig.home.home }), (e: Error) => {
        assert.ok(e.message.includes(path), e.message);
        assert.match(e.message, /truncated/);
        return true;
      });
    }
    const out = await run(rig.home.home, ['start', '--port', '0']);
    assert.notEqual(out.code, 0);
    assert.match(out.stderr, /irn-bridge ledger recover/);
  });

  test('damaged pages: start-up names the file and the way back, not "database disk image is malformed"', async () => {
    const restored = await run(rig.home.home, ['ledger', 'recover', '--from-backup']);
    assert.equal(restored.code, 0, restored.stderr);
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    try { writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096); } finally { closeSync(fd); }
    await assert.rejects(startTestCompanion({ home: rig.home.home }), (e: Error) => {
      assert.ok(e.message.includes(path), e.message);
      assert.match(e.message, /damaged/);
      return true;
    });
    assert.equal((await run(rig.home.home, ['ledger', 'recover', '--from-backup'])).code, 0);
    rig.c = await startTestCompanion({ home: rig.home.home });
  });
});
