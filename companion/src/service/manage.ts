/**
 * `irn-bridge service install | uninstall | status`: writes the per-user start-up entry for this
 * system, asks its service manager to run it, and reports in sentences what happened, including
 * when the manager is not there.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

export function installService(spec: ServiceSpec, ctx: ServiceContext): number {
  const p = platformFor(ctx.platform, ctx.env);
  for (const f of p.files(spec)) {
    ensurePrivateDir(dirname(f.path));
    writeFileSync(f.path, f.encoding === 'utf16le' ? Buffer.from(f.content, 'utf16le') : f.content, { mode: 0o644 });
    ctx.say(`Wrote ${f.path}`);
  }
  ctx.say(`It runs ${spec.node} ${spec.script} start --port ${spec.port} with the home ${spec.home}.`);
  const why = p.unavailable(ctx.run);
  if (why) {
    ctx.say(`Not enabled: ${why}`);
    ctx.say(`Until then, start the companion yourself with ${commandFor('start', spec.home, spec.port, { env: ctx.env })} (the file above is kept for when the service manager is there).`);
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
  /** From the service manager: null when it cannot tell. */
  running: boolean | null;
  managerUnavailable: string | null;
  profiles: string[];
}

export function serviceStatus(ctx: Omit<ServiceContext, 'say'>): ServiceStatus {
  const p = platformFor(ctx.platform, ctx.env);
  const installed = existsSync(p.entry);
  const { home, port } = installed ? readSpec(readFileSync(p.entry, 'utf8')) : { home: null, port: null };
  const managerUnavailable = p.unavailable(ctx.run);
  const running = installed && !managerUnavailable ? p.running(ctx.run) : null;
  let profiles: string[] = [];
  try { if (home) profiles = new ProfileStore(home).list().map((x) => x.name); } catch { /* unreadable profiles.json: doctor says why */ }
  return { kind: p.kind, installed, entry: p.entry, home, port, running, managerUnavailable, profiles };
}
