import { join } from 'node:path';
import { startOfflineIrp } from '../../offline-irp';
import { ensurePrivateDir } from '../../home';
import { homeOf } from '../runtime';
import { parse, UsageError, type Io } from '../io';

export const offlineIrpUsage = `Usage: irn-bridge offline-irp --port P [--data-dir D] [--json]

Serves the offline IRP (a local stand-in for the NIC sandbox) on http://127.0.0.1:P until stopped.
--json prints one line first: {"baseUrl","clientId","clientSecret","username","password","publicKeyPath","gstins"}.`;

export async function offlineIrp(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', short: 'p' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, offlineIrpUsage);
  if (values.help) return io.out(offlineIrpUsage), 0;
  if (values.port === undefined) throw new UsageError('--port is required (0 picks a free port)', offlineIrpUsage);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`"${values.port}" is not a port number`, offlineIrpUsage);
  const dataDir = ensurePrivateDir((values['data-dir'] as string | undefined) ?? join(homeOf(io), 'offline-irp-served'));
  const served = await startOfflineIrp({ port, dataDir });
  const { clientId, clientSecret, username, password } = served.irp.credentials;
  if (values.json) {
    // Test credentials of a local stand-in, printed on request so scripts can configure a profile.
    io.out(JSON.stringify({ baseUrl: served.baseUrl, clientId, clientSecret, username, password, publicKeyPath: served.irp.publicKeyPath, gstins: served.irp.gstins }));
  } else {
    io.out(`Offline IRP listening on ${served.baseUrl} (data in ${dataDir})`);
    io.out(`Public key: ${served.irp.publicKeyPath}`);
    io.out(`Test GSTINs: ${served.irp.gstins.join(', ')}`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await served.close();
  return 0;
}
