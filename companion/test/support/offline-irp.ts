/**
 * A real offline IRP on 127.0.0.1 (random port) in a fresh temp directory, plus IrpSessions wired to
 * it. Call `close()` at the end (it also removes the directory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IrpSession, type IrpSessionConfig, type IrpSessionOptions } from '../../src/irp';
import { startOfflineIrp, type OfflineIrp } from '../../src/offline-irp';
import { SELLER_GSTIN } from './invoices';

export interface TestIrp {
  irp: OfflineIrp;
  baseUrl: string;
  dataDir: string;
  /** A session for `gstin` (default the fixture seller) that shares the offline IRP's clock. */
  session(opts?: IrpSessionOptions & { gstin?: string; config?: Partial<IrpSessionConfig> }): IrpSession;
  /** Restart the HTTP server on the same data directory (keys and IRNs survive). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestIrp(opts: { dataDir?: string; tokenValidityMinutes?: number } = {}): Promise<TestIrp> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'irn-offline-irp-'));
  let started = await startOfflineIrp({ port: 0, dataDir, tokenValidityMinutes: opts.tokenValidityMinutes });
  const t: TestIrp = {
    get irp() {
      return started.irp;
    },
    get baseUrl() {
      return started.baseUrl;
    },
    dataDir,
    session(o = {}) {
      const { gstin, config, ...sessionOpts } = o;
      return new IrpSession(
        {
          baseUrl: started.baseUrl,
          gstin: gstin ?? SELLER_GSTIN,
          ...started.irp.credentials,
          publicKeyPem: started.irp.publicKeyPem,
          timeoutMs: 10_000,
          ...config,
        },
        { now: () => started.irp.clock.now(), ...sessionOpts },
      );
    },
    async restart() {
      await started.close();
      started = await startOfflineIrp({ port: 0, dataDir, tokenValidityMinutes: opts.tokenValidityMinutes });
    },
    async close() {
      await started.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
