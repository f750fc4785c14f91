/**
 * Team mode's network side over real sockets (issue 10): `start --listen` refuses a LAN address
 * without TLS or without per-user keys, serves HTTPS with the certificate whose fingerprint it
 * printed, answers the LAN names it serves and still refuses a rebinding page's name, and refuses
 * pairing from another computer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { makeHome } from '../service/helpers';
import { BIN, noStack, run } from '../cli/run';
import { startCompanion, type RunningCompanion } from '../../src/server';
import { createLogger } from '../../src/logger';
import { httpsCall, lanAddress } from './tls-client';

const silent = createLogger('silent');

describe('team mode: LAN listener', () => {
  const home = makeHome('irnb-team-lan-');
  let running: RunningCompanion;
  let clerkKey = '';
  let lan: string | null = null;
  before(async () => {
    lan = await lanAddress();
  });
  after(async () => {
    await running?.close();
    home.remove();
  });

  test('a LAN address without TLS is refused, naming the flags', async () => {
    const out = await run(home.home, ['start', '--listen', '0.0.0.0:0']);
    assert.equal(out.code === 0, false);
    assert.match(out.stderr, /must use TLS/);
    assert.match(out.stderr, /--tls-cert FILE --tls-key FILE/);
    assert.match(out.stderr, /--tls-self-signed/);
    noStack(out);
  });

  test('a LAN address with TLS but no per-user key is refused, naming keys create', async () => {
    const out = await run(home.home, ['start', '--listen', '0.0.0.0:0', '--tls-self-signed']);
    assert.equal(out.code === 0, false);
    assert.match(out.stderr, /no one has a key of their own/);
    assert.match(out.stderr, /irn-bridge keys create --user NAME --role clerk/);
    noStack(out);
  });

  test('keys create prints a clerk key once; start --listen prints the certificate fingerprint it serves', async () => {
    const made = await run(home.home, ['keys', 'create', '--user', 'Asha', '--role', 'clerk', '--json']);
    assert.equal(made.code, 0, made.stderr);
    clerkKey = JSON.parse(made.stdout).apiKey;
    assert.match(clerkKey, /^irnb_/);
    const listed = await run(home.home, ['keys', 'list']);
    assert.match(listed.stdout, /Asha \(clerk\)/);
    assert.equal(listed.stdout.includes(clerkKey), false, 'a key is never shown again');

    // The real CLI: the fingerprint it prints must be the one of the certificate it keeps in the home.
    const child = spawn(process.execPath, [BIN, 'start', '--listen', '0.0.0.0:0', '--tls-self-signed', '--name', 'billing-desk.lan'], {
      env: { ...process.env, IRN_BRIDGE_HOME: home.home, IRN_BRIDGE_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const deadline = Date.now() + 30_000;
      while (!/SHA-256 fingerprint: ([0-9A-F:]+)/.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) assert.fail(`no fingerprint printed: ${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const printed = /SHA-256 fingerprint: ([0-9A-F:]+)/.exec(stdout)![1];
      const path = /TLS certificate \((?:made now: )?([^)]+)\)/.exec(stdout)![1];
      const kept = new X509Certificate(readFileSync(path, 'utf8'));
      assert.equal(printed, kept.fingerprint256);
      assert.ok(kept.subjectAltName?.includes('DNS:billing-desk.lan'), kept.subjectAltName);
      assert.match(stdout, /https:\/\/0\.0\.0\.0:\d+/);
      const doctor = await run(home.home, ['doctor', '--json']);
      const findings = JSON.parse(doctor.stdout) as { check: string; status: string; facts?: { fingerprint?: string } }[];
      const tls = (Array.isArray(findings) ? findings : (findings as unknown as { findings: typeof findings }).findings).find((f) => f.check === 'tls');
      assert.equal(tls?.facts?.fingerprint, printed, `doctor names the same fingerprint: ${doctor.stdout.slice(0, 400)}`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('HTTPS on the LAN: the served certificate, its names accepted, a rebinding name refused, roles enforced', async (t) => {
    running = await startCompanion({ home: home.home, port: 0, host: '0.0.0.0', tls: { selfSigned: true }, names: ['billing-desk.lan'], log: silent, reconcileOnStart: false });
    const ca = readFileSync(running.tls!.certPath, 'utf8');
    assert.equal(running.tls!.source, 'kept', 'the certificate made by the first start is kept (same fingerprint for the clerks)');
    const call = (hostHeader: string, path: string, extra: { method?: string; body?: unknown; key?: string; connect?: string } = {}) => httpsCall({
      host: extra.connect ?? '127.0.0.1', port: running.port, ca, path, servername: 'localhost', method: extra.method, body: extra.body,
      headers: { host: hostHeader, ...(extra.key ? { authorization: `Bearer ${extra.key}` } : {}) },
    });
    const health = await call(`127.0.0.1:${running.port}`, '/v1/health');
    assert.equal(health.status, 200, health.text);
    assert.equal(health.peer.fingerprint256, running.tls!.fingerprint, 'the socket serves the certificate whose fingerprint was printed');
    assert.equal(health.body.tlsFingerprint, running.tls!.fingerprint, 'health names the fingerprint, for the clerk to compare with the admin\'s');
    assert.equal(health.body.user, undefined, 'without a key health names nobody');
    const keyed = await call(`127.0.0.1:${running.port}`, '/v1/health', { key: clerkKey });
    assert.deepEqual([keyed.body.paired, keyed.body.user, keyed.body.role], [true, 'Asha', 'clerk'], 'with a key: who the companion will name for it');

    assert.equal((await call(`billing-desk.lan:${running.port}`, '/v1/health')).status, 200, 'the admin\'s name is served');
    assert.equal((await call(`BILLING-DESK.LAN:${running.port}`, '/v1/health')).status, 200, 'names are case-insensitive');
    for (const rebinding of [`attacker.example:${running.port}`, `billing-desk.lan.attacker.example:${running.port}`, 'billing-desk.lan', `billing-desk.lan:${running.port + 1}`, `[::2]:${running.port}`, `[::1]:${running.port}`, `localhost.:${running.port}`]) {
      const res = await call(rebinding, '/v1/health');
      assert.equal(res.status, 421, `Host "${rebinding}" must be refused: ${res.text}`);
    }
    if (lan) {
      const res = await call(`${lan}:${running.port}`, '/v1/profiles', { key: clerkKey, connect: lan });
      assert.equal(res.status, 200, `the LAN address is served: ${res.text}`);
      const pair = await call(`${lan}:${running.port}`, '/v1/pair', { body: { code: 'ABCD-EFGH', client: 'x' }, connect: lan });
      assert.equal(pair.status, 403, pair.text);
      assert.match(pair.body.error.message, /Pairing is done on the companion's own computer/);
    } else {
      t.diagnostic('this machine has no non-loopback IPv4 address: the LAN address and remote pairing were not tried');
    }

    const raw = await call(`127.0.0.1:${running.port}`, '/v1/irp/raw', { key: clerkKey, body: { method: 'GET', path: '/eivital/v1.04/Master/GSTIN/29AAHCA4821K1ZH' } });
    assert.equal(raw.status, 403, raw.text);
    assert.equal(raw.body.error.code, 'FORBIDDEN');
    assert.match(raw.body.error.message, /Asha's key is a clerk's key; this needs an admin's key/);
    assert.match(raw.body.error.hint, /--role admin/);
  });
});
