/** Node's version, and whether the home and its files are the owner's alone (they hold IRP credentials). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { homeLayout } from '../home';
import { fail, ok, warn, type Finding } from './finding';

const MIN_NODE: [number, number] = [20, 19];

export function checkNode(version: string = process.versions.node): Finding {
  const [major, minor] = version.split('.').map(Number);
  const fits = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return fits
    ? ok('node', `Node.js ${version} is recent enough (${MIN_NODE.join('.')} or later is needed).`, { version })
    : fail('node', `Node.js ${version} is too old: IRN Bridge needs ${MIN_NODE.join('.')} or later.`, 'Install the current Node.js LTS from nodejs.org, then run irn-bridge doctor again.', { version });
}

/** The files of a home that must be owner-only: the folder itself, the credentials, the ledger and the tokens. */
function privatePaths(home: string): string[] {
  const l = homeLayout(home);
  const files = [l.profiles, l.secrets, l.database, `${l.database}-wal`, `${l.database}-shm`];
  for (const dir of [l.tokens, l.keys, l.offlineIrp]) {
    if (existsSync(dir)) files.push(dir, ...readdirSync(dir).map((f) => join(dir, f)));
  }
  return files.filter((f) => existsSync(f));
}

export function checkHome(home: string, platform: NodeJS.Platform = process.platform): Finding[] {
  if (!existsSync(home)) {
    return [warn('home', `The home ${home} does not exist yet: the companion creates it on its first start.`,
      'Run irn-bridge start (or irn-bridge service install) once.', { home })];
  }
  const st = statSync(home);
  if (!st.isDirectory()) return [fail('home', `The home ${home} is a file, not a folder.`, 'Move the file away, or set IRN_BRIDGE_HOME to a folder.', { home })];
  const findings: Finding[] = [ok('home', `The home is ${home}.`, { home })];
  // Windows protects the folder with ACLs, not modes.
  if (platform === 'win32') return findings;
  const open = [home, ...privatePaths(home)].filter((p) => (statSync(p).mode & 0o077) !== 0);
  for (const path of open) {
    const mode = (statSync(path).mode & 0o777).toString(8).padStart(3, '0');
    const want = statSync(path).isDirectory() ? '700' : '600';
    findings.push(fail('file-mode', `${path} can be read by other users of this computer (mode ${mode}); it must be the owner's only.`,
      `Run: chmod ${want} '${path}'`, { path, mode }));
  }
  if (open.length === 0) findings.push(ok('file-mode', 'The home and every file in it are readable by their owner only.'));
  return findings;
}
