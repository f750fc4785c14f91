import { commandFor } from '../../home';
import { CompanionStartError, resolvePort, startCompanion, type TlsChoice } from '../../server';
import { parseListen } from '../../tls/listen';
import { createLogger } from '../../logger';
import { homeOf } from '../runtime';
import { databaseFrom } from '../../storage/open';
import { parse, type Io } from '../io';

export const startUsage = `Usage: irn-bridge start [--port P]
       irn-bridge start --listen ADDRESS:PORT (--tls-cert FILE --tls-key FILE | --tls-self-signed) [--name HOST]…

Runs the companion on http://127.0.0.1:P (default 47321, or IRN_BRIDGE_PORT) until stopped with Ctrl+C.
Data lives in IRN_BRIDGE_HOME (default: your user data directory).

Team mode (several clerks, one companion or several on one database):
  --listen ADDRESS:PORT   listen on this LAN address instead (0.0.0.0:PORT for every network); needs TLS
                          and a key per person first (irn-bridge keys create --user NAME --role clerk)
  --tls-cert FILE, --tls-key FILE   the certificate (PEM) and its unencrypted key for this computer's name
  --tls-self-signed       make a certificate once into the home and print its SHA-256 fingerprint
  --name HOST             a DNS name clerks use for this computer (repeatable): served and put in the certificate
  --database postgres://USER:PASSWORD@HOST/DB   the shared ledger, keys and tokens on PostgreSQL, for several
                          companions at once (or IRN_BRIDGE_DATABASE); default: the home's own SQLite ledger
  --database-file FILE    read that URL from FILE (or IRN_BRIDGE_DATABASE_FILE): what the installed service uses`;

/** start's team-mode options; `service install` takes the same ones (one source of truth) and passes them on. */
export const teamOptions = {
  listen: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
  'tls-self-signed': { type: 'boolean' }, name: { type: 'string', multiple: true }, database: { type: 'string' }, 'database-file': { type: 'string' },
} as const;

export async function start(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', short: 'p' }, ...teamOptions }, startUsage);
  if (values.help) return io.out(startUsage), 0;
  const port = resolvePort(values.port as string | undefined, io.env);
  const address = values.listen ? parseListen(values.listen as string, port) : { host: '127.0.0.1', port, loopback: true };
  const tls = tlsChoice(values['tls-cert'] as string | undefined, values['tls-key'] as string | undefined, !!values['tls-self-signed']);
  const home = homeOf(io);
  const database = databaseFrom(values.database as string | undefined, io.env, values['database-file'] as string | undefined);
  const running = await startCompanion({
    home, database, port: address.port, host: address.host, log: createLogger(undefined, io.err), ...(tls ? { tls } : {}),
    names: (values.name as string[] | undefined) ?? [],
  });
  const profiles = running.companion.profiles.list();
  const def = running.companion.profiles.defaultName();
  io.out(`IRN Bridge companion listening on ${running.url}`);
  io.out(`Home: ${home}`);
  if (database) io.out(`Ledger: ${running.companion.storage.location} (PostgreSQL, shared)`);
  if (running.tls) {
    io.out(`TLS certificate (${running.tls.source === 'given' ? running.tls.certPath : running.tls.source === 'made' ? `made now: ${running.tls.certPath}` : running.tls.certPath}) for ${running.tls.names.join(', ')}`);
    io.out(`  SHA-256 fingerprint: ${running.tls.fingerprint}`);
    io.out(`  Clerks check that their browser or client shows this same fingerprint the first time they connect.`);
  }
  if (!address.loopback) io.out(`Accepting requests addressed to: ${running.names.join(', ')}`);
  for (const p of profiles) {
    io.out(`  profile ${p.name}${p.name === def ? ' (default)' : ''}: ${p.kind} ${p.gstin}${p.demo ? '  DEMO — offline IRP, not registered with the government' : ''}`);
  }
  io.out(address.loopback
    ? `Pair the browser extension with: ${commandFor('pair', home, null)}`
    : `Give each clerk a key of their own: ${commandFor('keys create --user NAME --role clerk', home, null)}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.err('stopping…');
  await running.close();
  return 0;
}

function tlsChoice(cert: string | undefined, key: string | undefined, selfSigned: boolean): TlsChoice | undefined {
  if (selfSigned && (cert || key)) throw new CompanionStartError('Give either --tls-cert and --tls-key (your certificate) or --tls-self-signed, not both.');
  if (!!cert !== !!key) throw new CompanionStartError(cert ? '--tls-cert needs --tls-key: the certificate\'s private key (PEM).' : '--tls-key needs --tls-cert: the certificate (PEM) the key belongs to.');
  if (cert && key) return { certFile: cert, keyFile: key };
  return selfSigned ? { selfSigned: true } : undefined;
}
