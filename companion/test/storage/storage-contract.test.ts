/**
 * The storage interface (src/storage/types.ts) holds the same on SQLite and on PostgreSQL: claims and
 * owners, the ledger list's search, keys with role and user, pairing codes under concurrent redeems,
 * the token cache, and the user named in audit entries.
 */
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentKeyOf } from '@irn-bridge/shared/irn';
import { openStorageNow } from '../../src/storage/open';
import type { Storage } from '../../src/storage/types';
import type { SqliteStorage } from '../../src/storage/sqlite';
import type { PostgresStorage } from '../../src/storage/postgres';
import { sql } from '../../src/storage/postgres/connect';
import { makeInvoice } from '../support/invoices';
import { makeHome } from '../service/helpers';
import { dropAll, STORAGES } from '../support/storage';

/** Raw SQL with `?` placeholders on either storage, for setting up what another process would have written. */
async function exec(storage: Storage, text: string, args: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (storage.kind === 'sqlite') {
    const st = (storage as SqliteStorage).db.prepare(text);
    return st.reader ? st.all(...args) as Record<string, unknown>[] : (st.run(...args), []);
  }
  return (await (storage as PostgresStorage).pool.query(sql(text), args)).rows;
}

const attemptOf = (invoice = makeInvoice(), user: string | null = null) => ({
  key: documentKeyOf(invoice), docNo: invoice.DocDtls.No, profile: 'p', request: invoice,
  buyerGstin: invoice.BuyerDtls.Gstin, totalValue: invoice.ValDtls.TotInvVal, user,
});

