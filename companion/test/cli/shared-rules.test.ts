/**
 * The CLI applies the same rules as the API, from the same modules: e-way bill fields
 * (shared/src/ewaybill/rules.ts), the raw-call allow-list, and the audited GSTIN lookup.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { makeInvoice, INTRA_BUYER_GSTIN } from '../support/invoices';
import { makeHome } from '../service/helpers';

describe('CLI and API share their rules', () => {
  let home: ReturnType<typeof makeHome>;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), stdin: async () => '', env: { IRN_BRIDGE_HOME: home.home } };
    const code = await main(args, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  let irn: string;
  before(async () => {
    home = makeHome('irnb-cli-rules-');
    const file = join(home.home, 'inv.json');
    writeFileSync(file, JSON.stringify(makeInvoice()));
    const gen = await run(['generate', file, '--json']);
    assert.equal(gen.code, 0, gen.stderr);
    irn = JSON.parse(gen.stdout).irn;
  });
  after(() => home.remove());

  test('ewaybill: a road bill without a valid vehicle is refused by the shared rule, naming the field; then generated', async () => {
    const noVehicle = await run(['ewaybill', irn, '--distance', '120', '--mode', '1']);
    assert.equal(noVehicle.code, 2, noVehicle.stderr);
    assert.match(noVehicle.stderr, /"vehNo": Vehicle number is required for road transport/);
    const badMode = await run(['ewaybill', irn, '--distance', '120', '--mode', '7']);
    assert.match(badMode.stderr, /"transMode": Transport mode must be Road, Rail, Air or Ship/);
    const ok = await run(['ewaybill', irn, '--distance', '120', '--mode', '1', '--vehicle', 'ka 01-ab 1234', '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(JSON.parse(ok.stdout).ewbNo, /^\d+$/);
  });

  test('irp post to the generate endpoint, however spelled, is refused as through the API', async () => {
    const file = join(home.home, 'body.json');
    writeFileSync(file, JSON.stringify(makeInvoice()));
    for (const path of ['/eicore/v1.03/Invoice', '/eicore/v1.03/./Invoice/']) {
      const r = await run(['irp', 'post', path, file]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /go through the ledger/);
    }
  });

  test('gstin: the lookup is audited, as the API\'s is', async () => {
    const r = await run(['gstin', INTRA_BUYER_GSTIN]);
    assert.equal(r.code, 0, r.stderr);
    const db = new Database(join(home.home, 'irn-bridge.db'), { readonly: true });
    try {
      const row = db.prepare("SELECT outcome FROM audit WHERE operation = 'gstin' ORDER BY id DESC LIMIT 1").get() as { outcome: string } | undefined;
      assert.equal(row?.outcome, 'ok');
    } finally {
      db.close();
    }
  });
});
