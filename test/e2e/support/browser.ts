/**
 * Debian's Chromium with the e2e build of the extension, a fresh profile per call. Playwright
 * always passes --disable-extensions, hence --disable-extensions-except; --headless=new is passed
 * by hand because the old headless mode cannot load extensions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const root = new URL('../../../', import.meta.url).pathname;
export const EXTENSION_DIR = join(root, 'extension', '.output', 'e2e', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the e2e extension when a single test file is run without the root runner's build step. */
function ensureBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  const r = spawnSync('npx', ['-y', 'pnpm@12.4.2', '--filter', '@irn-bridge/extension', 'build:e2e'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Building the extension (build:e2e) failed.');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens one of the extension's pages (`options.html`, `popup.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** `args`: more Chromium switches (team mode trusts the companion's certificate with --ignore-certificate-errors-spki-list). */
export async function launchExtensionBrowser(opts: { args?: string[] } = {}): Promise<ExtensionBrowser> {
  ensureBuilt();
  const userDataDir = mkdtempSync(join(tmpdir(), 'irn-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...(opts.args ?? []),
    ],
  });
  try {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
      ?? await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        return page;
      },
      async close() {
        await context.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
