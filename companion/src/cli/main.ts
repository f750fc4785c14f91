/** `irn-bridge <command>`: the companion's command line. Returns the exit code. */
import { processIo, reportFailure, type Io } from './io';

export const usage = `IRN Bridge companion — register GST e-invoices with the IRP from this computer.

Usage: irn-bridge <command> [options]     (every command takes --help)

  start [--port P]                 run the local service on 127.0.0.1 (default port 47321)
  start --listen ADDR:PORT …       team mode: serve the LAN over TLS (see start --help)
  pair [--json]                    show a one-time code to pair the browser extension
  keys create|list|revoke          API keys: one per person with a role (clerk, admin), or paired
  profile add|list|remove|default  IRP profiles (offline, sandbox, production, GSP)
  gstin GSTIN                      look up a taxpayer
  generate FILE|DIR …              generate IRNs, one or a month's worth (exactly once per document)
  get IRN | get --doc-type …       fetch an e-invoice
  cancel IRN --reason N --remark T cancel an IRN
  ewaybill IRN --distance KM …     an e-way bill for an IRN (vehicle or transport document)
  ewaybill cancel IRN --reason N …  cancel an IRN's e-way bill (then the IRN can be cancelled)
  irp get PATH | irp post PATH F   read-only IRP calls (auth and encryption handled)
  ledger list | export | recover   the local ledger of e-invoices; recover it from a backup or the IRP
  offline-irp --port P [--json]    serve the offline IRP (a local stand-in for the NIC sandbox)
  service install|uninstall|status start the companion with the computer (systemd, launchd, Task Scheduler)
  doctor [--json]                  check the installation, the ledger, the port and each profile

Environment: IRN_BRIDGE_HOME (data directory), IRN_BRIDGE_PORT, IRN_BRIDGE_LOG (silent|info|debug).`;

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Each command's module is imported when it runs, so `start` (which stays running) never loads the
 * doctor, service, ledger-recover or offline-IRP code; in the package each is its own chunk (build/bundle.mjs).
 */
const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start')).start,
  pair: async () => (await import('./commands/pair')).pair,
  keys: async () => (await import('./commands/keys')).keys,
  'offline-irp': async () => (await import('./commands/offline-irp')).offlineIrp,
  profile: async () => (await import('./commands/profile')).profile,
  gstin: async () => (await import('./commands/irp-ops')).gstin,
  generate: async () => (await import('./commands/irp-ops')).generate,
  get: async () => (await import('./commands/irp-ops')).get,
  cancel: async () => (await import('./commands/irp-ops')).cancel,
  irp: async () => (await import('./commands/irp-ops')).irp,
  ewaybill: async () => (await import('./commands/ewaybill')).ewaybill,
  ledger: async () => (await import('./commands/ledger')).ledger,
  service: async () => (await import('./commands/service')).service,
  doctor: async () => (await import('./commands/doctor')).doctor,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out('irn-bridge 0.1.0');
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`error: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    return reportFailure(io, e);
  }
}

