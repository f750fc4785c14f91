/** `irn-bridge doctor` in team mode checks the PostgreSQL ledger named by IRN_BRIDGE_DATABASE, never showing its password. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runDoctor } from '../../src/doctor';
import { makeHome } from '../service/helpers';
import { dropAll, freshPgDatabase, postgresSkipReason } from '../support/storage';

const skip = (await postgresSkipReason()) ?? false;

describe('doctor on a PostgreSQL ledger', { skip }, () => {
  const home = makeHome('irnb-doctor-pg-');
  after(async () => {
    home.remove();
    await dropAll();
  });

  const ledgerFinding = async (database: string) => {
    const findings = await runDoctor({ home: home.home, port: 1, env: { IRN_BRIDGE_DATABASE: database }, profiles: false });
    return findings.find((f) => f.check === 'ledger')!;
  };

  test('a reachable database is ok; a wrong password fails naming the database, not the password', async () => {
    const database = await freshPgDatabase();
    const good = await ledgerFinding(database);
    assert.equal(good.status, 'ok', JSON.stringify(good));
    assert.match(good.message, /team database postgres:\/\/irnb_test:\*\*\*@127\.0\.0\.1:5432\/irnb_t_\w+ answers \(0 documents/);

    const wrong = new URL(database);
    wrong.password = 'not-the-password-42';
    const bad = await ledgerFinding(wrong.toString());
    assert.equal(bad.status, 'fail', JSON.stringify(bad));
    assert.match(bad.message, /refused the login/);
    assert.ok(!JSON.stringify(bad).includes('not-the-password-42') && !JSON.stringify(good).includes(':irnb_test@'), 'no password in any finding');
  });

  test('a database where the user may not create tables fails saying so and what the administrator grants', async () => {
    const notOwned = new URL(await freshPgDatabase());
    notOwned.pathname = '/postgres'; // owned by postgres; PostgreSQL 15 lets no one else create in its public schema
    const finding = await ledgerFinding(notOwned.toString());
    assert.equal(finding.status, 'fail', JSON.stringify(finding));
    assert.match(finding.message, /does not let this user create the companion's tables/);
    assert.match(finding.hint ?? '', /GRANT CREATE ON SCHEMA public/);
  });
});
