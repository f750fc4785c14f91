/**
 * Which process listens on a TCP port: /proc on Linux, lsof on macOS, netstat + tasklist on
 * Windows. Best effort: null when the system will not tell (another user's process, no lsof).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface PortOwner {
  pid: number;
  command: string;
  /** Its environment at start, when the system shows it (Linux, same user). */
  env?: NodeJS.ProcessEnv;
  /** The files it has open (Linux, same user): a companion holds <home>/irn-bridge.db. */
  files?: string[];
}

export function portOwner(port: number, platform: NodeJS.Platform = process.platform): PortOwner | null {
  try {
    if (platform === 'linux') return linuxOwner(port);
    if (platform === 'win32') return windowsOwner(port);
    return lsofOwner(port);
  } catch {
    return null;
  }
}

function linuxOwner(port: number): PortOwner | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(table, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; field 9 is the socket's inode.
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      let link: string;
      try { link = readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) return { pid: Number(pid), command: procText(pid, 'cmdline'), env: procEnv(pid), files: openFiles(pid) };
    }
  }
  return null;
}

function openFiles(pid: string): string[] {
  const files: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (link.startsWith('/')) files.push(link);
    } catch { /* closed meanwhile */ }
  }
  return files;
}

const procText = (pid: string, file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter(Boolean).join(' ');

function procEnv(pid: string): NodeJS.ProcessEnv | undefined {
  try {
    return Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i), kv.slice(i + 1)];
    }));
  } catch {
    return undefined;
  }
}

function lsofOwner(port: number): PortOwner | null {
  const out = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = /^p(\d+)$/m.exec(out)?.[1];
  const command = /^c(.+)$/m.exec(out)?.[1];
  return pid ? { pid: Number(pid), command: command ?? '?' } : null;
}

function windowsOwner(port: number): PortOwner | null {
  const out = execFileSync('netstat', ['-ano', '-p', 'TCP'], { encoding: 'utf8' });
  const line = out.split(/\r?\n/).find((l) => new RegExp(`:${port}\\s.*LISTENING`).test(l));
  const pid = line?.trim().split(/\s+/).pop();
  if (!pid) return null;
  const task = execFileSync('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'], { encoding: 'utf8' });
  return { pid: Number(pid), command: /^"([^"]+)"/.exec(task.trim())?.[1] ?? '?' };
}
