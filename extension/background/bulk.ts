/**
 * The background's part of bulk registration and of the form refresh after a write-back: it opens
 * the bulk page beside the ERP list's tab, and runs the ERP's own reload in a tab's main world.
 */
import type { ErpDocumentRef } from '@irn-bridge/shared/erps/module';
import { FORM_REFRESHERS, LIST_REFRESHERS, type FormRefresh } from '@irn-bridge/shared/erps/form-refresh';
import { browser, type Runtime } from '../lib/browser';
import type { Protocol } from '../lib/messages';
import { UiFailure } from '../lib/ui-error';

/** What the bulk page is opened with, in its URL: it survives a reload of the bulk page (then Resume asks the ledger). */
export interface BulkJob {
  tabId: number;
  erp: string;
  origin: string;
  /** The list page the invoices were ticked on (forms are opened in the same web client). */
  listUrl: string;
  refs: ErpDocumentRef[];
  skipped: { label: string; reason: string }[];
}

export const bulkPageUrl = (base: string, job: BulkJob): string => `${base}?job=${encodeURIComponent(JSON.stringify(job))}`;

export async function openBulkPage(req: Protocol['bulk.open']['req'], sender: Runtime.MessageSender): Promise<{ tabId: number }> {
  const tab = sender.tab;
  if (tab?.id === undefined) throw new UiFailure({ code: 'BAD_REQUEST', message: 'The bulk page opens from an ERP list in a tab.' });
  // The sender's own page decides the origin, whatever the message says.
  const listUrl = sender.url ?? tab.url ?? 'about:blank';
  const origin = new URL(listUrl).origin;
  const refs = (Array.isArray(req.refs) ? req.refs : []).filter((r) => r && typeof r.name === 'string' && r.erp === req.erp)
    .map((r) => ({ erp: r.erp, name: r.name, ...(typeof r.id === 'number' ? { id: r.id } : {}) }));
  const skipped = (Array.isArray(req.skipped) ? req.skipped : []).map((s) => ({ label: String(s.label), reason: String(s.reason) }));
  const job: BulkJob = { tabId: tab.id, erp: String(req.erp), origin, listUrl, refs, skipped };
  const opened = await browser.tabs.create({ url: bulkPageUrl(browser.runtime.getURL('/bulk.html'), job), index: tab.index + 1, openerTabId: tab.id });
  return { tabId: opened.id ?? -1 };
}

export async function refreshForm(req: Protocol['page.refreshForm']['req'], sender: Runtime.MessageSender): Promise<FormRefresh> {
  const refresher = FORM_REFRESHERS[req.erp];
  // Another tab only for the extension's own pages (the bulk page refreshes the list's tab); a content script, its own tab.
  const ownPage = (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
  const tabId = ownPage ? req.tabId : sender.tab?.id;
  if (!refresher || tabId === undefined) return 'not-open';
  const key: string | number = req.erp === 'odoo' ? Number(req.ref.id) : String(req.ref.name);
  const [first] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    world: 'MAIN',
    func: refresher,
    args: [key],
  });
  const r = first?.result;
  return r === 'reloaded' || r === 'dirty' ? r : 'not-open';
}

/** After a batch, the list's tab shows the new state: the ERP's own list reload in that tab's main world (the bulk page only). */
export async function refreshList(req: Protocol['page.refreshList']['req'], sender: Runtime.MessageSender): Promise<FormRefresh> {
  const refresher = LIST_REFRESHERS[req.erp];
  if (!refresher || !(sender.url ?? '').startsWith(browser.runtime.getURL('/bulk.html')) || typeof req.tabId !== 'number') return 'not-open';
  const [first] = await browser.scripting.executeScript({ target: { tabId: req.tabId, frameIds: [0] }, world: 'MAIN', func: refresher });
  return first?.result === 'reloaded' ? 'reloaded' : 'not-open';
}
