#!/usr/bin/env node
// Runs every test in the workspace with Node's own test runner (one runner, one summary CI can read).
// End-to-end tests need the extension built first and Debian's Chromium installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['shared', 'companion', 'extension', 'test', 'bench'];
const skip = new Set(['node_modules', '.output', '.wxt', 'dist']);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const only = process.argv.slice(2);
let files = roots.flatMap((r) => (existsSync(join(root, r)) ? collect(join(root, r), []) : [])).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const needsBrowser = files.some((f) => f.startsWith('test/e2e/') || f.startsWith('test/real/'));
if (needsBrowser) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`End-to-end tests need Chromium at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log('Building the extension for the end-to-end tests…');
  const build = spawnSync('npx', ['-y', 'pnpm@12.4.2', '--filter', '@irn-bridge/extension', 'build:e2e'], {
    cwd: root, stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, IRN_BRIDGE_LOG: process.env.IRN_BRIDGE_LOG ?? 'silent' } },
);
process.exit(result.status ?? 1);
