/**
 * Where each system keeps a per-user start-up entry, and the commands that enable, disable and
 * query it. The commands go through a Runner so that a computer without the service manager (a
 * container has no `systemctl --user`) is reported in words, and tests can see the calls.
 */
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LAUNCHD_LABEL, launchdPlist, SERVICE_NAME, systemdUnit, WINDOWS_TASK, windowsLauncher, windowsTask, type ServiceSpec } from './definitions';

export interface RunResult { code: number | null; out: string; err: string; missing: boolean }
export type Runner = (cmd: string, args: string[]) => RunResult;

export const runCommand: Runner = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout ?? '', err: (r.stderr ?? '').trim(), missing: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
};

export interface ServiceFile { path: string; content: string; encoding?: 'utf16le' }

export interface Platform {
  /** What the entry is called in the system's words. */
  kind: string;
  /** The file whose presence means "installed"; it holds the home and port. */
  entry: string;
  files(spec: ServiceSpec): ServiceFile[];
  /** null when the manager can be used, else why not (a sentence). */
  unavailable(run: Runner): string | null;
  enable: [string, string[]][];
  disable: [string, string[]][];
  /** true / false when the manager can tell whether it runs, null when it cannot. */
  running(run: Runner): boolean | null;
}

const userHome = (env: NodeJS.ProcessEnv) => env.HOME || env.USERPROFILE || homedir();

function linux(env: NodeJS.ProcessEnv): Platform {
  const entry = join(env.XDG_CONFIG_HOME || join(userHome(env), '.config'), 'systemd', 'user', `${SERVICE_NAME}.service`);
  const unit = `${SERVICE_NAME}.service`;
  return {
    kind: 'systemd user service',
    entry,
    files: (spec) => [{ path: entry, content: systemdUnit(spec) }],
    unavailable(run) {
      const r = run('systemctl', ['--user', 'show-environment']);
      if (r.missing) return 'This computer has no systemd (systemctl was not found), so there are no systemd user services.';
      if (r.code !== 0) return `systemd user services are not available for this login (systemctl --user said: "${r.err.split('\n')[0] || `exit ${r.code}`}"). This is usual in containers and over plain su/sudo; log in to a desktop or over SSH as the user.`;
      return null;
    },
    enable: [['systemctl', ['--user', 'daemon-reload']], ['systemctl', ['--user', 'enable', unit]], ['systemctl', ['--user', 'restart', unit]]],
    disable: [['systemctl', ['--user', 'disable', '--now', unit]], ['systemctl', ['--user', 'daemon-reload']]],
    running(run) {
      const r = run('systemctl', ['--user', 'is-active', unit]);
      return r.missing || (r.code !== 0 && !/inactive|failed|activating/.test(r.out)) ? null : r.out.trim() === 'active';
    },
  };
}

function macos(env: NodeJS.ProcessEnv, uid: number): Platform {
  const entry = join(userHome(env), 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
  const domain = `gui/${uid}`;
  return {
    kind: 'launchd agent',
    entry,
    files: (spec) => [{ path: entry, content: launchdPlist({ ...spec, logFile: spec.logFile ?? join(userHome(env), 'Library', 'Logs', 'irn-bridge', 'companion.log') }) }],
    unavailable(run) {
      const r = run('launchctl', ['print', domain]);
      if (r.missing) return 'launchctl was not found, so the launchd agent cannot be loaded.';
      return r.code === 0 ? null : `launchd has no session for this user (launchctl print ${domain}: "${r.err.split('\n')[0]}"); run this in the user's own desktop session.`;
    },
    // bootout first so that a second install replaces the running agent; its failure (not loaded) is fine.
    enable: [['launchctl', ['bootout', `${domain}/${LAUNCHD_LABEL}`]], ['launchctl', ['bootstrap', domain, entry]]],
    disable: [['launchctl', ['bootout', `${domain}/${LAUNCHD_LABEL}`]]],
    running(run) {
      const r = run('launchctl', ['print', `${domain}/${LAUNCHD_LABEL}`]);
      return r.missing ? null : r.code === 0 && /state = running/.test(r.out);
    },
  };
}

function windows(env: NodeJS.ProcessEnv): Platform {
  const dir = join(env.LOCALAPPDATA || join(userHome(env), 'AppData', 'Local'), 'irn-bridge');
  const launcher = join(dir, 'companion-start.vbs');
  const taskXml = join(dir, 'companion-task.xml');
  return {
    kind: 'scheduled task (at logon)',
    entry: launcher,
    files(spec) {
      const full = { ...spec, launcher, windowsUser: spec.windowsUser ?? (env.USERDOMAIN && env.USERNAME ? `${env.USERDOMAIN}\\${env.USERNAME}` : undefined) };
      // schtasks reads task XML as UTF-16 with a byte-order mark.
      return [{ path: launcher, content: windowsLauncher(full) }, { path: taskXml, content: `\ufeff${windowsTask(full)}`, encoding: 'utf16le' }];
    },
    unavailable(run) {
      const r = run('schtasks', ['/Query', '/FO', 'CSV', '/NH']);
      return r.missing ? 'schtasks was not found, so no scheduled task can be made.' : null;
    },
    enable: [['schtasks', ['/Create', '/TN', WINDOWS_TASK, '/XML', taskXml, '/F']], ['schtasks', ['/Run', '/TN', WINDOWS_TASK]]],
    disable: [['schtasks', ['/End', '/TN', WINDOWS_TASK]], ['schtasks', ['/Delete', '/TN', WINDOWS_TASK, '/F']]],
    running(run) {
      const r = run('schtasks', ['/Query', '/TN', WINDOWS_TASK, '/FO', 'CSV', '/NH']);
      return r.missing ? null : r.code === 0 && /"Running"/.test(r.out);
    },
  };
}

export function platformFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, uid: number = process.getuid?.() ?? 0): Platform {
  if (platform === 'darwin') return macos(env, uid);
  if (platform === 'win32') return windows(env);
  return linux(env);
}

/** What an installed entry runs: Node, the script, the home and the port (read back from its own text). */
export interface InstalledSpec { home: string | null; port: number | null; node: string | null; script: string | null; listen: string | null; databaseFile: string | null }

export function readSpec(text: string): InstalledSpec {
  const env = (name: string) => new RegExp(`${name}(?:=|<\\/key>\\s*<string>|"\\)\\s*=\\s*")([^"\\n<]+)`).exec(text)?.[1] ?? null;
  const home = env('IRN_BRIDGE_HOME');
  const databaseFile = env('IRN_BRIDGE_DATABASE_FILE');
  const listen = /--listen(?:"+ "+|<\/string>\s*<string>)([^"<\s]+)/.exec(text)?.[1] ?? null;
  const port = /--port(?: |<\/string>\s*<string>)(\d+)/.exec(text)?.[1];
  const program = /^ExecStart="((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"/m.exec(text)
    ?? /<key>ProgramArguments<\/key>\s*<array>\s*<string>([^<]*)<\/string>\s*<string>([^<]*)<\/string>/.exec(text)
    ?? /shell\.Run\("""(.*?)"" ""(.*?)""/.exec(text);
  return {
    home: home && decode(home), port: port ? Number(port) : null, listen,
    databaseFile: databaseFile && decode(databaseFile.replace(/%%/g, '%')),
    node: program ? decode(program[1]) : null, script: program ? decode(program[2]) : null,
  };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\\(["\\])/g, '$1');
