/**
 * The team database going away under a running companion: requests are refused with 503 naming the
 * database (never its password), nothing is sent to the IRP without a ledger row, and the companion
 * carries on once the database is back.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestIrp, type TestIrp } from '../support/offline-irp';
import { makeInvoice } from '../support/invoices';
import { addIrpProfile, makeHome, seenResponses, startTestCompanion, type TestCompanion } from '../service/helpers';
import { dropAll, freshPgDatabase, postgresSkipReason } from '../support/storage';

const skip = (await postgresSkipReason()) ?? false;

describe('the PostgreSQL ledger unreachable under a running companion', { skip }, () => {
  let irp: TestIrp;
  let home: ReturnType<typeof makeHome>;
  let c: TestCompanion;
  let database: string;

  /** Connections to the test database on or off, as its owner can: off also ends the companion's open ones. */
  const allowConnections = async (on: boolean) => {
    const admin = new URL(database);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${on}`);
      if (!on) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    } finally {
      await client.end();
    }
  };

  before(async () => {
    irp = await startTestIrp();
    home = makeHome();
    addIrpProfile(home.home, irp);
    database = await freshPgDatabase();
    c = await startTestCompanion({ home: home.home, database });
  });
  after(async () => {
    await c?.close();
    await irp?.close();
    home?.remove();
    await dropAll();
  });

  test('503 naming the database without its password, no IRP call; generating works again once it is back', async () => {
    assert.equal((await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } })).status, 200, 'works before');
    const sendsBefore = irp.irp.counters.registrations;
    await allowConnections(false);
    try {
      const res = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.error.code, 'OUTCOME_UNKNOWN');
      assert.match(res.body.error.message, /team database postgres:\/\/irnb_test:\*\*\*@127\.0\.0\.1:5432\/irnb_t_\w+ cannot be reached/);
      assert.equal(irp.irp.counters.registrations, sendsBefore, 'nothing registered without a ledger row');
    } finally {
      await allowConnections(true);
    }
    const again = await c.api('/v1/einvoices', { body: { invoice: makeInvoice() } });
    assert.equal(again.status, 200, again.text);
    const password = new URL(database).password;
    for (const text of [...seenResponses(c), ...c.logs]) assert.ok(!text.includes(`:${password}@`), 'the password is never answered or logged');
  });
});
