/**
 * The token at rest in a shared database (team mode): sealed with the profile's own credentials,
 * readable by every companion that holds them, by nobody else, and never swapped field for field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryTokenCache, type CachedToken } from '../../src/irp';
import { sealedTokenCache } from '../../src/irp/sealed-token-cache';

const ID = 'a'.repeat(64);
const secrets = { password: 'Pa55-word-of-the-api-user', clientSecret: 'client-secret-from-the-irp' };
const token: CachedToken = {
  authToken: '1oBfZ9xMaaa2RbFGeDUq0UY8nT', sek: Buffer.alloc(32, 7).toString('base64'),
  tokenExpiry: '2026-12-02 18:00:00', expiresAt: Date.parse('2026-12-02T12:30:00Z'), clientId: 'AAAAI29BBBB', userName: 'API_TEST',
};

test('the stored row holds neither the token nor the session key; the expiry stays readable', async () => {
  const inner = new MemoryTokenCache();
  await sealedTokenCache(inner, secrets).set(ID, token);
  const row = await inner.get(ID);
  assert.ok(row);
  const text = JSON.stringify(row);
  assert.equal(text.includes(token.authToken), false);
  assert.equal(text.includes(token.sek), false);
  assert.match(row.authToken, /^sealed\.v1\./);
  assert.match(row.sek, /^sealed\.v1\./);
  assert.deepEqual({ tokenExpiry: row.tokenExpiry, expiresAt: row.expiresAt, userName: row.userName },
    { tokenExpiry: token.tokenExpiry, expiresAt: token.expiresAt, userName: token.userName });
});

test('another companion with the same credentials opens it; other credentials or another profile find no token', async () => {
  const inner = new MemoryTokenCache();
  await sealedTokenCache(inner, secrets).set(ID, token);
  assert.deepEqual(await sealedTokenCache(inner, { ...secrets }).get(ID), token);
  assert.equal(await sealedTokenCache(inner, { ...secrets, password: 'changed' }).get(ID), null);
  assert.equal(await sealedTokenCache(inner, { ...secrets, clientSecret: 'other' }).get(ID), null);
  // The key is salted with the profile identity: a row copied to another identity does not open.
  await inner.set('b'.repeat(64), (await inner.get(ID))!);
  assert.equal(await sealedTokenCache(inner, secrets).get('b'.repeat(64)), null);
});

test('a row written unsealed (an earlier version), damaged, or with its fields swapped is no token: the session logs in again', async () => {
  const inner = new MemoryTokenCache();
  const cache = sealedTokenCache(inner, secrets);
  await inner.set(ID, token);
  assert.equal(await cache.get(ID), null);
  await cache.set(ID, token);
  const row = (await inner.get(ID))!;
  await inner.set(ID, { ...row, authToken: row.sek, sek: row.authToken });
  assert.equal(await cache.get(ID), null, 'the field name is authenticated');
  await inner.set(ID, { ...row, authToken: row.authToken.slice(0, -4) + 'AAAA' });
  assert.equal(await cache.get(ID), null);
  await inner.set(ID, { ...row, sek: 'sealed.v1.' });
  assert.equal(await cache.get(ID), null);
  await cache.delete(ID);
  assert.equal(await inner.get(ID), null);
});

test('a shared cache keeps its single-flight login through the seal; a private one has none', async () => {
  const calls: string[] = [];
  const shared = Object.assign(new MemoryTokenCache(), {
    exclusive: async <T>(identity: string, fn: () => Promise<T>) => { calls.push(identity); return fn(); },
  });
  const sealed = sealedTokenCache(shared, secrets);
  assert.equal(await sealed.exclusive!(ID, async () => 42), 42);
  assert.deepEqual(calls, [ID]);
  assert.equal(sealedTokenCache(new MemoryTokenCache(), secrets).exclusive, undefined);
});
