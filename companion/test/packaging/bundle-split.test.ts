/**
 * Issue 12: the packaged companion idles in less memory by loading at start only what serving
 * needs. The bundle is split at each dynamic import, and this checks what `irn-bridge start`
 * loads before it serves (the entry and start chunks and their static imports).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
// @ts-expect-error plain ESM build script without types
import { bundle, startInputs } from '../../build/bundle.mjs';

test('irn-bridge start loads neither team-mode TLS, PostgreSQL, the offline IRP, the other commands nor zod\'s foreign locales', { timeout: 120_000 }, async () => {
  const { metafile, outfile } = await bundle();
  const loaded: string[] = startInputs(metafile);
  assert.ok(loaded.some((p) => p.endsWith('src/app.ts')), 'the start path holds the app itself');
  assert.ok(loaded.some((p) => p.includes('/zod/v4/locales/en.js')), 'zod keeps its English messages');
  const unwanted = [
    /src\/tls\/certificate\.ts$/, /\/selfsigned\//, /@peculiar\//, // team mode's certificate maker (about 5 MiB resident)
    /src\/offline-irp\//, // the embedded offline IRP: loaded when an offline profile is first used
    /src\/storage\/postgres\/(?!url\.ts$)/, /\/node_modules\/.*\/pg(-[a-z]+)?\//, // team mode's PostgreSQL: loaded for a postgres:// --database only
    /src\/doctor\//, /src\/service\//, /src\/cli\/commands\/(doctor|service|ledger|ledger-recover|offline-irp|generate-many)\.ts$/,
    /\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/, // index.js is cut down to en.js (build/bundle.mjs)
  ];
  for (const re of unwanted) {
    const hit = loaded.find((p) => re.test(p));
    assert.equal(hit, undefined, `start loads ${hit}`);
  }
  // The split package still runs every command's code path from its own chunk.
  assert.match(execFileSync(process.execPath, [outfile, 'offline-irp', '--help'], { encoding: 'utf8' }), /offline-irp/);
  assert.match(execFileSync(process.execPath, [outfile, 'doctor', '--help'], { encoding: 'utf8' }), /doctor/);
});
