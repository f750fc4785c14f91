import { commandFor } from '../../home';
import { resolvePort, startCompanion } from '../../server';
import { createLogger } from '../../logger';
import { homeOf } from '../runtime';
import { parse, type Io } from '../io';

export const startUsage = `Usage: irn-bridge start [--port P]

Runs the companion on http://127.0.0.1:P (default 47321, or IRN_BRIDGE_PORT) until stopped with Ctrl+C.
Data lives in IRN_BRIDGE_HOME (default: your user data directory).`;

export async function start(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', short: 'p' } }, startUsage);
  if (values.help) return io.out(startUsage), 0;
  const port = resolvePort(values.port as string | undefined, io.env);
  const home = homeOf(io);
  const running = await startCompanion({ home, port, host: '127.0.0.1', log: createLogger(undefined, io.err) });
  const profiles = running.companion.profiles.list();
  const def = running.companion.profiles.defaultName();
  io.out(`IRN Bridge companion listening on ${running.url}`);
  io.out(`Home: ${home}`);
  for (const p of profiles) {
    io.out(`  profile ${p.name}${p.name === def ? ' (default)' : ''}: ${p.kind} ${p.gstin}${p.demo ? '  DEMO — offline IRP, not registered with the government' : ''}`);
  }
  io.out(`Pair the browser extension with: ${commandFor('pair', home, null)}`);
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
