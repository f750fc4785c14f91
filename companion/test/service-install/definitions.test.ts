/**
 * The start-up entries as generated text: what `irn-bridge service install` would write on Linux,
 * macOS and Windows (paths, the home, the port, the restart policy), and the install/uninstall
 * commands each system's manager is given. systemd's own parser checks the unit where it is installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchdPlist, systemdUnit, windowsLauncher, windowsTask, type ServiceSpec } from '../../src/service/definitions';
import { platformFor, readSpec, type Runner } from '../../src/service/platform';
import { installService, serviceStatus, uninstallService } from '../../src/service/manage';

const spec: ServiceSpec = {
  node: '/usr/local/bin/node',
  script: '/opt/npm global/lib/node_modules/irn-bridge/bin/irn-bridge.mjs',
  home: '/home/clerk/.local/share/irn-bridge',
  port: 47321,
};

const team = ['--listen', '0.0.0.0:47321', '--tls-self-signed', '--name', 'billing.office.lan', '--name', '100%$x'];

test('systemd user unit: the packaged script under this Node, the home, the port, restart on failure, started at login', () => {
  const unit = systemdUnit(spec);
  assert.match(unit, /^ExecStart="\/usr\/local\/bin\/node" "\/opt\/npm global\/lib\/node_modules\/irn-bridge\/bin\/irn-bridge\.mjs" start --port 47321$/m);
  assert.match(unit, /^Environment="IRN_BRIDGE_HOME=\/home\/clerk\/\.local\/share\/irn-bridge"$/m);
  assert.match(unit, /^Restart=on-failure$/m);
  assert.match(unit, /^RestartSec=5$/m);
  assert.match(unit, /^UMask=0077$/m);
  assert.match(unit, /^\[Install\]\nWantedBy=default\.target$/m);
  assert.deepEqual(readSpec(unit), { home: spec.home, port: 47321, node: spec.node, script: spec.script, listen: null, databaseFile: null });
  assert.match(systemdUnit({ ...spec, home: '/srv/a "b"\\c' }), /^Environment="IRN_BRIDGE_HOME=\/srv\/a \\"b\\"\\\\c"$/m);
});

test('systemd itself accepts the unit (systemd-analyze verify)', { skip: spawnSync('systemd-analyze', ['--version']).status !== 0 && 'systemd-analyze is not installed here' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'irn-unit-'));
  try {
    const script = join(dir, 'bin x', 'irn-bridge.mjs');
    spawnSync('mkdir', ['-p', join(dir, 'bin x')]);
    writeFileSync(script, '');
    const unit = join(dir, 'irn-bridge.service');
    // The desk's unit, and team mode's with start's LAN options and the database file.
    for (const extra of [{}, { args: team, databaseFile: join(dir, 'database-url') }]) {
      writeFileSync(unit, systemdUnit({ ...spec, node: process.execPath, script, ...extra }));
      // --user needs a runtime directory, which a container's root login lacks.
      const r = spawnSync('systemd-analyze', ['--user', 'verify', unit], { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: dir } });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr.trim(), '', 'systemd ignores lines it cannot parse, with a warning: there must be none');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('launchd agent: program arguments, the home, run at load, kept alive after a failure, XML-escaped paths', () => {
  const plist = launchdPlist({ ...spec, home: '/Users/a&b/Library/Application Support/irn-bridge', logFile: '/Users/a&b/Library/Logs/irn-bridge/companion.log' });
  assert.match(plist, /<key>Label<\/key>\n  <string>in\.irnbridge\.companion<\/string>/);
  assert.match(plist, /<key>ProgramArguments<\/key>\n  <array>\n    <string>\/usr\/local\/bin\/node<\/string>\n    <string>\/opt\/npm global\/lib\/node_modules\/irn-bridge\/bin\/irn-bridge\.mjs<\/string>\n    <string>start<\/string>\n    <string>--port<\/string>\n    <string>47321<\/string>\n  <\/array>/);
  assert.match(plist, /<key>IRN_BRIDGE_HOME<\/key>\n    <string>\/Users\/a&amp;b\/Library\/Application Support\/irn-bridge<\/string>/);
  assert.match(plist, /<key>RunAtLoad<\/key>\n  <true\/>/);
  assert.match(plist, /<key>KeepAlive<\/key>\n  <dict>\n    <key>SuccessfulExit<\/key>\n    <false\/>/);
  assert.match(plist, /<key>StandardErrorPath<\/key>\n  <string>\/Users\/a&amp;b\/Library\/Logs\/irn-bridge\/companion\.log<\/string>/);
  assert.deepEqual(readSpec(plist), { home: '/Users/a&b/Library/Application Support/irn-bridge', port: 47321, node: spec.node, script: spec.script, listen: null, databaseFile: null });
});

test('Windows: a logon task that restarts on failure and runs a hidden launcher setting the home', () => {
  const win = { ...spec, node: 'C:\\Program Files\\nodejs\\node.exe', script: 'C:\\Users\\clerk\\AppData\\Roaming\\npm\\node_modules\\irn-bridge\\bin\\irn-bridge.mjs',
    home: 'C:\\Users\\clerk\\AppData\\Roaming\\irn-bridge', launcher: 'C:\\Users\\clerk\\AppData\\Local\\irn-bridge\\companion-start.vbs', windowsUser: 'ACME\\clerk' };
  const task = windowsTask(win);
  assert.match(task, /^<\?xml version="1\.0" encoding="UTF-16"\?>/);
  assert.match(task, /<LogonTrigger>\n      <Enabled>true<\/Enabled>\n      <UserId>ACME\\clerk<\/UserId>\n    <\/LogonTrigger>/);
  assert.match(task, /<LogonType>InteractiveToken<\/LogonType>/);
  assert.match(task, /<RestartOnFailure>\n      <Interval>PT1M<\/Interval>\n      <Count>999<\/Count>\n    <\/RestartOnFailure>/);
  assert.match(task, /<ExecutionTimeLimit>PT0S<\/ExecutionTimeLimit>/, 'no time limit: the companion runs all day');
  assert.match(task, /<Command>wscript\.exe<\/Command>\n      <Arguments>\/\/B \/\/Nologo "C:\\Users\\clerk\\AppData\\Local\\irn-bridge\\companion-start\.vbs"<\/Arguments>/);
  const launcher = windowsLauncher(win);
  assert.match(launcher, /shell\.Environment\("PROCESS"\)\("IRN_BRIDGE_HOME"\) = "C:\\Users\\clerk\\AppData\\Roaming\\irn-bridge"/);
  assert.match(launcher, /WScript\.Quit shell\.Run\("""C:\\Program Files\\nodejs\\node\.exe"" ""C:\\Users\\clerk\\AppData\\Roaming\\npm\\node_modules\\irn-bridge\\bin\\irn-bridge\.mjs"" start --port 47321", 0, True\)/);
  assert.deepEqual(readSpec(launcher), { home: win.home, port: 47321, node: win.node, script: win.script, listen: null, databaseFile: null });
});

function recorder(answers: Record<string, Partial<ReturnType<Runner>>> = {}) {
  const calls: string[] = [];
  const run: Runner = (cmd, args) => {
    const line = [cmd, ...args].join(' ');
    calls.push(line);
    const key = Object.keys(answers).find((k) => line.startsWith(k));
    return { code: 0, out: '', err: '', missing: false, ...(key ? answers[key] : {}) };
  };
  return { calls, run };
}

test('install and uninstall give each system manager its commands, and write the files where it reads them', async () => {
  const user = mkdtempSync(join(tmpdir(), 'irn-svc-'));
  try {
    const env = { HOME: user, LOCALAPPDATA: join(user, 'Local'), USERDOMAIN: 'ACME', USERNAME: 'clerk' };
    const lines: string[] = [];
    const say = (l: string) => void lines.push(l);

    const mac = recorder({ 'launchctl bootout': { code: 3, err: 'No such process' } });
    assert.equal(installService(spec, { platform: 'darwin', env, run: mac.run, say }), 0);
    const plist = join(user, 'Library', 'LaunchAgents', 'in.irnbridge.companion.plist');
    assert.deepEqual(mac.calls.slice(1), [`launchctl bootout gui/501/in.irnbridge.companion`, `launchctl bootstrap gui/501 ${plist}`].map((c) => c.replace('501', String(process.getuid?.() ?? 0))));
    assert.match(readFileSync(plist, 'utf8'), /<string>start<\/string>/);
    assert.equal(uninstallService({ platform: 'darwin', env, run: mac.run, say }), 0);
    assert.equal(existsSync(plist), false);

    const win = recorder();
    assert.equal(installService(spec, { platform: 'win32', env, run: win.run, say }), 0);
    const xml = join(user, 'Local', 'irn-bridge', 'companion-task.xml');
    assert.deepEqual(win.calls.slice(1), [`schtasks /Create /TN IRN Bridge companion /XML ${xml} /F`, 'schtasks /Run /TN IRN Bridge companion']);
    const bytes = readFileSync(xml);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'UTF-16 LE with a byte-order mark, as schtasks reads it');
    assert.match(bytes.toString('utf16le'), /<UserId>ACME\\clerk<\/UserId>/);

    // Linux without a reachable systemd user manager: the unit is written and the reason said.
    const none = recorder({ 'systemctl --user show-environment': { code: 1, err: 'Failed to connect to bus: No medium found' } });
    lines.length = 0;
    assert.equal(installService(spec, { platform: 'linux', env, run: none.run, say }), 1);
    assert.ok(existsSync(join(user, '.config', 'systemd', 'user', 'irn-bridge.service')));
    assert.match(lines.join('\n'), /Not enabled: systemd user services are not available for this login \(systemctl --user said: "Failed to connect to bus: No medium found"\)/);
    const status = await serviceStatus({ platform: 'linux', env, run: none.run });
    assert.deepEqual({ installed: status.installed, home: status.home, port: status.port, running: status.running },
      { installed: true, home: spec.home, port: 47321, running: null });
    assert.equal(platformFor('linux', { ...env, XDG_CONFIG_HOME: '/cfg' }).entry, '/cfg/systemd/user/irn-bridge.service');
  } finally {
    rmSync(user, { recursive: true, force: true });
  }
});

const PASSWORD = 's3cr3t-Pa55';
const URL_WITH_PASSWORD = `postgres://irnbridge:${PASSWORD}@db.office.lan:5432/irnbridge`;

test('team mode: each entry runs start with the LAN/TLS options and the database file, never the URL', () => {
  const file = '/home/clerk/.local/share/irn-bridge/database-url';
  const unit = systemdUnit({ ...spec, args: team, databaseFile: file });
  assert.match(unit, /^ExecStart="\/usr\/local\/bin\/node" ".*irn-bridge\.mjs" start --port 47321 "--listen" "0\.0\.0\.0:47321" "--tls-self-signed" "--name" "billing\.office\.lan" "--name" "100%%\$\$x"$/m);
  assert.match(unit, /^Environment="IRN_BRIDGE_DATABASE_FILE=\/home\/clerk\/\.local\/share\/irn-bridge\/database-url"$/m);
  assert.match(unit, /^Description=IRN Bridge companion \(GST e-invoices\) on 0\.0\.0\.0:47321$/m);
  assert.deepEqual(readSpec(unit), { home: spec.home, port: 47321, node: spec.node, script: spec.script, listen: '0.0.0.0:47321', databaseFile: file });

  const plist = launchdPlist({ ...spec, args: team, databaseFile: file });
  assert.match(plist, /<string>47321<\/string>\n    <string>--listen<\/string>\n    <string>0\.0\.0\.0:47321<\/string>\n    <string>--tls-self-signed<\/string>\n    <string>--name<\/string>\n    <string>billing\.office\.lan<\/string>/);
  assert.match(plist, /<key>IRN_BRIDGE_DATABASE_FILE<\/key>\n    <string>\/home\/clerk\/\.local\/share\/irn-bridge\/database-url<\/string>/);
  assert.deepEqual(readSpec(plist), { home: spec.home, port: 47321, node: spec.node, script: spec.script, listen: '0.0.0.0:47321', databaseFile: file });

  const win = { ...spec, args: team, databaseFile: 'C:\\Users\\clerk\\AppData\\Roaming\\irn-bridge\\database-url', launcher: 'C:\\x.vbs' };
  const launcher = windowsLauncher(win);
  assert.match(launcher, /start --port 47321 ""--listen"" ""0\.0\.0\.0:47321"" ""--tls-self-signed"" ""--name"" ""billing\.office\.lan""/);
  assert.match(launcher, /shell\.Environment\("PROCESS"\)\("IRN_BRIDGE_DATABASE_FILE"\) = "C:\\Users\\clerk\\AppData\\Roaming\\irn-bridge\\database-url"/);
  assert.equal(readSpec(launcher).listen, '0.0.0.0:47321');
  assert.match(windowsTask(win), /on 0\.0\.0\.0:47321\./);
});

test('team mode install: the URL goes to <home>/database-url (mode 0600), no entry holds the password, status shows it redacted, uninstall removes it', async () => {
  const user = mkdtempSync(join(tmpdir(), 'irn-svc-team-'));
  try {
    const env = { HOME: user, LOCALAPPDATA: join(user, 'Local'), USERDOMAIN: 'ACME', USERNAME: 'clerk' };
    const home = join(user, 'home');
    const teamSpec = { ...spec, home, args: team };
    const file = join(home, 'database-url');
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const lines: string[] = [];
      const r = recorder({ 'launchctl bootout': { code: 3 } });
      const ctx = { platform, env, run: r.run, say: (l: string) => void lines.push(l) };
      // A file left world-readable from before is made private too (a write keeps an existing file's mode).
      if (platform === 'darwin') { mkdirSync(home, { recursive: true }); writeFileSync(file, 'old', { mode: 0o644 }); }
      assert.equal(installService(teamSpec, ctx, URL_WITH_PASSWORD), 0, lines.join('\n'));
      assert.equal(readFileSync(file, 'utf8').trim(), URL_WITH_PASSWORD);
      if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600, `${platform}: the database file is readable by its owner only`);
      const written = platformFor(platform, env).files(teamSpec).map((f) => f.path);
      for (const f of written) {
        const text = readFileSync(f).toString(f.endsWith('.xml') ? 'utf16le' : 'utf8');
        assert.equal(text.includes(PASSWORD), false, `${platform}: ${f} holds the password`);
      }
      const entry = readFileSync(platformFor(platform, env).entry, 'utf8');
      assert.ok(entry.includes(file), `${platform}: the entry names the database file`);
      assert.ok(entry.includes('--tls-self-signed'), `${platform}: the entry passes the TLS option`);
      assert.equal(lines.join('\n').includes(PASSWORD), false, `${platform}: install said the password`);
      const status = await serviceStatus(ctx);
      assert.equal(status.database, 'postgres://irnbridge:***@db.office.lan:5432/irnbridge');
      assert.equal(status.listen, '0.0.0.0:47321');
      assert.equal(JSON.stringify(status).includes(PASSWORD), false);
      assert.equal(uninstallService(ctx), 0);
      assert.equal(existsSync(file), false, `${platform}: uninstall removes the database file`);
    }
  } finally {
    rmSync(user, { recursive: true, force: true });
  }
});

/** A Windows command line split as the Microsoft C runtime splits it for node.exe's argv (CommandLineToArgvW's rules). */
function windowsArgv(line: string): string[] {
  const argv: string[] = [];
  let cur = '', inQuotes = false, started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') {
      let n = 0;
      while (line[i] === '\\') { n++; i++; }
      if (line[i] === '"') { cur += '\\'.repeat(Math.floor(n / 2)); if (n % 2) cur += '"'; else inQuotes = !inQuotes; }
      else { cur += '\\'.repeat(n); i--; }
      started = true;
    } else if (ch === '"') { inQuotes = !inQuotes; started = true; }
    else if ((ch === ' ' || ch === '\t') && !inQuotes) { if (started) argv.push(cur); cur = ''; started = false; }
    else { cur += ch; started = true; }
  }
  if (started) argv.push(cur);
  return argv;
}

test('Windows: every start option reaches node.exe unchanged, a trailing backslash or a quote included', () => {
  const args = ['--listen', '0.0.0.0:47321', '--tls-cert', 'C:\\certs\\', '--tls-key', 'C:\\keys\\desk "1".pem', '--name', 'a\\"b', '--name', 'billing.office.lan'];
  const launcher = windowsLauncher({ ...spec, node: 'C:\\Program Files\\nodejs\\node.exe', script: 'C:\\npm\\irn-bridge.mjs', args, launcher: 'C:\\x.vbs' });
  const literal = /shell\.Run\("((?:[^"]|"")*)", 0, True\)/.exec(launcher)?.[1];
  assert.ok(literal, launcher);
  const argv = windowsArgv(literal.replace(/""/g, '"'));
  assert.deepEqual(argv, ['C:\\Program Files\\nodejs\\node.exe', 'C:\\npm\\irn-bridge.mjs', 'start', '--port', '47321', ...args]);
});
