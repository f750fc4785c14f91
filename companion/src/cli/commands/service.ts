import { realpathSync } from 'node:fs';
import { configuredPort, defaultHome } from '../../home';
import { resolvePort } from '../../server';
import { installService, serviceStatus, uninstallService } from '../../service/manage';
import { runCommand } from '../../service/platform';
import { parse, printJson, UsageError, type Io } from '../io';

export const serviceUsage = `Usage: irn-bridge service install [--port P] | uninstall | status [--json]

Makes the companion start when you log in, and restart if it stops with an error:
a systemd user service on Linux, a launchd agent on macOS, a scheduled task on Windows.
It runs this irn-bridge with this Node.js, the home in IRN_BRIDGE_HOME (default: your user data
directory) and port P (default IRN_BRIDGE_PORT, else 47321).

  install     write the entry and start the companion now
  uninstall   stop it and remove the entry (the home and the ledger stay)
  status      whether it is installed and running, on which port, with which home and profiles`;

/** The script the service runs: the irn-bridge being run now (npm's bin link resolved to the package file). */
function thisScript(env: NodeJS.ProcessEnv): string {
  return env.IRN_BRIDGE_SERVICE_SCRIPT || realpathSync(process.argv[1]);
}

export async function service(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string', short: 'p' }, json: { type: 'boolean' } }, serviceUsage);
  if (values.help) return io.out(serviceUsage), 0;
  const [action, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected "${extra.join(' ')}"`, serviceUsage);
  const ctx = { platform: process.platform, env: io.env, run: runCommand, say: (l: string) => io.out(l) };
  const home = defaultHome(io.env);
  switch (action) {
    case 'install':
      return installService({ node: process.execPath, script: thisScript(io.env), home, port: resolvePort(values.port as string | undefined, io.env) }, ctx);
    case 'uninstall':
      return uninstallService(ctx);
    case 'status':
      return status(io, ctx, Boolean(values.json));
    default:
      throw new UsageError(action ? `unknown service action "${action}"` : 'say install, uninstall or status', serviceUsage);
  }
}

async function status(io: Io, ctx: Parameters<typeof serviceStatus>[0], json: boolean): Promise<number> {
  const s = serviceStatus(ctx);
  const port = s.port ?? configuredPort(io.env);
  // Whatever the manager says, a companion answering on the port is the one the extension reaches.
  const answering = await fetch(`http://127.0.0.1:${port}/v1/health`, { signal: AbortSignal.timeout(2000) })
    .then(async (r) => ((await r.json()) as { service?: string }).service === 'irn-bridge-companion').catch(() => false);
  if (json) return printJson(io, { ...s, answering, port }), 0;
  if (!s.installed) io.out(`The ${s.kind} is not installed (${s.entry}): the companion does not start with the computer. Install it with irn-bridge service install.`);
  else {
    io.out(`The ${s.kind} is installed: ${s.entry}`);
    io.out(`It runs the companion on port ${port} with the home ${s.home ?? '(not stated: the default home)'}.`);
    io.out(`Profiles in that home: ${s.profiles.length ? s.profiles.join(', ') : 'none yet (the DEMO profile is made on first start)'}.`);
    if (s.managerUnavailable) io.out(`The service manager cannot be asked whether it runs: ${s.managerUnavailable}`);
    else io.out(s.running ? 'The service manager says it is running.' : 'The service manager says it is not running.');
  }
  io.out(answering ? `A companion answers on http://127.0.0.1:${port}.` : `Nothing answers on http://127.0.0.1:${port}: the companion is not running there.`);
  return s.installed && answering ? 0 : 1;
}
