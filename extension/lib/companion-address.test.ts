import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companionBaseUrl, sharedCompanionAddress } from './companion-address';

test('a shared companion is https://, given with or without the scheme; the pattern drops the port', () => {
  assert.deepEqual(sharedCompanionAddress('https://irn.office.lan:47321/'), { url: 'https://irn.office.lan:47321', pattern: 'https://irn.office.lan/*' });
  assert.deepEqual(sharedCompanionAddress(' 192.168.1.20:47321 '), { url: 'https://192.168.1.20:47321', pattern: 'https://192.168.1.20/*' });
});

test('plain http:// to another computer is refused: the key would cross the LAN in clear', () => {
  const r = sharedCompanionAddress('http://192.168.1.20:47321');
  assert.ok('error' in r);
  assert.match(r.error, /plain http:\/\/.*key.*https:\/\//);
  assert.ok('error' in sharedCompanionAddress('http://irn.office.lan:47321'));
});

test('http:// to a loopback address stays allowed (nothing crosses the network)', () => {
  assert.deepEqual(sharedCompanionAddress('http://127.0.0.2:47321'), { url: 'http://127.0.0.2:47321', pattern: 'http://127.0.0.2/*' });
});

test('paths, credentials, other schemes and nonsense are refused with what to type', () => {
  for (const bad of ['', 'https://irn.lan:1/v1', 'https://me:pw@irn.lan:1', 'ftp://irn.lan', 'https://exa mple:1']) {
    const r = sharedCompanionAddress(bad);
    assert.ok('error' in r, bad);
    assert.ok(r.error.length > 20, bad);
  }
});

test('calls go to the shared companion when one is set, else to this computer', () => {
  assert.equal(companionBaseUrl({ port: 47321, sharedUrl: null }), 'http://127.0.0.1:47321');
  assert.equal(companionBaseUrl({ port: 47321, sharedUrl: 'https://irn.lan:9000' }), 'https://irn.lan:9000');
});
