/** Waiting for the UI without a test framework's matchers: Playwright's auto-waiting locators, with readable failures. */
import type { Locator } from 'playwright-core';

export async function expect(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function textOf(locator: Locator, timeout = 15_000): Promise<string> {
  await expect(locator, timeout);
  return (await locator.first().textContent())?.trim() ?? '';
}
