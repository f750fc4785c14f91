/** `irn-bridge doctor`: every check in order, for one home and port. */
import { checkHome, checkNode } from './environment';
import { checkLedger, checkSharedLedger } from './ledger';
import { databaseFrom } from '../storage/open';
import { checkPort } from './port';
import { checkProfiles } from './profiles';
import { checkService } from './service';
import { checkTls } from './tls';
import type { Finding } from './finding';

export type { Finding } from './finding';

export interface DoctorOptions {
  home: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  now?: () => Date;
  /** false: skip the IRP calls (each profile's GSTIN lookup). */
  profiles?: boolean;
}

export async function runDoctor(opts: DoctorOptions): Promise<Finding[]> {
  const now = opts.now ?? (() => new Date());
  const platform = opts.platform ?? process.platform;
  // Team mode keeps the ledger on PostgreSQL (IRN_BRIDGE_DATABASE): that is the one to check, not the home's file.
  const database = databaseFrom(undefined, opts.env ?? process.env);
  const ledger = database ? await checkSharedLedger(database, opts.home) : checkLedger(opts.home, now());
  const findings: Finding[] = [checkNode(), ...checkHome(opts.home, platform), ...ledger];
  findings.push(await checkPort(opts.home, opts.port, platform));
  findings.push(checkService(opts.env ?? process.env, platform));
  findings.push(...checkTls(opts.home, now()));
  if (opts.profiles !== false) findings.push(...await checkProfiles(opts.home, now));
  return findings;
}

export const hasProblems = (findings: Finding[]) => findings.some((f) => f.status === 'fail');
