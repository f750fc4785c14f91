/**
 * The floor under the companion's idle memory: bench/stack-floor-host.cjs (Hono, @hono/node-server,
 * zod, better-sqlite3; nothing of the companion) and a bare `node`, sampled as the companion is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processMemory } from '../process-memory';
import { idleMemory, type MemorySample } from './companion';

export interface StackFloor { bareNode: MemorySample; stack: MemorySample }

async function sample(script: string | null, dir: string, idleMs: number): Promise<MemorySample> {
  // Plain node, no tsx and no flags: the companion's bundle runs so too.
  const args = script ? [script, dir] : ['-e', 'process.send({}); setInterval(() => {}, 1 << 30)'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const ready = await new Promise<{ port?: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { port?: number }));
      child.once('exit', (code) => reject(new Error(`the stack-floor process exited (${code}) before it was ready`)));
    });
    if (ready.port) {
      const res = await fetch(`http://127.0.0.1:${ready.port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":"x"}' });
      if (res.status !== 200) throw new Error(`the stack-floor server answered HTTP ${res.status}`);
      await res.arrayBuffer();
    }
    return await idleMemory(() => processMemory(child.pid!), idleMs);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function stackFloor(idleMs: number, progress: (line: string) => void): Promise<StackFloor> {
  const dir = mkdtempSync(join(tmpdir(), 'irnb-floor-'));
  try {
    const bareNode = await sample(null, dir, idleMs);
    const stack = await sample(new URL('../stack-floor-host.cjs', import.meta.url).pathname, dir, idleMs);
    progress(`  floor: bare node ${bareNode.rssMiB} MiB, Hono + @hono/node-server + zod + better-sqlite3 alone ${stack.rssMiB} MiB resident`);
    return { bareNode, stack };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
