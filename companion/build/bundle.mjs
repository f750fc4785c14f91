#!/usr/bin/env node
/**
 * Builds the installable companion: `companion/` + `shared/` bundled by esbuild into plain
 * JavaScript (no TypeScript loader at run time): the command bin/irn-bridge.mjs and the chunks it
 * imports when needed (lib/), in the npm package `irn-bridge` under companion/dist/package/. Only better-sqlite3 stays outside the bundle: it is a native module that
 * npm installs (prebuilt binary, or compiled from source when no prebuild can be downloaded).
 *
 *   node companion/build/bundle.mjs          (also run by `pnpm pack` through the prepack script)
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageManifest } from './manifest.mjs';

const companionDir = fileURLToPath(new URL('..', import.meta.url));
export const packageDir = join(companionDir, 'dist', 'package');
const outfile = join(packageDir, 'bin', 'irn-bridge.mjs');

/**
 * Source files find their data with `new URL('<relative path>', import.meta.url)` (e.g. the NIC
 * sandbox key in assets/). In the bundle import.meta.url is the bundle's own address, so each such
 * path is rewritten to point from the bundle to a copy of the file at the same place in the package.
 */
const relativeAssets = {
  name: 'relative-assets',
  setup(b) {
    b.onLoad({ filter: /[\\/]companion[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g, (_m, _q, rel) => {
        const inCompanion = relative(companionDir, resolve(dirname(args.path), rel));
        if (inCompanion.startsWith('..')) throw new Error(`${args.path}: ${rel} is outside companion/, so it cannot ship in the package.`);
        const target = join(packageDir, inCompanion);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(companionDir, inCompanion), target);
        const fromBundle = relative(dirname(outfile), target).split(sep).join('/');
        return `new URL(${JSON.stringify(fromBundle)}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * zod's index of its 49 message locales (zod 4.6.7, v4/locales/index.js) is re-exported as
 * `z.locales`, so every locale would be bundled and parsed at start; the companion uses only the
 * English messages zod configures by default, so the index is cut down to those.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  },
};

export async function bundle() {
  rmSync(packageDir, { recursive: true, force: true });
  mkdirSync(dirname(outfile), { recursive: true });
  const manifest = packageManifest(JSON.parse(readFileSync(join(companionDir, 'package.json'), 'utf8')));
  const result = await build({
    entryPoints: { 'bin/irn-bridge': join(companionDir, 'build', 'entry.ts') },
    outdir: packageDir,
    outExtension: { '.js': '.mjs' },
    // Each dynamic import() (a CLI command, the offline IRP, team mode's TLS) becomes a chunk beside the
    // entry, loaded only when used: idle `start` parses and keeps less code (docs/performance.md, issue 12).
    // Chunks sit in lib/, as deep as bin/, so the asset paths rewritten from bin/ hold for them too.
    splitting: true,
    chunkNames: 'lib/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: Object.keys(manifest.dependencies),
    // Bundled CommonJS modules call require(); ESM output has none unless given one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __irnCreateRequire } from 'node:module';\nconst require = __irnCreateRequire(import.meta.url);" },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    plugins: [relativeAssets, zodEnglishOnly],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(packageDir, 'README.md'), packageReadme(manifest.version));
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { packageDir, outfile, bytes, version: manifest.version, metafile: result.metafile };
}

/**
 * The source files `irn-bridge start` loads before it serves: the entry's and the start command's
 * chunks with everything they import statically (dynamic imports are left until they run).
 */
export function startInputs(metafile) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint?.endsWith('build/entry.ts'));
  const start = Object.keys(outputs).find((p) => Object.keys(outputs[p].inputs).some((i) => i.endsWith('src/cli/commands/start.ts')));
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p) || !outputs[p]) return;
    seen.add(p);
    for (const i of outputs[p].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  visit(start);
  return [...seen].flatMap((p) => Object.keys(outputs[p].inputs));
}

function packageReadme(version) {
  return `# irn-bridge ${version}

The IRN Bridge companion: a small service on 127.0.0.1 that registers GST e-invoices (IRN) with the
IRP for the IRN Bridge browser extension, keeps a ledger of every IRN, and offers a command line.

    npm install -g ./irn-bridge-${version}.tgz
    irn-bridge start            # or: irn-bridge service install (starts with the computer)
    irn-bridge pair             # a one-time code for the extension
    irn-bridge doctor           # checks the installation

Needs Node.js 20.19 or later. See docs/install.md in the IRN Bridge sources.
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await bundle();
  console.log(`irn-bridge ${out.version}: ${relative(process.cwd(), out.outfile)} (${Math.round(out.bytes / 1024)} kB)`);
}
