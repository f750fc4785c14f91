/** Serves the companion on 127.0.0.1 with @hono/node-server. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import { createCompanion, type Companion, type CompanionOptions } from './app';

export interface RunningCompanion {
  companion: Companion;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A start-up failure with a message meant for the user (e.g. the port is taken). */
export class CompanionStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanionStartError';
  }
}

export function resolvePort(flag: string | number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = flag ?? env.IRN_BRIDGE_PORT;
  if (raw === undefined || raw === '') return DEFAULT_COMPANION_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CompanionStartError(`"${raw}" is not a port number (0–65535).`);
  return port;
}

export async function startCompanion(opts: CompanionOptions & { port?: number; host?: '127.0.0.1' }): Promise<RunningCompanion> {
  const host = opts.host ?? '127.0.0.1';
  // Listen first, so a taken port fails before anything else starts (no reconcile racing a second instance).
  const gate = { handler: (_req: Request): Response | Promise<Response> => new Response(null, { status: 503 }) };
  const { server, port } = await listen(host, opts.port ?? DEFAULT_COMPANION_PORT, (req) => gate.handler(req));
  let companion: Companion;
  try {
    companion = await createCompanion({ ...opts, port });
  } catch (e) {
    server.close();
    throw e;
  }
  gate.handler = companion.app.fetch;
  return {
    companion, port, url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      await companion.close();
    },
  };
}

function listen(hostname: string, port: number, fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const s = serve({ fetch, port, hostname }) as Server;
    s.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE'
        ? new CompanionStartError(`Port ${port} on ${hostname} is already in use — is another IRN Bridge companion running? ` +
          'Stop it, or choose another port with --port or IRN_BRIDGE_PORT.')
        : err.code === 'EACCES'
          ? new CompanionStartError(`Not allowed to listen on ${hostname}:${port}. Choose a port above 1024 with --port.`)
          : err);
    });
    s.once('listening', () => resolve({ server: s, port: (s.address() as AddressInfo).port }));
  });
}
