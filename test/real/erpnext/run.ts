/**
 * One prepared run on the real ERPNext, shared by the tests of a file: the site set up as an admin
 * would, this run's masters, and the Accounts User's session. `nodeIo` is the ErpIo the extension's
 * content script would build, with this user's cookie instead of the page's.
 */
import type { ErpIo, PagePrimitive } from '@irn-bridge/shared/erps/module';
import { FrappeClient } from './frappe-client';
import { loadTaxes, type Taxes } from './cases';
import { createMasters, type Masters } from './masters';
import { ACCOUNTS_MANAGER, ACCOUNTS_USER, prepareSite } from './site';

export interface RealRun {
  url: string;
  admin: FrappeClient;
  user: FrappeClient;
  /** An Accounts Manager (may cancel invoices). */
  manager: FrappeClient;
  masters: Masters;
  /** The tax templates' rows (read as the admin: an Accounts User may not read templates). */
  taxes: Taxes;
}

export async function startRun(url: string): Promise<RealRun> {
  const admin = await FrappeClient.login(url, 'Administrator', 'admin');
  await prepareSite(admin);
  const user = await FrappeClient.login(url, ACCOUNTS_USER.usr, ACCOUNTS_USER.pwd);
  const manager = await FrappeClient.login(url, ACCOUNTS_MANAGER.usr, ACCOUNTS_MANAGER.pwd);
  const tag = `T${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 36 ** 2).toString(36).toUpperCase()}`;
  const masters = await createMasters(admin, tag);
  return { url, admin, user, manager, masters, taxes: await loadTaxes(admin, masters) };
}

/** The ErpIo of a content script on `url`'s desk, acting as `user`; `globals` stands in for the page's main world. */
export function nodeIo(user: FrappeClient, globals: Record<string, PagePrimitive> = {}): ErpIo {
  return {
    origin: user.url,
    fetch: user.fetch,
    pageGlobals: async (names) => Object.fromEntries(names.filter((n) => n in globals).map((n) => [n, globals[n]])),
  };
}
