/**
 * `irn-bridge service install | uninstall | status`: writes the per-user start-up entry for this
 * system, asks its service manager to run it, and reports in sentences what happened, including
 * when the manager is not there.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commandFor, ensurePrivateDir } from '../home';
import { ProfileStore } from '../profiles/store';
import type { ServiceSpec } from './definitions';
import { platformFor, readSpec, type Runner } from './platform';

export interface ServiceContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  run: Runner;
  say(line: string): void;
}

/** The file in the home that holds the team database's URL for the service (mode 0600: it has the password). */
export const databaseFileIn = (home: string) => join(home, 'database-url');

/**
 * `database` (a postgres:// URL, team mode) goes to <home>/database-url with mode 0600 and the entry
 * names only that file: unit, plist and task files are often readable by every user.
 */
export function installService(spec: ServiceSpec, ctx: ServiceContext, database?: string): number {
  const p = platformFor(ctx.platform, ctx.env);
  if (database) {
    const file = databaseFileIn(spec.home);
    ensurePrivateDir(spec.home);
    writeFileSync(file, `${database}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // an existing file keeps its mode on write
    ctx.say(`Wrote the database URL to ${file} (readable by you only)`);
    spec = { ...spec, databaseFile: file };
  }
  for (const f of p.files(spec)) {
    ensurePrivateDir(dirname(f.path));
    writeFileSync(f.path, f.encoding === 'utf16le' ? Buffer.from(f.content, 'utf16le') : f.content, { mode: 0o644 });
    ctx.say(`Wrote ${f.path}`);
  }
  const args = ['--port', String(spec.port), ...(spec.args ?? [])].join(' ');
  ctx.say(`It runs ${spec.node} ${spec.script} start ${args} with the home ${spec.home}${spec.databaseFile ? ` and the database URL in ${spec.databaseFile}` : ''}.`);
  const why = p.unavailable(ctx.run);
  if (why) {
    ctx.say(`Not enabled: ${why}`);
    const team = [...(spec.args ?? []), ...(spec.databaseFile ? ['--database-file', spec.databaseFile] : [])].join(' ');
    ctx.say(`Until then, start the companion yourself with ${commandFor('start', spec.home, spec.port, { env: ctx.env })}${team ? ` ${team}` : ''} (the file above is kept for when the service manager is there).`);
    return 1;
  }
  for (const [cmd, args] of p.enable) {
    const r = ctx.run(cmd, args);
    // launchctl bootout of an agent that is not loaded is expected to fail.
    if (r.code !== 0 && !(cmd === 'launchctl' && args[0] === 'bootout')) {
      ctx.say(`Could not enable the ${p.kind}: ${cmd} ${args.join(' ')} said "${r.err || r.out.trim() || `exit ${r.code}`}".`);
      return 1;
    }
  }
  ctx.say(`Installed the ${p.kind}: the companion now starts when you log in, and restarts if it stops with an error.`);
  ctx.say('Check it with irn-bridge service status or irn-bridge doctor.');
  return 0;
}

export function uninstallService(ctx: ServiceContext): number {
  const p = platformFor(ctx.platform, ctx.env);
  const files = p.files({ node: '', script: '', home: '', port: 0 }).map((f) => f.path);
  const databaseFile = existsSync(p.entry) ? readSpec(readFileSync(p.entry, 'utf8')).databaseFile : null;
  if (databaseFile && existsSync(databaseFile)) files.push(databaseFile);
  if (!files.some((f) => existsSync(f))) {
    ctx.say(`The ${p.kind} is not installed (${p.entry} does not exist). Nothing to do.`);
    return 0;
  }
  const why = p.unavailable(ctx.run);
  if (why) ctx.say(`The service manager could not be asked to stop it: ${why}`);
  else for (const [cmd, args] of p.disable) ctx.run(cmd, args);
  for (const f of files) if (existsSync(f)) { rmSync(f); ctx.say(`Removed ${f}`); }
  ctx.say(`Uninstalled the ${p.kind}: the companion no longer starts with the computer. Your home and ledger are untouched.`);
  return 0;
}

export interface ServiceStatus {
  kind: string;
  installed: boolean;
  entry: string;
  home: string | null;
  port: number | null;
  /** --listen's ADDRESS:PORT (team mode), null on the loopback. */
  listen: string | null;
  /** The team database, password redacted; null for the home's SQLite ledger. */
  database: string | null;
  /** From the service manager: null when it cannot tell. */
  running: boolean | null;
  managerUnavailable: string | null;
  profiles: string[];
}

export async function serviceStatus(ctx: Omit<ServiceContext, 'say'>): Promise<ServiceStatus> {
  const p = platformFor(ctx.platform, ctx.env);
  const installed = existsSync(p.entry);
  const { home, port, listen, databaseFile } = installed ? readSpec(readFileSync(p.entry, 'utf8')) : { home: null, port: null, listen: null, databaseFile: null };
  let database: string | null = null;
  if (databaseFile) {
    // connect.ts (and pg) only when there is a team database to show.
    const url = existsSync(databaseFile) ? readFileSync(databaseFile, 'utf8').trim() : '';
    database = url ? (await import('../storage/postgres/connect')).redactUrl(url) : `(missing: ${databaseFile} does not exist)`;
  }
  const managerUnavailable = p.unavailable(ctx.run);
  const running = installed && !managerUnavailable ? p.running(ctx.run) : null;
  let profiles: string[] = [];
  try { if (home) profiles = new ProfileStore(home).list().map((x) => x.name); } catch { /* unreadable profiles.json: doctor says why */ }
  return { kind: p.kind, installed, entry: p.entry, home, port, listen, database, running, managerUnavailable, profiles };
}
