/**
 * The panel's frame: a shadow-rooted side sheet docked to the right edge (the page pushed aside by
 * its width, see dock.ts) or collapsed to a tab, with a live region for what screen readers should
 * hear, Esc, and focus that follows the clerk into each new view. What the views are is panel.ts's.
 */
import type { ProfileRef } from '@irn-bridge/shared/api/contract';
import { PagePush, sheetWidth, type DockPrefs, type DockState } from './dock';
import { h, onTrustedClick } from './dom';
import { PANEL_CSS } from './styles';
import { profileBadge } from './views';

/** Set by the build (wxt.config.ts); Node's test runner, which has no build, sees it undefined. */
declare const __IRN_BRIDGE_E2E__: boolean | undefined;
const OPEN_SHADOW_FOR_TESTS = typeof __IRN_BRIDGE_E2E__ !== 'undefined' && __IRN_BRIDGE_E2E__;

export const PANEL_TAG = 'irn-bridge-panel';

export interface SheetEvents {
  /** Esc with no view-specific meaning, or the collapse button: the sheet is about to close. */
  onStateChange(state: DockState): void;
}

export class PanelSheet {
  readonly host: HTMLElement;
  private readonly sheet: HTMLElement;
  private readonly tab: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly live: HTMLElement;
  private readonly badgeSlot: HTMLElement;
  private readonly push: PagePush;
  state: DockState = 'open';
  /** What Esc does in the view shown (a form's Back); otherwise Esc collapses the sheet. */
  private escape: (() => void) | null = null;
  /** Set by the clerk's first action in the panel: from then on each new view takes the focus. */
  focusWanted = false;
  private mounted = false;
  private readonly onResize = () => this.apply();

  constructor(private readonly page: Document, erpId: string, private readonly prefs: DockPrefs, private readonly events: SheetEvents, private readonly focusBack: () => boolean) {
    this.push = new PagePush(page);
    this.host = page.createElement(PANEL_TAG);
    this.host.setAttribute('data-testid', 'irn-panel-host');
    // Closed in the shipped build, so page scripts cannot rewrite what the clerk confirms; the
    // end-to-end build keeps it open for the test driver (see wxt.config.ts).
    const shadow = this.host.attachShadow({ mode: OPEN_SHADOW_FOR_TESTS ? 'open' : 'closed' });
    const style = page.createElement('style');
    style.textContent = PANEL_CSS;
    this.badgeSlot = h(page, 'span', {});
    const collapse = h(page, 'button', { type: 'button', class: 'icon', testid: 'irn-close', title: 'Collapse (Esc). The e-Invoice tab at the right edge brings it back.', 'aria-label': 'Collapse the e-Invoice panel' }, '⟩');
    onTrustedClick(collapse, () => this.setState('collapsed'));
    this.live = h(page, 'div', { class: 'sr-only', testid: 'irn-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.body = h(page, 'div', { testid: 'irn-body' });
    this.sheet = h(page, 'div', { class: 'sheet', testid: 'irn-panel', 'data-erp': erpId, role: 'complementary', 'aria-label': 'IRN Bridge e-Invoice', hidden: true },
      h(page, 'div', { class: 'head' }, h(page, 'span', { class: 'title' }, 'IRN Bridge · e-Invoice'), this.badgeSlot, collapse),
      this.live, h(page, 'div', { class: 'scroll' }, this.body));
    this.tab = h(page, 'button', { type: 'button', class: 'tab', testid: 'irn-expand', hidden: true, 'aria-label': 'Open the e-Invoice panel' }, 'e-Invoice');
    onTrustedClick(this.tab, () => { this.focusWanted = true; this.setState('open'); });
    this.sheet.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (this.escape) this.escape();
      else this.setState('collapsed');
    });
    shadow.append(style, this.sheet, this.tab);
  }

  mount(): void {
    this.page.documentElement.append(this.host);
    this.page.defaultView?.addEventListener('resize', this.onResize);
    this.mounted = true;
    // Hidden until the clerk's last choice is known, so the page is not pushed and then released.
    void this.prefs.load().catch(() => null).then((s) => {
      if (!this.mounted) return;
      this.state = s ?? 'open';
      this.apply();
    });
  }

  unmount(): void {
    this.mounted = false;
    this.page.defaultView?.removeEventListener('resize', this.onResize);
    this.push.release();
    this.host.remove();
  }

  get width(): number {
    return sheetWidth(this.page.defaultView?.innerWidth ?? 1366);
  }

  /** The clerk opened or collapsed the sheet: keep the choice for the next invoice. */
  setState(state: DockState): void {
    this.state = state;
    this.apply();
    void this.prefs.save(state).catch(() => undefined);
    if (state === 'open') this.focusView();
    else if (!this.focusBack()) this.tab.focus();
  }

  setBadge(p: ProfileRef | null | undefined): void {
    this.badgeSlot.replaceChildren(...[profileBadge(this.page, p)].filter((x): x is HTMLElement => x !== null));
  }

  /** Shows a view; `announce` goes to the live region, `escape` is what Esc does while it is shown. */
  show(el: HTMLElement, announce?: string, escape: (() => void) | null = null): void {
    this.escape = escape;
    this.body.replaceChildren(el);
    if (announce) this.live.textContent = announce;
    this.focusView();
  }

  private apply(): void {
    const open = this.state === 'open';
    this.sheet.style.setProperty('--irn-sheet-width', `${this.width}px`);
    this.sheet.hidden = !open;
    this.tab.hidden = open;
    this.push.set(open ? this.width : 0);
    this.events.onStateChange(this.state);
  }

  /** Focus follows the clerk into each new view, unless they have moved on to the ERP page meanwhile. */
  focusView(): void {
    if (!this.focusWanted || this.state !== 'open') return;
    const active = this.page.activeElement;
    if (active && active !== this.host && active !== this.page.body && !(active as HTMLElement).hasAttribute?.('data-irn-bridge')) return;
    const target = this.body.querySelector<HTMLElement>('[data-focus]') ?? (this.body.firstElementChild as HTMLElement | null);
    if (!target) return;
    if (!target.matches('button, select, input, textarea, a[href]')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
}
