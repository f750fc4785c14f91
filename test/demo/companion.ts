/**
 * The demo's only contact with the companion package, kept in one file so a change of its API is a
 * one-file fix. The server is loaded lazily, so the fake ERPs still start if the companion cannot
 * (home.ts, only paths and the pairing notes, is imported at once).
 */
import { commandFor, defaultHome } from '@irn-bridge/companion/home';

/** The companion's home when IRN_BRIDGE_HOME is not set: the same one `irn-bridge start` uses. */
export const demoHome = (): string => defaultHome();

/** An irn-bridge command as typed in the checkout, naming the home and port when they are not the defaults. */
export const checkoutCommand = (args: string, home: string, port: number | null): string =>
  commandFor(args, home, port, { runner: 'npx -y pnpm@12.4.2 irn-bridge' });

export interface DemoCompanion {
  url: string;
  port: number;
  /** A fresh one-time pairing code, or null if one could not be made (then: `pnpm irn-bridge pair`). */
  pairingCode: { code: string; expiresAt: string } | null;
  close(): Promise<void>;
}

export async function startDemoCompanion(opts: { home: string; port: number }): Promise<DemoCompanion> {
  const { startCompanion } = await import('@irn-bridge/companion/server');
  const running = await startCompanion({ home: opts.home, port: opts.port });
  return {
    url: running.url,
    port: running.port,
    pairingCode: await makePairingCode(opts.home),
    close: () => running.close(),
  };
}

/** What `irn-bridge pair` does: a code in the companion's database, which the running companion reads. */
async function makePairingCode(home: string): Promise<DemoCompanion['pairingCode']> {
  try {
    const [{ openDatabase }, { PairingCodes }] = await Promise.all([
      import('@irn-bridge/companion/ledger/db'),
      import('@irn-bridge/companion/security/pairing'),
    ]);
    const db = openDatabase(home);
    try {
      return new PairingCodes(db).create();
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
