/**
 * The extension API as a promise-based `browser` object (Mozilla's webextension-polyfill), the one
 * import every extension context uses. Not imported by adapters or UI builders, so those stay
 * testable under Node.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Scripting, Tabs } from 'webextension-polyfill';
