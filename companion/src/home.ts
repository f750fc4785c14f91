/**
 * The companion's home directory: profiles, secrets, the ledger, tokens and offline IRP data.
 * Everything in it is readable by the owner only, because it holds IRP credentials.
 *
 * One home per user: `start`, `pair`, the demo, the service and `doctor` all use defaultHome()
 * unless IRN_BRIDGE_HOME says otherwise, and whatever prints a pairing code or a start command
 * names the home (and port) it is for.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_COMPANION_PORT } from '@irn-bridge/shared/api/contract';

export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.IRN_BRIDGE_HOME) return env.IRN_BRIDGE_HOME;
  return platformHome(env, platform);
}

/** The home a user gets without IRN_BRIDGE_HOME. */
export function platformHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const user = (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(user, 'AppData', 'Roaming'), 'irn-bridge');
  if (platform === 'darwin') return join(user, 'Library', 'Application Support', 'irn-bridge');
  return join(env.XDG_DATA_HOME || join(user, '.local', 'share'), 'irn-bridge');
}

/** Every file and folder of a home, by what it holds (the stores name the same paths). */
export function homeLayout(home: string) {
  return {
    home,
    /** SQLite: ledger, audit log, API keys, pairing codes (ledger/db.ts). */
    database: join(home, 'irn-bridge.db'),
    /** Profiles without secrets (profiles/store.ts). */
    profiles: join(home, 'profiles.json'),
    /** IRP credentials, mode 0600 (profiles/store.ts). */
    secrets: join(home, 'secrets.json'),
    /** Public keys copied at `profile add`. */
    keys: join(home, 'keys'),
    /** IRP auth tokens and session keys, reused across restarts (profiles/sessions.ts). */
    tokens: join(home, 'tokens'),
    /** The embedded offline IRP of the DEMO profile. */
    offlineIrp: join(home, 'offline-irp'),
    /** `irn-bridge offline-irp` without --data-dir. */
    offlineIrpServed: join(home, 'offline-irp-served'),
  };
}

/** The port the companion of this environment listens on (IRN_BRIDGE_PORT, else the default). */
export function configuredPort(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.IRN_BRIDGE_PORT);
  return env.IRN_BRIDGE_PORT && Number.isInteger(n) && n > 0 && n <= 65535 ? n : DEFAULT_COMPANION_PORT;
}

/**
 * How to run an irn-bridge command against this home and port, e.g. for "make a new code":
 * the variables are only spelled out when they differ from what a plain shell would get.
 */
export function commandFor(args: string, home: string, port: number | null, opts: { env?: NodeJS.ProcessEnv; runner?: string } = {}): string {
  const env = opts.env ?? process.env;
  const vars: string[] = [];
  if (resolve(home) !== resolve(platformHome(env))) vars.push(`IRN_BRIDGE_HOME=${quote(home)}`);
  if (port !== null && port !== DEFAULT_COMPANION_PORT) vars.push(`IRN_BRIDGE_PORT=${port}`);
  return [...vars, opts.runner ?? 'irn-bridge', args].join(' ');
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

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

/**
 * Which home a pairing code was made in. A code lives in its home's database, so a companion with
 * another home can only say "not valid"; `pair` therefore also leaves a note (the code's hash and
 * the home, for the code's 5 minutes) in a per-user folder every home can read, and a companion
 * that does not know a code looks there to say which home it belongs to.
 */
function pairingNotesDir(): string | null {
  const uid = process.getuid?.() ?? -1;
  const dir = join(tmpdir(), `irn-bridge-${uid >= 0 ? uid : 'user'}`, 'pairing');
  try {
    ensurePrivateDir(dir);
    // /tmp is shared on Linux: use the folder only if this user owns it and nobody else can enter it.
    const st = lstatSync(dirname(dir));
    if (uid >= 0 && (st.uid !== uid || (st.mode & 0o077) !== 0 || !st.isDirectory())) return null;
    return dir;
  } catch {
    return null;
  }
}

export function notePairingCode(codeHash: string, home: string, expiresAt: string, now: Date = new Date()): void {
  const dir = pairingNotesDir();
  if (!dir || !/^[0-9a-f]{64}$/.test(codeHash)) return;
  try {
    for (const name of readdirSync(dir)) {
      const note = readNote(join(dir, name));
      if (!note || note.expiresAt <= now.toISOString()) rmSync(join(dir, name), { force: true });
    }
    writePrivateFile(join(dir, `${codeHash}.json`), JSON.stringify({ home: resolve(home), expiresAt }));
  } catch { /* a missing note only costs the clearer message */ }
}

/** The other home a live code was made in, or null (unknown code, or made in `home` itself). */
export function otherHomeOfPairingCode(codeHash: string, home: string, now: Date = new Date()): string | null {
  const dir = pairingNotesDir();
  if (!dir || !/^[0-9a-f]{64}$/.test(codeHash)) return null;
  const note = readNote(join(dir, `${codeHash}.json`));
  if (!note || note.expiresAt <= now.toISOString() || note.home === resolve(home)) return null;
  return note.home;
}

function readNote(path: string): { home: string; expiresAt: string } | null {
  try {
    const note = JSON.parse(readFileSync(path, 'utf8')) as { home?: unknown; expiresAt?: unknown };
    return typeof note.home === 'string' && typeof note.expiresAt === 'string' ? { home: note.home, expiresAt: note.expiresAt } : null;
  } catch {
    return null;
  }
}
