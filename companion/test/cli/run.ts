/** Runs the real `irn-bridge` binary as a child process against a given home (shared by the CLI tests). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/irn-bridge.mjs', import.meta.url));

export interface Run { code: number | null; stdout: string; stderr: string }

export function run(home: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, IRN_BRIDGE_HOME: home, IRN_BRIDGE_LOG: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

export const noStack = (r: Run) => assert.equal(/\n\s+at .+:\d+:\d+/.test(r.stderr), false, `stack trace in: ${r.stderr}`);