for (const storageCase of STORAGES) describe(`the storage interface, ${storageCase.name}`, { skip: await storageCase.skip() }, () => {
  let home: ReturnType<typeof makeHome>;
  let storage: Storage;
  after(dropAll);
  beforeEach(async () => {
    home = makeHome('irnb-storage-');
    storage = await openStorageNow(home.home, await storageCase.database());
  });
  afterEach(async () => {
    await storage.close();
    home.remove();
  });

  test('claim: a new document is sent; a row a live other process owns is busy; a dead owner\'s row is checked, not resent', async () => {
    const a = attemptOf(makeInvoice(), 'Asha');
    const first = await storage.ledger.claim(a);
    assert.equal(first.kind, 'send');
    assert.equal(first.row.state, 'pending');
    assert.equal(first.row.created_by, 'Asha');
    // Another live process (this test's parent) owns it, with a fresh heartbeat.
    await exec(storage, 'UPDATE einvoices SET owner_pid = ?, owner_nonce = ?, owner_heartbeat = ? WHERE id = ?',
      [process.ppid, 'someone-else', new Date().toISOString(), first.row.id]);
    assert.equal((await storage.ledger.claim(a)).kind, 'busy');
    assert.equal(await storage.ledger.claimForReconcile(first.row.id), null, 'nor may it be reconciled');
    // That owner dies (a pid that does not exist): the row is taken over, to be checked at the IRP first.
    await exec(storage, 'UPDATE einvoices SET owner_pid = ? WHERE id = ?', [2147483646, first.row.id]);
    const taken = await storage.ledger.claim(a);
    assert.equal(taken.kind, 'check');
    assert.equal(taken.row.owner_nonce !== 'someone-else', true);
  });

  test('twenty concurrent claims of one document: exactly one is told to send', async () => {
    const a = attemptOf();
    const claims = await Promise.all(Array.from({ length: 20 }, () => storage.ledger.claim(a)));
    assert.equal(claims.filter((c) => c.kind === 'send').length, 1, JSON.stringify(claims.map((c) => c.kind)));
    assert.equal((await storage.ledger.list()).total, 1);
  });

  test('the list searches number, GSTIN and buyer name ignoring case, and pages', async () => {
    const invoice = makeInvoice();
    invoice.BuyerDtls.LglNm = 'Kaveri Traders';
    await storage.ledger.beginAttempt(attemptOf(invoice));
    await storage.ledger.beginAttempt(attemptOf());
    assert.equal((await storage.ledger.list({ q: 'kaveri' })).total, 1);
    assert.equal((await storage.ledger.list({ q: invoice.DocDtls.No.toLowerCase() })).rows[0]?.doc_no, invoice.DocDtls.No);
    assert.equal((await storage.ledger.list({ limit: 1 })).rows.length, 1);
    assert.equal((await storage.ledger.list({ state: 'generated' })).total, 0);
    // Text before the NUL ends a document number: a LIKE pattern cut at the NUL (SQLite) would find it.
    assert.equal((await storage.ledger.list({ q: `${invoice.DocDtls.No.slice(-3)}\u0000zz` })).total, 0, 'a NUL in the search finds nothing, and is no error');
  });

  test('keys: role and user stored, the plain key never; a revoked key stops; a key made without a role is admin', async () => {
    const clerk = await storage.keys.issue('cli', null, { role: 'clerk', userName: 'Ravi' });
    const desk = await storage.keys.issue('extension', 'chrome-extension://abc');
    assert.deepEqual({ ...(await storage.keys.verify(clerk.apiKey)), createdAt: '', lastUsedAt: '' },
      { id: clerk.keyId, client: 'cli', origin: null, createdAt: '', lastUsedAt: '', revokedAt: null, role: 'clerk', userName: 'Ravi' });
    assert.equal((await storage.keys.verify(desk.apiKey))?.role, 'admin');
    assert.equal(await storage.keys.isPairedOrigin('chrome-extension://abc'), true);
    const stored = JSON.stringify(await exec(storage, 'SELECT * FROM api_keys'));
    assert.ok(!stored.includes(clerk.apiKey) && !stored.includes(desk.apiKey), 'only hashes are stored');
    assert.equal(await storage.keys.revoke(clerk.keyId), true);
    assert.equal(await storage.keys.verify(clerk.apiKey), null);
    assert.equal(await storage.keys.revoke(clerk.keyId), false);
  });

  test('pairing: of five concurrent redeems of one code, one pairs and the others are told it was used', async () => {
    const { code } = await storage.pairing.create();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => storage.pairing.redeem(code)));
    assert.deepEqual(outcomes.sort(), ['ok', 'used', 'used', 'used', 'used']);
    assert.ok((await storage.pairing.newestCreatedAt()) > 0);
  });

  test('tokens: stored, read back, deleted; exclusive runs one holder at a time', async () => {
    const id = 'ab'.repeat(32);
    const token = { authToken: 't', sek: 's', tokenExpiry: '2099-01-01 00:00:00', expiresAt: 4070908800000, userName: 'u' };
    assert.equal(await storage.tokens.get(id), null);
    await storage.tokens.set(id, token);
    assert.deepEqual(await storage.tokens.get(id), token);
    await storage.tokens.delete(id);
    assert.equal(await storage.tokens.get(id), null);
    if (storage.kind === 'postgres') {
      let inside = 0;
      let most = 0;
      await Promise.all(Array.from({ length: 4 }, () => storage.tokens.exclusive!(id, async () => {
        most = Math.max(most, ++inside);
        await new Promise((r) => setTimeout(r, 30));
        inside--;
      })));
      assert.equal(most, 1, 'never two holders at once');
      // A login longer than the row-lock timeout (5 s): the next process waits for it instead of failing.
      let released = false;
      const slow = storage.tokens.exclusive!(id, async () => { await new Promise((r) => setTimeout(r, 5_500)); released = true; });
      await new Promise((r) => setTimeout(r, 50));
      const waited = await storage.tokens.exclusive!(id, async () => released);
      await slow;
      assert.equal(waited, true, 'the second holder ran after the first, though it waited more than 5 s');
      // Twelve profiles logging in at once, each storing its token while it holds its lock: nobody starves for a connection.
      const ids = Array.from({ length: 12 }, (_, i) => (i + 10).toString(16).repeat(32).slice(0, 64));
      await Promise.all(ids.map((each) => storage.tokens.exclusive!(each, () => storage.tokens.set(each, token))));
      for (const each of ids) assert.deepEqual(await storage.tokens.get(each), token);
    }
  });

  test('audit entries name the user who asked', async () => {
    await storage.ledger.audit({ profile: 'p', operation: 'cancel', irn: 'abc', outcome: 'cancelled', user: 'Meena' });
    await storage.ledger.audit({ profile: 'p', operation: 'reconcile', outcome: 'recovered' });
    const rows = await exec(storage, 'SELECT operation, user_name FROM audit ORDER BY id');
    assert.deepEqual(rows.map((r) => [r.operation, r.user_name]), [['cancel', 'Meena'], ['reconcile', null]]);
  });
});
