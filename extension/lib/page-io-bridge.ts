/**
 * The ERP tab's session, lent to the extension's own pages (the bulk page, and any page that needs
 * it): an extension page cannot call the ERP with the clerk's cookie, CSRF token and page globals,
 * the content script can. The extension page asks with `tabs.sendMessage`; the content script reads
 * an invoice or records an IRP outcome through the ERP module, as its panel would, and answers with
 * a `Reply`. Only the extension's own pages are answered (a content script of another tab, or a web
 * page, never reaches here: `tabs.sendMessage` comes from extension contexts only, and the sender's
 * URL is checked as well).
 */
import type { ErpDocumentRef, ErpEvent, ErpIo, WriteBackOutcome } from '@irn-bridge/shared/erps/module';
// The page's half of the modules (no mapping code in the content script, issue 12).
import { ERP_PAGE_IO, type AnyErpPageIo } from '@irn-bridge/shared/erps/page-io';
import type { Reply } from './messages';
import { onPageMessage, pageBrowser } from './page-browser';
import { toUiError, UiFailure } from './ui-error';

export type PageIoRequest =
  | { type: 'pageio.read'; ref: ErpDocumentRef }
  | { type: 'pageio.record'; ref: ErpDocumentRef; event: ErpEvent }
  /** The origin the tab shows now, so the asking page sees when the clerk navigated away from the ERP. */
  | { type: 'pageio.hello' };

export interface PageIoReplies {
  'pageio.read': unknown;
  'pageio.record': WriteBackOutcome;
  'pageio.hello': { origin: string; href: string };
}

const isRequest = (m: unknown): m is PageIoRequest =>
  typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('pageio.');

function moduleFor(modules: readonly AnyErpPageIo[], ref: ErpDocumentRef): AnyErpPageIo {
  const m = modules.find((x) => x.id === ref?.erp);
  if (!m) throw new UiFailure({ code: 'BAD_REQUEST', message: `This tab has no ERP module "${String(ref?.erp)}".` });
  return m;
}

/** The handler itself, apart from the browser so that it is tested under Node. */
export function pageIoHandler(io: ErpIo, modules: readonly AnyErpPageIo[], href: () => string) {
  return async (msg: PageIoRequest): Promise<unknown> => {
    switch (msg.type) {
      case 'pageio.hello': return { origin: io.origin, href: href() };
      case 'pageio.read': return moduleFor(modules, msg.ref).read(io, msg.ref);
      case 'pageio.record': {
        const m = moduleFor(modules, msg.ref);
        if (!m.writesBack) return { ok: false, method: null, message: `${m.label} cannot record anything.` } satisfies WriteBackOutcome;
        return m.record(io, msg.ref, msg.event);
      }
    }
  };
}

/** Answers the extension pages' read/record requests in this tab; returns the way to stop. */
export function installPageIoBridge(io: ErpIo, modules: readonly AnyErpPageIo[] = ERP_PAGE_IO): () => void {
  const handle = pageIoHandler(io, modules, () => location.href);
  const runtime = pageBrowser().runtime;
  const ownPages = runtime.getURL('/');
  return onPageMessage((msg, sender) => {
    if (!isRequest(msg)) return undefined;
    if (sender.id !== runtime.id || !(sender.url ?? '').startsWith(ownPages)) return undefined;
    return handle(msg).then(
      (data): Reply<unknown> => ({ ok: true, data }),
      (err): Reply<unknown> => ({ ok: false, error: toUiError(err) }),
    );
  });
}
