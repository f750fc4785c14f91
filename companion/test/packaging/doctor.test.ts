/**
 * `irn-bridge doctor` on real homes: a good one with a running companion, then one problem at a
 * time (damaged ledger, wrong file mode, port held by another program, unreachable profile, clock).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { startCompanion } from '../../src/server';
import { silentLogger } from '../../src/logger';
import { ProfileStore } from '../../src/profiles/store';
import { startOfflineIrp } from '../../src/offline-irp';
import { runDoctor, type Finding } from '../../src/doctor';
import { homeLayout } from '../../src/home';
import { installService } from '../../src/service/manage';

function tempHome(t: { after(fn: () => void): void }): { home: string; env: NodeJS.ProcessEnv } {
  const user = mkdtempSync(join(tmpdir(), 'irn-doctor-'));
  t.after(() => rmSync(user, { recursive: true, force: true }));
  const home = join(user, 'home');
  return { home, env: { HOME: user, IRN_BRIDGE_HOME: home, PATH: process.env.PATH } };
}

async function doctor(env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number; report: { ok: boolean; findings: Finding[] }; text: string }> {
  const out: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: () => {}, stdin: async () => '', env };
  const code = await main(['doctor', '--json', ...args], io);
  const text = out.join('\n');
  return { code, report: JSON.parse(text), text };
}

const problems = (findings: Finding[]) => findings.filter((f) => f.status === 'fail');

async function running(t: { after(fn: () => Promise<void>): void }, home: string) {
  const c = await startCompanion({ home, port: 0, log: silentLogger });
  t.after(() => c.close());
  return c;
}

test('a good home with its companion running: no problem, exit 0', async (t) => {
  const { home, env } = tempHome(t);
  const c = await running(t, home);
  const { code, report } = await doctor(env, ['--port', String(c.port)]);
  assert.deepEqual(problems(report.findings), []);
  assert.equal(code, 0);
  assert.equal(report.ok, true);
  const byCheck = (check: string) => report.findings.filter((f) => f.check === check);
  assert.match(byCheck('ledger')[0].message, /intact \(PRAGMA integrity_check: ok\)/);
  assert.match(byCheck('port')[0].message, new RegExp(`answers on http://127.0.0.1:${c.port} \\(process ${process.pid}\\)`));
  assert.match(byCheck('profile')[0].message, /Profile demo .* reaches the embedded offline IRP/);
  assert.equal(byCheck('service')[0].status, 'warn', 'not starting with the computer is a note, not a problem');
});

test('a damaged ledger is a problem that names the file', async (t) => {
  const { home, env } = tempHome(t);
  const c = await running(t, home);
  await c.close();
  const fd = openSync(homeLayout(home).database, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096); // page 2 of the ledger, overwritten
  closeSync(fd);
  const { code, report } = await doctor(env, ['--port', '1', '--no-irp']);
  assert.equal(code, 1);
  const ledger = report.findings.find((f) => f.check === 'ledger')!;
  assert.equal(ledger.status, 'fail');
  assert.match(ledger.message, new RegExp(`The ledger ${homeLayout(home).database} is damaged`));
  assert.match(ledger.hint!, /irn-bridge ledger recover --from-backup/);
});

test('a secrets file other users can read is a problem with the chmod that fixes it', { skip: process.platform === 'win32' }, async (t) => {
  const { home, env } = tempHome(t);
  const c = await running(t, home);
  new ProfileStore(home).add({ name: 'acme', kind: 'sandbox', gstin: '29AAACP7879D1Z0', baseUrl: 'https://einv-apisandbox.nic.in',
    secrets: { clientId: 'c', clientSecret: 's', username: 'u', password: 'p' } });
  chmodSync(homeLayout(home).secrets, 0o644);
  const { code, report, text } = await doctor(env, ['--port', String(c.port), '--no-irp']);
  assert.equal(code, 1);
  const [mode] = problems(report.findings);
  assert.equal(mode.check, 'file-mode');
  assert.match(mode.message, /secrets\.json can be read by other users of this computer \(mode 644\)/);
  assert.equal(mode.hint, `Run: chmod 600 '${homeLayout(home).secrets}'`);
  assert.doesNotMatch(text, /"p"|"s"/, 'no secret in the report');
});

test('a port held by another program is a problem naming that process', async (t) => {
  const { home, env } = tempHome(t);
  await (await running(t, home)).close();
  const other = createServer((_q, r) => r.end('hello')).listen(0, '127.0.0.1');
  await new Promise((r) => other.once('listening', r));
  t.after(() => other.close());
  const port = (other.address() as AddressInfo).port;
  const { code, report } = await doctor(env, ['--port', String(port), '--no-irp']);
  assert.equal(code, 1);
  const finding = report.findings.find((f) => f.check === 'port')!;
  assert.equal(finding.status, 'fail');
  const owner = process.platform === 'linux' ? `process ${process.pid}` : '';
  assert.match(finding.message, new RegExp(`Port ${port} is in use by ${owner}.*which is not the IRN Bridge companion`));
});

test('a profile whose IRP does not answer is a problem; one that answers has its clock compared', async (t) => {
  const { home, env } = tempHome(t);
  const c = await running(t, home);
  const irp = await startOfflineIrp({ port: 0, dataDir: join(home, 'served-irp') });
  t.after(() => irp.close());
  const store = new ProfileStore(home);
  const creds = irp.irp.credentials;
  const secrets = { clientId: creds.clientId, clientSecret: creds.clientSecret, username: creds.username, password: creds.password };
  store.add({ name: 'gsp-up', kind: 'gsp', gstin: '29AAHCA4821K1ZH', baseUrl: irp.baseUrl, publicKeyFile: irp.irp.publicKeyPath, secrets });
  const dead = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => dead.once('listening', r));
  const deadPort = (dead.address() as AddressInfo).port;
  await new Promise((r) => dead.close(r));
  store.add({ name: 'gsp-down', kind: 'gsp', gstin: '29AAHCA4821K1ZH', baseUrl: `http://127.0.0.1:${deadPort}`, publicKeyFile: irp.irp.publicKeyPath, secrets });

  const { code, report } = await doctor(env, ['--port', String(c.port)]);
  assert.equal(code, 1);
  const profile = (name: string) => report.findings.find((f) => f.check === 'profile' && f.facts?.profile === name)!;
  assert.equal(profile('gsp-up').status, 'ok');
  assert.equal(profile('gsp-down').status, 'fail');
  assert.match(profile('gsp-down').message, /Profile gsp-down \(gsp, GSTIN 29AAHCA4821K1ZH\) cannot reach the IRP: The IRP did not answer the GSTIN lookup\./);
  assert.equal(report.findings.find((f) => f.check === 'clock' && f.facts?.profile === 'gsp-up')!.status, 'ok');

  // The same IRP seen from a computer whose clock is ten minutes fast.
  const fast = await runDoctor({ home, port: c.port, env, now: () => new Date(Date.now() + 10 * 60_000) });
  const clock = fast.find((f) => f.check === 'clock' && f.facts?.profile === 'gsp-up')!;
  assert.equal(clock.status, 'fail');
  assert.match(clock.message, /This computer's clock is 6\d\d s ahead of the IRP's\./);
});

test('a companion on the port with another home is a problem naming that home', { skip: process.platform !== 'linux' && 'the home is read from /proc' }, async (t) => {
  const a = tempHome(t);
  const b = tempHome(t);
  const c = await running(t, a.home);
  const { code, report } = await doctor(b.env, ['--port', String(c.port), '--no-irp']);
  assert.equal(code, 1);
  const finding = report.findings.find((f) => f.check === 'port')!;
  assert.match(finding.message, new RegExp(`uses the home ${a.home}, not ${b.home}`));
});

test('a start-up entry whose Node.js is gone (an upgrade moved it) is a problem', async (t) => {
  const { home, env } = tempHome(t);
  const c = await running(t, home);
  const ctx = { platform: 'linux' as const, env, say: () => {}, run: () => ({ code: 1, out: '', err: 'no bus', missing: false }) };
  installService({ node: join(env.HOME!, 'old-node', 'bin', 'node'), script: process.argv[1], home, port: c.port }, ctx);
  const findings = await runDoctor({ home, port: c.port, env, platform: 'linux', profiles: false });
  const service = findings.find((f) => f.check === 'service')!;
  assert.equal(service.status, 'fail');
  assert.match(service.message, /runs .*old-node\/bin\/node, which no longer exists/);
  installService({ node: process.execPath, script: process.argv[1], home, port: c.port }, ctx);
  assert.equal((await runDoctor({ home, port: c.port, env, platform: 'linux', profiles: false })).find((f) => f.check === 'service')!.status, 'ok');
});
