/**
 * Serves the companion with @hono/node-server: on 127.0.0.1 over HTTP (one desk, the default), or
 * in team mode on a LAN address over HTTPS (node's https server), with per-user keys required.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';
import { createCompanion, type Companion, type CompanionOptions } from './app';
import { CompanionStartError } from './server-errors';
import { certificateNames, isLoopbackAddress, servedNames, type ListenAddress } from './tls/listen';
import type { TlsMaterial } from './tls/certificate';
import type { Served } from './api/host-guard';

export { CompanionStartError };

export interface RunningCompanion {
  companion: Companion;
  port: number;
  url: string;
  /** The certificate served in team mode (its SHA-256 fingerprint is what clerks check). */
  tls: TlsMaterial | null;
  /** The names `Host` may carry. */
  names: readonly string[];
  close(): Promise<void>;
}

export function resolvePort(flag: string | number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = flag ?? env.IRN_BRIDGE_PORT;
  if (raw === undefined || raw === '') return DEFAULT_COMPANION_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CompanionStartError(`"${raw}" is not a port number (0–65535).`);
  return port;
}

export type TlsChoice = { certFile: string; keyFile: string } | { selfSigned: true };

export interface StartOptions extends CompanionOptions {
  port?: number;
  /** The address to bind (default 127.0.0.1). Any non-loopback address is team mode. */
  host?: string;
  /** HTTPS: the admin's PEM files, or a certificate the companion makes once into its home. */
  tls?: TlsChoice;
  /** DNS names clerks use for this computer: served, and written into a self-signed certificate. */
  names?: string[];
}

export async function startCompanion(opts: StartOptions): Promise<RunningCompanion> {
  const host = opts.host ?? '127.0.0.1';
  const lan = !isLoopbackAddress(host);
  if (lan && !opts.tls) {
    throw new CompanionStartError(`Listening on ${host} lets other computers reach the companion, so it must use TLS. ` +
      'Add --tls-cert FILE --tls-key FILE (a certificate for this computer\'s name), or --tls-self-signed to have the companion make one and print its fingerprint.');
  }
  const wanted: ListenAddress = { host, port: opts.port ?? DEFAULT_COMPANION_PORT, loopback: !lan };
  // Loaded only in team mode: selfsigned and its X.509 stack are about 7 MiB resident (docs/performance.md, issue 12).
  const certs = opts.tls ? await import('./tls/certificate') : null;
  const tls = !opts.tls || !certs ? null
    : 'selfSigned' in opts.tls ? await certs.ensureSelfSignedTls(opts.home, certificateNames(wanted, opts.names ?? []))
      : certs.loadGivenTls(opts.tls.certFile, opts.tls.keyFile);
  const names = servedNames(wanted, [...(opts.names ?? []), ...(tls?.source === 'given' ? tls.names.filter((n) => !n.startsWith('*')) : [])]);

  // Listen first, so a taken port fails before anything else starts (no reconcile racing a second instance).
  const gate = { handler: (_req: Request): Response | Promise<Response> => new Response(null, { status: 503 }) };
  const https = tls ? await import('node:https') : null;
  const { server, port } = await listen(host, wanted.port, (req) => gate.handler(req), tls && https ? { ...tls, createServer: https.createServer } : null);
  const served: Served = { names, tls: !!tls, lan, ...(tls ? { fingerprint: tls.fingerprint } : {}) };
  let companion: Companion;
  try {
    companion = await createCompanion({ ...opts, port, served });
    if (lan && !(await hasTeamKeys(companion))) {
      await companion.close();
      throw new CompanionStartError(`Listening on ${host} is team mode, and no one has a key of their own yet. ` +
        'Make one per person first: irn-bridge keys create --user NAME --role clerk (and --role admin for yourself), then start again.');
    }
  } catch (e) {
    server.close();
    throw e;
  }
  gate.handler = companion.app.fetch;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    companion, port, tls, names, url: `${tls ? 'https' : 'http'}://${shownHost}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      await companion.close();
    },
  };
}

/** An active key made for a named person (`keys create --user`), as the storage lists them. */
async function hasTeamKeys(companion: Companion): Promise<boolean> {
  const list = await companion.ctx.keys.list();
  return list.some((k) => !k.revokedAt && !!k.userName);
}

function listen(hostname: string, port: number, fetch: (req: Request) => Response | Promise<Response>,
  tls: (TlsMaterial & { createServer: typeof import('node:https').createServer }) | null): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const s = (tls
      ? serve({ fetch, port, hostname, createServer: tls.createServer, serverOptions: { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' } })
      : serve({ fetch, port, hostname })) as Server;
    s.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE'
        ? new CompanionStartError(`Port ${port} on ${hostname} is already in use — is another IRN Bridge companion running? ` +
          'Stop it, or choose another port with --port or IRN_BRIDGE_PORT.')
        : err.code === 'EACCES'
          ? new CompanionStartError(`Not allowed to listen on ${hostname}:${port}. Choose a port above 1024 with --port.`)
          : err.code === 'EADDRNOTAVAIL'
            ? new CompanionStartError(`${hostname} is not an address of this computer. Give one of its own addresses to --listen (ip addr / ipconfig shows them), or 0.0.0.0 for all.`)
            : err);
    });
    s.once('listening', () => resolve({ server: s, port: (s.address() as AddressInfo).port }));
  });
}
