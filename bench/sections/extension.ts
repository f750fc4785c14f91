/**
 * The extension: size of each built entry point (with the chunks and styles it loads), and in
 * Chromium the time from a clerk's click to the IRN in the page, next to the API call alone.
 * The click timing reuses the e2e harness (test/e2e/support) and the fake ERPNext desk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeInvoice } from '../../companion/test/support/invoices';
import { median, round } from '../stats';
import type { ExtensionBrowser } from '../../test/e2e/support/browser';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILD = join(ROOT, 'extension', '.output', 'chrome-mv3');

export interface EntrySize { entry: string; file: string; bytes: number; gzipBytes: number }
export interface ClickTiming {
  /** In the page: the trusted click event → the IRN element in the panel's DOM → the next frame. */
  clickToIrnMs: number[]; clickToIrnMedianMs: number;
  clickToIrnPaintedMs: number[]; clickToIrnPaintedMedianMs: number;
  generateToPreviewMs: number[]; generateToPreviewMedianMs: number;
  /** The same click as Playwright's driver sees it (adds its actionability checks and CDP round trips). */
  driverClickToIrnMs: number[]; driverClickToIrnMedianMs: number;
  apiMs: number[]; apiMedianMs: number;
}

type Page = Awaited<ReturnType<ExtensionBrowser['openExtensionPage']>>;

/**
 * Arms an in-page stopwatch: the next click anywhere (capture phase, so one inside the panel's
 * shadow root counts) starts it; `testid` appearing in the panel's shadow DOM stops it, and the
 * next animation frame after that marks it painted. Read with `readStopwatch`.
 */
async function armStopwatch(page: Page, testid: string): Promise<void> {
  await page.evaluate((id: string) => {
    const w = window as unknown as { __irnbWatch: { click: number; dom: number; frame: number } };
    w.__irnbWatch = { click: 0, dom: 0, frame: 0 };
    const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[data-testid="irn-panel"]'));
    if (!host?.shadowRoot) throw new Error('no IRN panel in the page');
    const root = host.shadowRoot;
    document.addEventListener('click', () => { w.__irnbWatch.click ||= performance.now(); }, { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (w.__irnbWatch.dom || !w.__irnbWatch.click || !root.querySelector(`[data-testid="${id}"]`)) return;
      w.__irnbWatch.dom = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => { w.__irnbWatch.frame = performance.now(); });
    });
    obs.observe(root, { subtree: true, childList: true });
  }, testid);
}

async function readStopwatch(page: Page): Promise<{ dom: number; painted: number }> {
  await page.waitForFunction(() => (window as unknown as { __irnbWatch: { frame: number } }).__irnbWatch.frame > 0, null, { timeout: 30_000 });
  const w = await page.evaluate(() => (window as unknown as { __irnbWatch: { click: number; dom: number; frame: number } }).__irnbWatch);
  return { dom: round(w.dom - w.click), painted: round(w.frame - w.click) };
}
export interface ExtensionResult { buildDir: string; entries: EntrySize[]; click?: ClickTiming; clickSkipped?: string }

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** A file plus every local script, module preload, stylesheet and static import it pulls in. */
function closure(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const refs = file.endsWith('.html')
    ? [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    : [...text.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]);
  for (const ref of refs) {
    if (/^[a-z]+:/i.test(ref)) continue;
    const target = ref.startsWith('/') ? join(BUILD, ref) : join(file, '..', ref);
    closure(target, seen);
  }
  return [...seen];
}

function sizeOf(entry: string, file: string): EntrySize[] {
  const files = closure(join(BUILD, file));
  const rows = files.map((f) => {
    const buf = readFileSync(f);
    return { entry, file: relative(BUILD, f), bytes: buf.length, gzipBytes: gz(buf) };
  });
  if (rows.length > 1) {
    rows.push({ entry, file: '(total)', bytes: rows.reduce((s, r) => s + r.bytes, 0), gzipBytes: rows.reduce((s, r) => s + r.gzipBytes, 0) });
  }
  return rows;
}

export function entrySizes(): EntrySize[] {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`no build in ${BUILD}: run \`npx -y pnpm@12.4.2 --filter @irn-bridge/extension build\``);
  const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8'));
  const rows: EntrySize[] = [];
  // Content scripts are registered at run time (only on sites the clerk enables), so list the folder.
  const scriptsDir = join(BUILD, 'content-scripts');
  const contentScripts = existsSync(scriptsDir) ? readdirSync(scriptsDir).filter((f) => f.endsWith('.js')) : [];
  for (const f of contentScripts) rows.push(...sizeOf('content script', `content-scripts/${f}`));
  // The panel's code, injected by the background only into pages that show an invoice (extension/background/inject-panel.ts).
  if (existsSync(join(BUILD, 'erp-panel.js'))) rows.push(...sizeOf('panel script (invoice pages only)', 'erp-panel.js'));
  if (manifest.background?.service_worker) rows.push(...sizeOf('background', manifest.background.service_worker));
  if (manifest.action?.default_popup) rows.push(...sizeOf('popup', manifest.action.default_popup));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) rows.push(...sizeOf('options', options));
  return rows;
}

