/**
 * The package.json of the installable `irn-bridge` package, derived from companion/package.json so
 * the version and the native dependency's version have one source. Everything else is bundled.
 */
const NATIVE = ['better-sqlite3'];

export function packageManifest(companion) {
  const dependencies = Object.fromEntries(NATIVE.map((name) => {
    const version = companion.dependencies?.[name];
    if (!version) throw new Error(`companion/package.json has no dependency ${name}`);
    return [name, version];
  }));
  return {
    name: 'irn-bridge',
    version: companion.version,
    description: 'IRN Bridge companion: registers GST e-invoices with the IRP from this computer, for the IRN Bridge browser extension.',
    type: 'module',
    bin: { 'irn-bridge': './bin/irn-bridge.mjs' },
    files: ['bin', 'lib', 'assets', 'README.md'],
    engines: { node: '>=20.19' },
    dependencies,
  };
}
