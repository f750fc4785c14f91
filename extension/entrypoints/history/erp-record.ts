/**
 * After a cancel or an e-way bill from the history, the ERP is told too, so that it and the IRP do not
 * drift apart (issue 11, item 1): the invoice's page is opened in a background tab, and once its
 * content script answers, the ERP module records the event there with the clerk's session
 * (lib/page-io-bridge.ts, as the bulk page does); then the tab is closed again.
 */
import type { LedgerEntry } from '@irn-bridge/shared/api/contract';
import type { ErpDocumentRef, ErpEvent, WriteBackOutcome } from '@irn-bridge/shared/erps/module';
import { ERP_PAGE_IO, findErpDocument } from '@irn-bridge/shared/erps/page-io';
import { browser } from '../../lib/browser';
import type { Reply } from '../../lib/messages';
import type { PageIoReplies, PageIoRequest } from '../../lib/page-io-bridge';
import { send } from '../../lib/send';

const WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type EventWithoutResult = ErpEvent extends infer E ? (E extends { result: unknown } ? Omit<E, 'result'> : never) : never;

/** Where the entry's invoice is in its ERP, when the ledger knows its page and a built-in ERP module recognises it. */
export function erpRefOf(e: LedgerEntry): { ref: ErpDocumentRef; label: string; url: string } | null {
  if (!e.source?.url) return null;
  let url: URL;
  try { url = new URL(e.source.url); } catch { return null; }
  const found = findErpDocument(ERP_PAGE_IO, url);
  return found ? { ref: found.ref, label: found.module.label, url: e.source.url } : null;
}

async function ask<T extends PageIoRequest['type']>(tabId: number, req: Extract<PageIoRequest, { type: T }>): Promise<PageIoReplies[T]> {
  const reply = await browser.tabs.sendMessage(tabId, req, { frameId: 0 }) as Reply<PageIoReplies[T]> | undefined;
  if (!reply) throw new Error('no answer');
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { ui: reply.error });
  return reply.data;
}

/** Records `event` in the entry's ERP; null when the ledger does not know where the invoice is. */
export async function recordFromHistory(e: LedgerEntry, event: EventWithoutResult): Promise<WriteBackOutcome | null> {
  const where = erpRefOf(e);
  if (!where) return null;
  const result = await send('einvoices.lookup', { docType: e.document.docType, docNo: e.document.docNo, docDate: e.document.docDate, sellerGstin: e.document.sellerGstin });
  if (!result) return { ok: false, method: null, message: 'the ledger did not answer for this document.' };
  const tab = await browser.tabs.create({ url: where.url, active: false });
  try {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      try {
        const hello = await ask(tab.id!, { type: 'pageio.hello' });
        if (new URL(hello.href).pathname === new URL(where.url).pathname || Date.now() > until) break;
      } catch {
        if (Date.now() > until) {
          return { ok: false, method: null, message: `${where.label} did not open the invoice with IRN Bridge (not logged in, or the site is not enabled): open it and record it there.` };
        }
      }
      await sleep(300);
    }
    return await ask(tab.id!, { type: 'pageio.record', ref: where.ref, event: { ...event, result: { ...result, ...(event.kind === 'cancelled' ? { status: 'CNL', cancelDate: event.cancelDate } : {}) } } as ErpEvent });
  } catch (err) {
    return { ok: false, method: null, message: (err as Error).message };
  } finally {
    await browser.tabs.remove(tab.id!).catch(() => undefined);
  }
}
