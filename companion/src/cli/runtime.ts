/** Commands that talk to the IRP run the same services as the server (same ledger rules), in-process. */
import { createCompanion } from '../app';
import type { CompanionContext } from '../api/context';
import { defaultHome } from '../home';
import { createLogger, parseLogLevel } from '../logger';
import type { Io } from './io';
import { databaseFrom, openStorageNow } from '../storage/open';
import type { Storage } from '../storage/types';

export function homeOf(io: Io): string {
  return defaultHome(io.env);
}

export async function withServices<T>(io: Io, fn: (ctx: CompanionContext) => Promise<T>): Promise<T> {
  // Quiet by default: a CLI command's output is its result; IRN_BRIDGE_LOG=debug shows the IRP calls.
  const level = io.env.IRN_BRIDGE_LOG ? parseLogLevel(io.env.IRN_BRIDGE_LOG) : 'silent';
  const companion = await createCompanion({ home: homeOf(io), database: databaseFrom(undefined, io.env), log: createLogger(level, io.err), reconcileOnStart: false });
  try {
    return await fn(companion.ctx);
  } finally {
    await companion.close();
  }
}

/** A command that only reads or writes the storage (pair, keys, ledger): the home's SQLite file, or IRN_BRIDGE_DATABASE. */
export async function withStorage<T>(io: Io, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorageNow(homeOf(io), databaseFrom(undefined, io.env));
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}
