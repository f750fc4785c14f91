/**
 * The content script's part of bulk registration, kept small: on the ERP's invoice list it puts one
 * button beside the list's own actions ("Generate IRNs (n)", n = rows ticked), and on the clerk's
 * click names the ticked invoices through the ERP module (`module.list`) and asks the background to
 * open the bulk page for them. Everything else (reading, preview, generate, write-back) happens in
 * the bulk page (entrypoints/bulk/), which reads and records through this tab (page-io-bridge.ts).
 */
import type { ErpIo, ErpListView } from '@irn-bridge/shared/erps/module';
// The page's half of the modules (no mapping code in the content script, issue 12).
import { ERP_PAGE_IO, type AnyErpPageIo } from '@irn-bridge/shared/erps/page-io';
import type { Send } from '../ui/panel';
import { toUiError } from './ui-error';

export const BULK_ACTION_TESTID = 'irn-bulk-action';

class BulkButton {
  private readonly button: HTMLButtonElement;
  private observer: MutationObserver | null = null;
  private queued = false;
  private failed: string | null = null;

  constructor(private readonly page: Document, private readonly list: ErpListView, onClick: () => Promise<void>) {
    const b = page.createElement('button');
    b.type = 'button';
    b.setAttribute('data-testid', BULK_ACTION_TESTID);
    b.setAttribute('data-irn-bridge', '');
    b.addEventListener('click', (e) => {
      // Only the clerk's own click: a page script's synthetic click does nothing.
      if (!e.isTrusted || b.disabled) return;
      e.preventDefault();
      b.disabled = true;
      void onClick().finally(() => this.update());
    });
    this.button = b;
  }

  mount(): void {
    this.update();
    this.observer = new MutationObserver(() => this.later());
    this.observer.observe(this.page.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    // A ticked checkbox changes a property, not the DOM (ERPNext): follow the clicks too.
    this.page.addEventListener('change', this.later, true);
  }

  unmount(): void {
    this.observer?.disconnect();
    this.page.removeEventListener('change', this.later, true);
    this.button.remove();
  }

  /** A failure stays on the button for a few seconds (its reason in the tooltip): the page has no other place of ours. */
  say(reason: string): void {
    this.button.title = reason;
    this.failed = reason ? 'Generate IRNs: not opened (see why)' : null;
    if (reason) setTimeout(() => { this.failed = null; this.update(); }, 6000);
    this.update();
  }

  private readonly later = (): void => {
    if (this.queued) return;
    this.queued = true;
    setTimeout(() => { this.queued = false; this.update(); }, 50);
  };

  private update(): void {
    const n = this.list.countSelected(this.page);
    const label = this.failed ?? (n ? `Generate IRNs (${n})` : 'Generate IRNs');
    if (this.button.textContent !== label) this.button.textContent = label;
    const disabled = n === 0;
    if (this.button.disabled !== disabled) this.button.disabled = disabled;
    if (disabled && !this.button.title) this.button.title = 'Tick the invoices to register, then click here.';
    const slot = this.list.actionSlot(this.page);
    if (!slot) return;
    if (this.button.className !== slot.className) this.button.className = slot.className;
    if (this.button.parentElement !== slot.parent) slot.parent.insertBefore(this.button, slot.before);
  }
}

/** Call on every navigation: shows the bulk button while the page is an ERP's invoice list. */
export function bulkListHook(page: Document, io: ErpIo, send: Send, modules: readonly AnyErpPageIo[] = ERP_PAGE_IO): () => void {
  let shown: { module: AnyErpPageIo; button: BulkButton } | null = null;
  return () => {
    const url = new URL(page.location.href);
    const module = modules.find((m) => m.list?.detect(url, page)) ?? null;
    if (shown && shown.module === module) return;
    shown?.button.unmount();
    shown = null;
    if (!module?.list) return;
    const list = module.list;
    const button: BulkButton = new BulkButton(page, list, async () => {
      try {
        const { refs, skipped } = await list.selected(io, page);
        await send('bulk.open', { erp: module.id, refs, skipped });
        button.say('');
      } catch (err) {
        button.say(toUiError(err).message);
      }
    });
    button.mount();
    shown = { module, button };
  };
}
