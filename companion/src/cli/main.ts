/** `irn-bridge <command>`: the companion's command line. Returns the exit code. */
import { processIo, reportFailure, type Io } from './io';
import { start, startUsage } from './commands/start';
import { pair } from './commands/pair';
import { keys } from './commands/keys';
import { offlineIrp } from './commands/offline-irp';
import { profile } from './commands/profile';
import { cancel, generate, get, gstin, irp } from './commands/irp-ops';
import { ledger } from './commands/ledger';
import { ewaybill } from './commands/ewaybill';
import { service } from './commands/service';
import { doctor } from './commands/doctor';

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
  irp get PATH | irp post PATH F   read-only IRP calls (auth and encryption handled)
  ledger list | export | recover   the local ledger of e-invoices; recover it from a backup or the IRP
  offline-irp --port P [--json]    serve the offline IRP (a local stand-in for the NIC sandbox)
  service install|uninstall|status start the companion with the computer (systemd, launchd, Task Scheduler)
  doctor [--json]                  check the installation, the ledger, the port and each profile

Environment: IRN_BRIDGE_HOME (data directory), IRN_BRIDGE_PORT, IRN_BRIDGE_LOG (silent|info|debug).`;

const commands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  start, pair, keys, 'offline-irp': offlineIrp, profile, gstin, generate, get, cancel, ewaybill, irp, ledger, service, doctor,
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
  const command = commands[name];
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    return reportFailure(io, e);
  }
}

export { startUsage };
