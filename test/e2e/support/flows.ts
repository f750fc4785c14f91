/** What a clerk does once: set the companion port and pair in the options page, enable the ERP site. */
import { expect } from './expect';
import type { ExtensionBrowser } from './browser';
import type { TestCompanion } from './companion';
import type { Page } from 'playwright-core';

export async function pairViaOptions(b: ExtensionBrowser, companion: TestCompanion): Promise<Page> {
  const options = await b.openExtensionPage('options.html');
  await options.getByTestId('options-port').fill(String(companion.port));
  await options.getByTestId('options-port-save').click();
  await expect(options.getByTestId('options-status').filter({ hasText: 'running' }));
  await options.getByTestId('options-pair-code').fill(companion.pairingCode());
  await options.getByTestId('options-pair').click();
  await expect(options.getByTestId('options-paired'));
  return options;
}

/** Enables `origin` from the options page (the e2e build pre-grants localhost, so no prompt appears). */
export async function enableSiteViaOptions(options: Page, origin: string): Promise<void> {
  await options.getByTestId('options-site-origin').fill(origin);
  await options.getByTestId('options-site-add').click();
  await expect(options.locator('[data-testid="options-site"][data-registered="true"]'));
}

/** A paired browser with the site enabled: the starting point of most scenarios. */
export async function readyBrowser(b: ExtensionBrowser, companion: TestCompanion, origin: string): Promise<void> {
  const options = await pairViaOptions(b, companion);
  await enableSiteViaOptions(options, origin);
  await options.close();
}
