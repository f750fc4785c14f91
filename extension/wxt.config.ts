import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * Build switch for the end-to-end tests: IRN_BRIDGE_E2E_ORIGINS (comma-separated match patterns,
 * e.g. `http://localhost/*`) pre-grants those origins as install-time host permissions, because
 * automation cannot answer Chromium's permission prompt. The shipped build never sets it: ERP
 * sites stay optional and are granted one by one by the user. E2E builds go to `.output/e2e/`.
 */
const e2eOrigins = (process.env.IRN_BRIDGE_E2E_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export default defineConfig({
  // Explicit imports everywhere: the code reads the same under tsc, Node's test runner and WXT.
  imports: false,
  // IRN_BRIDGE_OUT_DIR: a build of one's own beside the shared one (measuring while others run the e2e tests).
  outDir: process.env.IRN_BRIDGE_OUT_DIR || (e2eOrigins.length ? '.output/e2e' : '.output'),
  // `wxt zip`: irn-bridge-<version>-chrome.zip / -firefox.zip, and for Firefox's review the sources,
  // which need the workspace (shared/ and the root manifests), not the companion or the tests.
  zip: {
    name: 'irn-bridge',
    sourcesRoot: fileURLToPath(new URL('..', import.meta.url)),
    excludeSources: ['companion/**', 'test/**', 'bench/**', 'docs/**', 'scripts/**', 'test-artifacts/**',
      'extension/.output/**', 'extension/.wxt/**', '**/fixtures/**', '**/testing/**', '*.tgz'],
  },
  // The e2e build also opens the panel's shadow root to the test driver (closed when shipped).
  vite: () => ({ define: { __IRN_BRIDGE_E2E__: JSON.stringify(e2eOrigins.length > 0) } }),
  manifest: ({ browser }) => ({
    name: 'IRN Bridge',
    description: 'Generate GST e-invoice IRNs from your web ERP (ERPNext, Odoo) through the IRN Bridge companion.',
    // activeTab: the popup may read the current tab's address to offer "Enable on this site".
    permissions: ['storage', 'scripting', 'activeTab'],
    // Only the companion on this machine at install; ERP sites are enabled per site at runtime.
    host_permissions: ['http://127.0.0.1/*', ...e2eOrigins],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'IRN Bridge' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'irn-bridge@irn-bridge.local', strict_min_version: '128.0' } } }
      : {}),
  }),
});
