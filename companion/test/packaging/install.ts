/**
 * Test support: pack the companion exactly as a release would (`pnpm pack`), then install the
 * tarball with the system's npm into a temporary prefix, as an IT person would on a machine with
 * only Node. better-sqlite3 is a native module: prebuild-install first tries to download a prebuilt
 * binary (from GitHub, unreachable here), else node-gyp compiles it (about 90 s on two cores). To
 * keep the test fast it serves prebuild-install a local binary mirror — the documented
 * `npm_config_better_sqlite3_binary_host` an offline company would use — holding the binary of
 * the same better-sqlite3 version; IRN_BRIDGE_TEST_BUILD_FROM_SOURCE=1 takes the compile path instead.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { createReadStream, mkdtempSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const companionDir = fileURLToPath(new URL('../..', import.meta.url));

export interface Installed {
  prefix: string;
  bin: string;
  tarball: string;
  /** "prebuild mirror" or "compiled from source". */
  nativeModule: string;
}

export function packCompanion(into: string): string {
  execFileSync('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', into], { cwd: companionDir, stdio: 'pipe' });
  const tgz = readdirSync(into).find((f) => /^irn-bridge-\d+\.\d+\.\d+.*\.tgz$/.test(f));
  if (!tgz) throw new Error(`pnpm pack left no irn-bridge-<version>.tgz in ${into}`);
  return join(into, tgz);
}

/** A prebuild-install mirror: <host>/v<version>/better-sqlite3-v<version>-node-v<abi>-<platform>-<arch>.tar.gz */
async function prebuildMirror(work: string): Promise<{ host: string; server: Server }> {
  const require = createRequire(join(companionDir, 'package.json'));
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  const dir = join(work, 'mirror', `v${version}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-czf', join(dir, name), '-C', pkgDir, 'build/Release/better_sqlite3.node']);
  const server = createServer((req, res) => {
    if (req.url !== `/v${version}/${name}`) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/gzip' });
    createReadStream(join(dir, name)).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function packAndInstall(): Promise<Installed & { work: string }> {
  const work = mkdtempSync(join(tmpdir(), 'irn-pack-'));
  const tarball = packCompanion(work);
  const prefix = join(work, 'prefix');
  const fromSource = process.env.IRN_BRIDGE_TEST_BUILD_FROM_SOURCE === '1';
  const mirror = fromSource ? null : await prebuildMirror(work);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_better_sqlite3_binary_host: mirror?.host };
    for (const k of Object.keys(env)) if (k.startsWith('npm_') && k !== 'npm_config_better_sqlite3_binary_host') delete env[k];
    if (fromSource) env.npm_config_build_from_source = 'true';
    // Not execFileSync: the mirror answers from this process's event loop.
    await promisify(execFile)('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work, env });
  } finally {
    mirror?.server.close();
  }
  return { work, prefix, tarball, bin: join(prefix, 'bin', 'irn-bridge'), nativeModule: fromSource ? 'compiled from source' : 'prebuild mirror' };
}

/** Runs `irn-bridge start` and resolves with its address once it prints it. */
export function startInstalled(bin: string, env: NodeJS.ProcessEnv, cwd: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(bin, ['start', '--port', '0'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      // The address comes first; wait for the whole start-up message (it ends with how to pair).
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && /\bpair\b/.test(out.slice(out.indexOf(url)))) resolve({ child, url, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => reject(new Error(`irn-bridge start exited (${code}) before listening:\n${out}`)));
  });
}