/** Builds are made by `pnpm build`; the bench only reads them, and says how old they are. */
export function buildAge(): string {
  const m = statSync(join(BUILD, 'manifest.json')).mtime;
  return m.toISOString();
}

export async function clickTiming(samples: number, progress: (line: string) => void): Promise<ClickTiming> {
  // Loaded lazily: playwright-core lives in the test package and is only needed here.
  const { launchExtensionBrowser } = await import('../../test/e2e/support/browser');
  const { startTestCompanion } = await import('../../test/e2e/support/companion');
  const { readyBrowser } = await import('../../test/e2e/support/flows');
  const { serveSite } = await import('../../test/e2e/support/erp-sites');
  const { createFakeErpnext, erpnextLoginUrl } = await import('../../test/fake-erp/erpnext');

  const companion = await startTestCompanion();
  const erp = createFakeErpnext({ variant: 'india-compliance' });
  const site = await serveSite(erp.app);
  const template = erp.invoices.get('ASW-26-00042');
  if (!template) throw new Error('the fake ERPNext has no ASW-26-00042 to copy');
  const b = await launchExtensionBrowser();
  try {
    await readyBrowser(b, companion, site.origin);
    const page = await b.context.newPage();
    await page.goto(erpnextLoginUrl(site.origin, '/app'));
    const clickToIrnMs: number[] = [];
    const clickToIrnPaintedMs: number[] = [];
    const generateToPreviewMs: number[] = [];
    const driverClickToIrnMs: number[] = [];
    // One extra first run, not counted: the first click also wakes the service worker and warms caches.
    for (let i = 0; i <= samples; i++) {
      const name = `ASW-26-B${String(Date.now() % 100000).padStart(5, '0')}${i}`;
      erp.invoices.set(name, { ...structuredClone(template), name } as typeof template);
      await page.goto(`${site.origin}/app/sales-invoice/${name}`);
      const generate = page.getByTestId('irn-generate');
      await generate.waitFor({ state: 'visible', timeout: 15_000 });
      await armStopwatch(page, 'irn-preview');
      await generate.click();
      const preview = await readStopwatch(page);
      await armStopwatch(page, 'irn-irn');
      const t1 = performance.now();
      await page.getByTestId('irn-confirm').click();
      await page.getByTestId('irn-irn').waitFor({ state: 'visible', timeout: 30_000 });
      const t2 = performance.now();
      const irn = await readStopwatch(page);
      if (i === 0) continue;
      generateToPreviewMs.push(preview.painted);
      clickToIrnMs.push(irn.dom);
      clickToIrnPaintedMs.push(irn.painted);
      driverClickToIrnMs.push(round(t2 - t1));
    }

    // The API call alone, same companion and same kind of invoice (same seller, two goods lines).
    const pair = await fetch(`${companion.url}/v1/pair`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: companion.pairingCode(), client: 'bench' }),
    });
    const { apiKey } = (await pair.json()) as { apiKey: string };
    const apiMs: number[] = [];
    for (let i = 0; i <= samples; i++) {
      const t0 = performance.now();
      const res = await fetch(`${companion.url}/v1/einvoices`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ invoice: makeInvoice() }),
      });
      const body = (await res.json()) as { irn?: string };
      if (res.status !== 200 || !body.irn) throw new Error(`API generate answered HTTP ${res.status}`);
      if (i > 0) apiMs.push(round(performance.now() - t0));
    }
    const result: ClickTiming = {
      clickToIrnMs, clickToIrnMedianMs: round(median(clickToIrnMs)),
      clickToIrnPaintedMs, clickToIrnPaintedMedianMs: round(median(clickToIrnPaintedMs)),
      driverClickToIrnMs, driverClickToIrnMedianMs: round(median(driverClickToIrnMs)),
      generateToPreviewMs, generateToPreviewMedianMs: round(median(generateToPreviewMs)),
      apiMs, apiMedianMs: round(median(apiMs)),
    };
    progress(`  click → IRN median ${result.clickToIrnMedianMs} ms (painted ${result.clickToIrnPaintedMedianMs}, driver ${result.driverClickToIrnMedianMs}); Generate → preview ${result.generateToPreviewMedianMs} ms; API alone ${result.apiMedianMs} ms`);
    return result;
  } finally {
    await b.close();
    await site.close();
    await companion.close();
  }
}
