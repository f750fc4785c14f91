/** The companion for e2e tests: a temp IRN_BRIDGE_HOME, a random port, the demo offline profile. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanion, type RunningCompanion } from '@irn-bridge/companion/server';
import { PairingCodes } from '@irn-bridge/companion/security/pairing';
import { silentLogger } from '@irn-bridge/companion/logger';

export interface TestCompanion {
  port: number;
  url: string;
  running: RunningCompanion;
  /** A fresh one-time pairing code, as `irn-bridge pair` would print it. */
  pairingCode(): string;
  /** Registrations the embedded offline IRP has accepted so far. */
  irpRegistrations(): Promise<number>;
  /** Every request the embedded offline IRP has received so far (auth, lookups, registrations). */
  irpRequests(): Promise<number>;
  /** Stops the server but keeps its home (to simulate "companion not running"). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCompanion(): Promise<TestCompanion> {
  const home = mkdtempSync(join(tmpdir(), 'irn-e2e-home-'));
  const running = await startCompanion({ home, port: 0, log: silentLogger, reconcileOnStart: false });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.close();
  };
  return {
    port: running.port,
    url: running.url,
    running,
    pairingCode: () => new PairingCodes(running.companion.ctx.db!).create().code,
    irpRegistrations: async () => (await running.companion.ctx.sessions.offlineIrp()).counters.registrations,
    irpRequests: async () => (await running.companion.ctx.sessions.offlineIrp()).counters.requests,
    stop,
    async close() {
      await stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
