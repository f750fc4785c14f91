/**
 * The companion's home directory: profiles, secrets, the ledger, tokens and offline IRP data.
 * Everything in it is readable by the owner only, because it holds IRP credentials.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.IRN_BRIDGE_HOME) return env.IRN_BRIDGE_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'irn-bridge');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'irn-bridge');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'irn-bridge');
}

/** Creates the directory (and parents) if needed and makes it owner-only. */
export function ensurePrivateDir(dir: string): string {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  try { chmodSync(dir, 0o700); } catch { /* Windows: ACLs, not modes */ }
  return dir;
}

export function ensureHome(home: string): string {
  return ensurePrivateDir(home);
}

/** Writes a file readable by the owner only, atomically (write + rename) so a crash never leaves half a file. */
export function writePrivateFile(path: string, content: string): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try { chmodSync(tmp, 0o600); } catch { /* Windows */ }
  renameSync(tmp, path);
}

/** Makes an existing file owner-only (e.g. SQLite's own files). */
export function makePrivate(path: string): void {
  try { if (existsSync(path)) chmodSync(path, 0o600); } catch { /* Windows */ }
}
