/**
 * The packaged companion, installed as a user would: `pnpm pack`, `npm install -g` into a temporary
 * prefix, then the installed `irn-bridge` (plain JavaScript, no TypeScript loader, no file of the
 * checkout) starts on a fresh home, pairs, and registers the sample invoice with the offline IRP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packAndInstall, startInstalled } from './install';

const sampleInvoice = JSON.parse(readFileSync(new URL('../../../shared/fixtures/irp/sample-invoice.json', import.meta.url), 'utf8'));

test('the packed irn-bridge installs with npm and runs from its prefix alone', { timeout: 240_000 }, async (t) => {
  const installed = await packAndInstall();
  t.after(() => rmSync(installed.work, { recursive: true, force: true }));
  t.diagnostic(`better-sqlite3 native module: ${installed.nativeModule}`);

  const pkg = join(installed.prefix, 'lib', 'node_modules', 'irn-bridge');
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'irn-bridge');
  assert.deepEqual(Object.keys(manifest.dependencies), ['better-sqlite3'], 'everything else is in the bundle');
  const bundle = readFileSync(join(pkg, 'bin', 'irn-bridge.mjs'), 'utf8');
  assert.doesNotMatch(bundle, /from ["']tsx|tsx\/esm/, 'no TypeScript loader at run time');

  // A user's environment: the prefix's bin on PATH, a fresh HOME, no IRN_BRIDGE_HOME, no loader in NODE_OPTIONS.
  const userHome = join(installed.work, 'user');
  mkdirSync(userHome);
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(installed.prefix, 'bin')}:${process.env.PATH}`, HOME: userHome, IRN_BRIDGE_LOG: 'silent',
  };
  const home = join(userHome, '.local', 'share', 'irn-bridge');

  const help = execFileSync('irn-bridge', ['--help'], { env, cwd: installed.work, encoding: 'utf8' });
  assert.match(help, /Usage: irn-bridge <command>/);

  const running = await startInstalled('irn-bridge', env, installed.work);
  t.after(() => { running.child.kill('SIGTERM'); });
  assert.match(running.output(), new RegExp(`Home: ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  const health = await fetch(`${running.url}/v1/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { service: string }).service, 'irn-bridge-companion');

  const { code } = JSON.parse(execFileSync('irn-bridge', ['pair', '--json'], { env, cwd: installed.work, encoding: 'utf8' }));
  const paired = await fetch(`${running.url}/v1/pair`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, client: 'packaging test' }),
  });
  assert.equal(paired.status, 200, await paired.clone().text());
  const { apiKey } = (await paired.json()) as { apiKey: string };

  const generated = await fetch(`${running.url}/v1/einvoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ invoice: sampleInvoice }),
  });
  assert.equal(generated.status, 200, await generated.clone().text());
  const body = (await generated.json()) as { irn: string; profile: { demo: boolean } };
  assert.match(body.irn, /^[0-9a-f]{64}$/);
  assert.equal(body.profile.demo, true);

  // The installed doctor, on the same home and port: nothing wrong (notes do not count).
  const port = new URL(running.url).port;
  const doctor = JSON.parse(execFileSync('irn-bridge', ['doctor', '--port', port, '--json'], { env, cwd: installed.work, encoding: 'utf8' })) as
    { ok: boolean; home: string; findings: { check: string; status: string }[] };
  assert.equal(doctor.ok, true, JSON.stringify(doctor.findings));
  assert.equal(doctor.home, home);
  assert.deepEqual(doctor.findings.filter((f) => f.check === 'ledger' || f.check === 'port' || f.check === 'profile').map((f) => f.status), ['ok', 'ok', 'ok']);
});
