/**
 * One companion, one fake ERP site and one browser paired with the companion and enabled on the
 * site, shared by every test of a file (set up in `before`, torn down in `after`).
 */
import { after, before } from 'node:test';
import type { Hono } from 'hono';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser';
import { startTestCompanion, type TestCompanion } from './companion';
import { serveSite, type ServedSite } from './erp-sites';
import { readyBrowser } from './flows';

export interface PairedSite {
  companion: TestCompanion;
  site: ServedSite;
  b: ExtensionBrowser;
}

/** Registers the file's before/after; the fields are there once `before` has run. */
export function usePairedSite(app: Hono): PairedSite {
  const rig = {} as PairedSite;
  before(async () => {
    rig.companion = await startTestCompanion();
    rig.site = await serveSite(app);
    rig.b = await launchExtensionBrowser();
    await readyBrowser(rig.b, rig.companion, rig.site.origin);
  });
  after(async () => {
    await rig.b?.close();
    await rig.site?.close();
    await rig.companion?.close();
  });
  return rig;
}
