/**
 * IRN Bridge's action where the ERP keeps its own: a button in ERPNext's form toolbar or Odoo's
 * form header (the slot comes from the ERP's page-ui). Both ERPs re-render those bars (a save, a
 * status change), so an observer puts the button back when it is dropped. The button only opens
 * the panel; registering still takes the clerk's click on the panel's own confirm.
 */
import type { ErpActionSlot } from '@irn-bridge/shared/erps/page-ui';

export const ERP_ACTION_TESTID = 'irn-erp-action';

export class ErpAction {
  private button: HTMLButtonElement | null = null;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly page: Document,
    private readonly slot: (page: Document) => ErpActionSlot | null,
    private readonly onClick: () => void,
  ) {}

  /** Shows the button with `label` (placing it if the ERP's bar is there), or updates its label. */
  show(label: string, pressed: boolean): void {
    if (!this.button) {
      const b = this.page.createElement('button');
      b.type = 'button';
      b.setAttribute('data-testid', ERP_ACTION_TESTID);
      b.setAttribute('data-irn-bridge', '');
      b.addEventListener('click', (e) => {
        // Only the clerk's own click: a page script's synthetic click does nothing.
        if (!e.isTrusted) return;
        e.preventDefault();
        this.onClick();
      });
      this.button = b;
    }
    this.button.textContent = label;
    this.button.setAttribute('aria-expanded', String(pressed));
    this.place();
    if (!this.observer && this.page.body) {
      this.observer = new MutationObserver(() => { if (this.button && !this.button.isConnected) this.place(); });
      this.observer.observe(this.page.body, { childList: true, subtree: true });
    }
  }

  focus(): boolean {
    if (!this.button?.isConnected) return false;
    this.button.focus();
    return true;
  }

  remove(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.button?.remove();
    this.button = null;
  }

  private place(): void {
    const b = this.button;
    if (!b) return;
    const slot = this.slot(this.page);
    if (!slot) return;
    b.className = slot.className;
    if (b.parentElement !== slot.parent) slot.parent.insertBefore(b, slot.before);
  }
}
