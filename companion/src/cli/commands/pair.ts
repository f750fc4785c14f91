import { homeOf, withStorage } from '../runtime';
import { commandFor } from '../../home';
import { parse, printJson, type Io } from '../io';

export const pairUsage = `Usage: irn-bridge pair [--json]

Shows a one-time pairing code (valid 5 minutes). Type it into the IRN Bridge extension's options page.
--json prints {"code","expiresAt","home"}.`;

export async function pair(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } }, pairUsage);
  if (values.help) return io.out(pairUsage), 0;
  const home = homeOf(io);
  return withStorage(io, async (storage) => {
    const created = await storage.pairing.create();
    if (values.json) printJson(io, { ...created, home });
    else {
      io.out(`Pairing code: ${created.code}`);
      io.out(`Enter it in the IRN Bridge extension (Options → Pair). It works once and expires at ${new Date(created.expiresAt).toLocaleTimeString()}.`);
      // A companion started with another home keeps other keys and another ledger: it refuses this code.
      io.out(`It is for the companion whose home is ${home} (started with: ${commandFor('start', home, null)}).`);
    }
    return 0;
  });
}
