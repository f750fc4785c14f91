import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTokenCache, MemoryTokenCache, profileIdentity, type CachedToken } from '../../src/irp/token-cache';

const token: CachedToken = {
  authToken: 'tok-1', sek: Buffer.alloc(32, 1).toString('base64'), tokenExpiry: '2030-01-01 10:00:00',
  expiresAt: Date.UTC(2030, 0, 1, 4, 30), clientId: 'CID', userName: 'user',
};

describe('profileIdentity', () => {
  const base = { baseUrl: 'https://einv-apisandbox.nic.in', gstin: '29AAHCA4821K1ZH', username: 'u', clientId: 'c' };

  test('is a stable sha256 hex digest', () => {
    assert.match(profileIdentity(base), /^[0-9a-f]{64}$/);
    assert.equal(profileIdentity(base), profileIdentity({ ...base }));
    assert.equal(profileIdentity(base), profileIdentity({ ...base, baseUrl: base.baseUrl + '/' }), 'a trailing slash is the same IRP');
  });

  test('changes when any part changes', () => {
    const ids = new Set([
      profileIdentity(base),
      profileIdentity({ ...base, baseUrl: 'http://127.0.0.1:1' }),
      profileIdentity({ ...base, gstin: '37AAGCR5310M1Z6' }),
      profileIdentity({ ...base, username: 'v' }),
      profileIdentity({ ...base, clientId: 'd' }),
    ]);
    assert.equal(ids.size, 5);
  });
});

describe('FileTokenCache', () => {
  test('persists owner-only, atomically, and survives a new instance', async () => {
    const root = mkdtempSync(join(tmpdir(), 'irn-tokens-'));
    try {
      const dir = join(root, 'tokens');
      const id = profileIdentity({ baseUrl: 'x', gstin: 'g', username: 'u', clientId: 'c' });
      await new FileTokenCache(dir).set(id, token);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.deepEqual(readdirSync(dir), [`${id}.json`], 'no temp files are left behind');
      assert.equal(statSync(join(dir, `${id}.json`)).mode & 0o777, 0o600);
      const again = new FileTokenCache(dir);
      assert.deepEqual(await again.get(id), token);
      await again.set(id, { ...token, authToken: 'tok-2' });
      assert.equal((await new FileTokenCache(dir).get(id))?.authToken, 'tok-2');
      await again.delete(id);
      assert.equal(await again.get(id), null);
      await again.delete(id); // deleting twice is fine
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a missing or corrupt file reads as no token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irn-tokens-'));
    try {
      const cache = new FileTokenCache(dir);
      const id = 'ab'.repeat(32);
      assert.equal(await cache.get(id), null);
      writeFileSync(join(dir, `${id}.json`), '{not json');
      assert.equal(await cache.get(id), null);
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ authToken: 1 }));
      assert.equal(await cache.get(id), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses identities that are not hex digests (no path tricks)', async () => {
    const cache = new FileTokenCache(join(tmpdir(), 'never-created'));
    await assert.rejects(cache.set('../../etc/passwd', token), /hex digest/);
  });
});

test('MemoryTokenCache stores copies', async () => {
  const cache = new MemoryTokenCache();
  await cache.set('a', token);
  const got = await cache.get('a');
  assert.deepEqual(got, token);
  got!.authToken = 'changed';
  assert.equal((await cache.get('a'))?.authToken, 'tok-1');
  await cache.delete('a');
  assert.equal(await cache.get('a'), null);
});
