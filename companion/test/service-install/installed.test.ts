/**
 * `irn-bridge service` from the installed package, on this Linux machine: the unit it writes runs
 * the packaged script with this Node, and where systemd has no user manager (containers) the command
 * says so in words. Where `systemd --user` runs, `service status` is asked of it for real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packAndInstall } from '../packaging/install';

const systemdUser = spawnSync('systemctl', ['--user', 'show-environment'], { encoding: 'utf8' });
const hasSystemdUser = systemdUser.status === 0;

test('service install | status | uninstall from the installed irn-bridge', { skip: process.platform !== 'linux' && 'Linux only', timeout: 240_000 }, async (t) => {
  const installed = await packAndInstall();
  t.after(() => rmSync(installed.work, { recursive: true, force: true }));
  const user = join(installed.work, 'user');
  mkdirSync(user);
  const env = { PATH: `${join(installed.prefix, 'bin')}:${process.env.PATH}`, HOME: user, IRN_BRIDGE_PORT: '47555' };
  const cli = (...args: string[]) => spawnSync('irn-bridge', args, { env, cwd: installed.work, encoding: 'utf8' });
  const unit = join(user, '.config', 'systemd', 'user', 'irn-bridge.service');
  const home = join(user, '.local', 'share', 'irn-bridge');

  if (hasSystemdUser) {
    // A real user manager: only ask it (installing here would touch the real user's services).
    t.diagnostic('systemd --user is running here: asking it for the status of irn-bridge.service');
    const real = spawnSync('irn-bridge', ['service', 'status'], { encoding: 'utf8', env: { ...process.env, PATH: env.PATH } });
    assert.match(real.stdout, /systemd user service/);
    return;
  }
  t.diagnostic(`no systemd --user on this machine (systemctl --user: ${systemdUser.stderr.trim() || systemdUser.error?.message}); checking what the command says about it`);

  const install = cli('service', 'install');
  assert.equal(install.status, 1, install.stdout + install.stderr);
  assert.match(install.stdout, new RegExp(`Wrote ${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(install.stdout, /Not enabled: (systemd user services are not available for this login|This computer has no systemd)/);
  assert.match(install.stdout, /start the companion yourself with IRN_BRIDGE_PORT=47555 irn-bridge start /);
  const text = readFileSync(unit, 'utf8');
  const script = realpathSync(join(installed.prefix, 'lib', 'node_modules', 'irn-bridge', 'bin', 'irn-bridge.mjs'));
  assert.ok(text.includes(`ExecStart="${process.execPath}" "${script}" start --port 47555`), text);
  assert.ok(text.includes(`Environment="IRN_BRIDGE_HOME=${home}"`), text);

  const status = cli('service', 'status');
  assert.equal(status.status, 1, 'installed but not running');
  assert.match(status.stdout, /It runs the companion on port 47555 with the home /);
  assert.ok(status.stdout.includes(home));
  assert.match(status.stdout, /The service manager cannot be asked whether it runs: /);
  assert.match(status.stdout, /Nothing answers on http:\/\/127\.0\.0\.1:47555/);

  const uninstall = cli('service', 'uninstall');
  assert.equal(uninstall.status, 0, uninstall.stdout + uninstall.stderr);
  assert.equal(existsSync(unit), false);
  assert.match(cli('service', 'status').stdout, /is not installed/);
});
