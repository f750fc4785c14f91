/**
 * The admin's own certificate (--tls-cert/--tls-key): served as given, and refused clearly when the
 * file is not a certificate, the key is not its key, or it has expired, naming the flag and the fix.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { makeHome } from '../service/helpers';
import { loadGivenTls } from '../../src/tls/certificate';
import { CompanionStartError } from '../../src/server';

const make = (names: string[], notAfter = new Date(Date.now() + 86_400_000)) => generate([{ name: 'commonName', value: names[0] }], {
  keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate: new Date(Date.now() - 2 * 86_400_000), notAfterDate: notAfter,
  extensions: [{ name: 'subjectAltName', altNames: names.map((value) => ({ type: 2 as const, value })) }],
});

describe('team mode: the admin\'s certificate', () => {
  const home = makeHome('irnb-team-tls-');
  after(() => home.remove());
  const file = (name: string, text: string) => {
    const p = join(home.home, name);
    writeFileSync(p, text);
    return p;
  };

  test('a certificate with its key is taken as given, with its names and fingerprint', async () => {
    const a = await make(['billing.office.lan']);
    const tls = loadGivenTls(file('a.pem', a.cert), file('a-key.pem', a.private));
    assert.equal(tls.source, 'given');
    assert.equal(tls.fingerprint, new X509Certificate(a.cert).fingerprint256);
    assert.deepEqual(tls.names, ['billing.office.lan']);
  });

  test('refusals name the flag and the fix', async () => {
    const a = await make(['a.lan']);
    const b = await make(['b.lan']);
    const refused = (fn: () => unknown, re: RegExp) => assert.throws(fn, (e: unknown) => e instanceof CompanionStartError && re.test((e as Error).message));
    refused(() => loadGivenTls(file('k-as-cert.pem', a.private), file('k.pem', a.private)), /--tls-cert .* is not a PEM certificate/);
    refused(() => loadGivenTls(file('a2.pem', a.cert), file('b-key.pem', b.private)), /--tls-key .* does not belong to the certificate/);
    refused(() => loadGivenTls(file('a3.pem', a.cert), file('not-key.pem', a.cert)), /--tls-key .* is not an unencrypted PEM private key/);
    refused(() => loadGivenTls(join(home.home, 'missing.pem'), file('a-key2.pem', a.private)), /Cannot read --tls-cert .*missing\.pem \(ENOENT\)/);
    const old = await make(['old.lan'], new Date(Date.now() - 86_400_000));
    refused(() => loadGivenTls(file('old.pem', old.cert), file('old-key.pem', old.private)), /expired on .*--tls-self-signed/);
  });
});
