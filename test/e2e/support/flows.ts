/** What a clerk does once: set the companion port and pair in the options page, enable the ERP site. */
import { expect } from './expect';
import type { ExtensionBrowser } from './browser';
import type { TestCompanion } from './companion';
import type { Page } from 'playwright-core';

export async function pairViaOptions(b: ExtensionBrowser, companion: TestCompanion): Promise<Page> {
  const options = await b.openExtensionPage('options.html');
  // As a clerk would: after the page has said what it found, not while it is still filling the form.
  await options.getByTestId('options-status').filter({ hasNotText: 'Checking the companion' }).waitFor({ timeout: 15_000 });
  await options.getByTestId('options-port').fill(String(companion.port));
  await options.getByTestId('options-port-save').click();
  try {
    await expect(options.getByTestId('options-status').filter({ hasText: 'running' }));
  } catch (err) {
    const said = await options.getByTestId('options-status').textContent().catch(() => '?');
    const port = await options.getByTestId('options-port').inputValue().catch(() => '?');
    throw new Error(`options never said "running" for the companion on port ${companion.port}: it says "${said}", port box ${port}`, { cause: err });
  }
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
