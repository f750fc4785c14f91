/**
 * Child process: the floor for any local service between a client and the IRP. It answers
 * `POST /` {invoice} by calling one IrpSession (as the companion does) and sending back its data,
 * over node:http with nothing else: no routing, validation, ledger, key check or log. Its p50 over
 * the direct call's p50 is what a second local hop and a third process cost on this machine alone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IrpSession, type IrpSessionConfig } from '../companion/src/irp';

if (!process.send) {
  console.error('usage: forked by bench/relay-process.ts with an IPC channel');
  process.exit(2);
}

process.once('message', (config: IrpSessionConfig) => {
  const session = new IrpSession(config);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { invoice } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { invoice: unknown };
      session.generateIrn(invoice).then(
        ({ data }) => { res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data)); },
        (e: Error) => { res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: e.name })); },
      );
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => { server.close(); server.closeAllConnections(); });
});
