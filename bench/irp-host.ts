/**
 * Child process: serves an offline IRP on 127.0.0.1 and takes orders over IPC (set the reply delay,
 * read the counters, stop). A process of its own, so the IRP's CPU is not charged to the clients
 * being measured — as with the real IRP, which runs on someone else's machines.
 */
import { startOfflineIrp } from '../companion/src/offline-irp';
import type { IrpHostReply, IrpHostRequest } from './irp-process';

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('usage: node --import tsx bench/irp-host.ts DATA_DIR (spawned with an IPC channel)');
  process.exit(2);
}

const started = await startOfflineIrp({ port: 0, dataDir });
const { irp } = started;
const send = (m: IrpHostReply) => process.send!(m);

process.on('message', async (m: IrpHostRequest) => {
  switch (m.op) {
    case 'delay':
      irp.faults.delayMs(m.ms);
      return send({ id: m.id, ok: true });
    case 'counters':
      return send({ id: m.id, ok: true, counters: { authCalls: irp.counters.authCalls, registrations: irp.counters.registrations, requests: irp.counters.requests } });
    case 'close':
      await started.close();
      send({ id: m.id, ok: true });
      process.disconnect();
  }
});
process.on('disconnect', () => void started.close().finally(() => process.exit(0)));

send({
  id: 0, ok: true,
  ready: { baseUrl: started.baseUrl, credentials: irp.credentials, publicKeyPem: irp.publicKeyPem, publicKeyPath: irp.publicKeyPath },
});
