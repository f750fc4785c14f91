/** Serves the fake ERPs on `localhost` (not 127.0.0.1, which the companion permission covers), random ports. */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';

export interface ServedSite {
  /** `http://localhost:<port>` */
  origin: string;
  close(): Promise<void>;
}

export function serveSite(app: Hono): Promise<ServedSite> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://localhost:${port}`,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections?.(); }),
      });
    });
  });
}
