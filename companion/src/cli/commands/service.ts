import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { configuredPort, defaultHome } from '../../home';
import { resolvePort } from '../../server';
import { installService, serviceStatus, uninstallService } from '../../service/manage';
import { probeCompanion } from '../../service/probe';
import { runCommand } from '../../service/platform';
import { databaseFrom } from '../../storage/open';
import { parseListen } from '../../tls/listen';
import { parse, printJson, UsageError, type Io } from '../io';
import { teamOptions } from './start';

export const serviceUsage = `Usage: irn-bridge service install [--port P] [start's team options] | uninstall | status [--json]

Makes the companion start when you log in, and restart if it stops with an error:
a systemd user service on Linux, a launchd agent on macOS, a scheduled task on Windows.
It runs this irn-bridge with this Node.js, the home in IRN_BRIDGE_HOME (default: your user data
directory) and port P (default IRN_BRIDGE_PORT, else 47321).

  install     write the entry and start the companion now; --listen, --tls-cert, --tls-key,
              --tls-self-signed, --name and --database (or IRN_BRIDGE_DATABASE) are passed on to start
              (see irn-bridge start --help). The database URL goes to <home>/database-url, readable
              by you only, and the entry names only that file (or give --database-file FILE)
  uninstall   stop it and remove the entry (the home and the ledger stay)
  status      whether it is installed and running, on which port, with which home and profiles`;

/** The script the service runs: the irn-bridge being run now (npm's bin link resolved to the package file). */
function thisScript(env: NodeJS.ProcessEnv): string {
  return env.IRN_BRIDGE_SERVICE_SCRIPT || realpathSync(process.argv[1]);
}

export async function service(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string', short: 'p' }, json: { type: 'boolean' }, ...teamOptions }, serviceUsage);
  if (values.help) return io.out(serviceUsage), 0;
  const [action, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected "${extra.join(' ')}"`, serviceUsage);
  const ctx = { platform: process.platform, env: io.env, run: runCommand, say: (l: string) => io.out(l) };
  const home = defaultHome(io.env);
  switch (action) {
    case 'install': {
      const port = resolvePort(values.port as string | undefined, io.env);
      const team = startArgs(values as TeamValues, port);
      const databaseFile = values['database-file'] ? resolve(values['database-file'] as string) : undefined;
      const database = databaseFile ? undefined : databaseFrom(values.database as string | undefined, io.env);
      return installService({ node: process.execPath, script: thisScript(io.env), home, port, args: team, databaseFile }, ctx, database);
    }
    case 'uninstall':
      return uninstallService(ctx);
    case 'status':
      return status(io, ctx, Boolean(values.json));
    default:
      throw new UsageError(action ? `unknown service action "${action}"` : 'say install, uninstall or status', serviceUsage);
  }
}

type TeamValues = { listen?: string; 'tls-cert'?: string; 'tls-key'?: string; 'tls-self-signed'?: boolean; name?: string[] };

/** start's arguments for the service, checked now rather than at the next login; files made absolute (the service's cwd differs). */
function startArgs(v: TeamValues, port: number): string[] {
  const out: string[] = [];
  if (v.listen) { parseListen(v.listen, port); out.push('--listen', v.listen); }
  if (!!v['tls-cert'] !== !!v['tls-key']) throw new UsageError(v['tls-cert'] ? '--tls-cert needs --tls-key: the certificate\'s private key (PEM).' : '--tls-key needs --tls-cert: the certificate (PEM) the key belongs to.', serviceUsage);
  if (v['tls-cert']) out.push('--tls-cert', resolve(v['tls-cert']), '--tls-key', resolve(v['tls-key']!));
  if (v['tls-self-signed']) out.push('--tls-self-signed');
  for (const n of v.name ?? []) out.push('--name', n);
  return out;
}

async function status(io: Io, ctx: Parameters<typeof serviceStatus>[0], json: boolean): Promise<number> {
  const s = await serviceStatus(ctx);
  const port = s.port ?? configuredPort(io.env);
  // Whatever the manager says, a companion answering where the service runs it is the one browsers reach.
  const { url, answering } = await probeCompanion(port, s.listen);
  if (json) return printJson(io, { ...s, answering, port, url }), 0;
  if (!s.installed) io.out(`The ${s.kind} is not installed (${s.entry}): the companion does not start with the computer. Install it with irn-bridge service install.`);
  else {
    io.out(`The ${s.kind} is installed: ${s.entry}`);
    io.out(`It runs the companion ${s.listen ? `on the LAN at ${s.listen}` : `on port ${port}`} with the home ${s.home ?? '(not stated: the default home)'}.`);
    if (s.database) io.out(`Its ledger is the team database ${s.database}.`);
    io.out(`Profiles in that home: ${s.profiles.length ? s.profiles.join(', ') : 'none yet (the DEMO profile is made on first start)'}.`);
    if (s.managerUnavailable) io.out(`The service manager cannot be asked whether it runs: ${s.managerUnavailable}`);
    else io.out(s.running ? 'The service manager says it is running.' : 'The service manager says it is not running.');
  }
  io.out(answering ? `A companion answers on ${url}.` : `Nothing answers on ${url}: the companion is not running there.`);
  return s.installed && answering ? 0 : 1;
}
