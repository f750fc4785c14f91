/** Serves a Hono app on 127.0.0.1 (port 0 = any free port) and closes it cleanly. */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  port: number;
  close(): Promise<void>;
}

export function serveApp(fetch: (req: Request) => Response | Promise<Response>, port: number): Promise<Served> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }) as Server;
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; choose another with the environment variables shown in test/demo/main.ts.`) : err),
    );
    server.once('listening', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      }),
    );
  });
}
