/**
 * The README's offline IRP recipe: under pnpm the first line printed must be the credentials, which
 * needs `pnpm --silent` (without it pnpm first echoes the script, `$ node companion/bin/…`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function firstLine(args: string[]): Promise<string> {
  // Its own process group, so that stopping it stops npx, pnpm and node together.
  const child = spawn('npx', args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, IRN_BRIDGE_LOG: 'silent' } });
  const stop = () => { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ } };
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) { stop(); resolve(out.slice(0, nl)); }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before a line: ${out}`)));
  });
}

test('`pnpm --silent irn-bridge offline-irp --json`: the first line is the credentials as JSON', { timeout: 60_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'irn-offline-line-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const line = await firstLine(['-y', 'pnpm@12.4.2', '--silent', 'irn-bridge', 'offline-irp', '--port', '0', '--data-dir', dataDir, '--json']);
  const creds = JSON.parse(line) as { baseUrl: string; publicKeyPath: string; clientId: string };
  assert.match(creds.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(creds.publicKeyPath, join(dataDir, 'irp-public-key.pem'));
});
