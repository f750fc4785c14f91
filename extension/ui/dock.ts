/**
 * The panel as a side sheet: docked to the right edge, with the ERP page pushed left by its width
 * so nothing of the invoice is covered; collapsed to a small tab when the clerk wants the whole
 * page. The clerk's choice is kept (extension storage, see erp.content.ts) for the next invoice.
 */

export type DockState = 'open' | 'collapsed';

/** Where the clerk's choice is kept; the panel only reads and writes it. */
export interface DockPrefs {
  load(): Promise<DockState | null>;
  save(state: DockState): Promise<void>;
}

export const MEMORY_PREFS = (): DockPrefs => {
  let kept: DockState | null = null;
  return { load: async () => kept, save: async (s) => { kept = s; } };
};

/** 380 px leaves a 1366 px laptop 986 px of ERP; at 1024 px, 320 px leaves 704, what Odoo 17's form needs for its totals. */
export function sheetWidth(viewportWidth: number): number {
  return viewportWidth >= 1200 ? 380 : 320;
}

/**
 * Pushes the page's own layout left by `width` (0 releases it): a right margin on the root, and its
 * width back to `auto` because some ERPs pin it (Odoo 17 sets `html { width: 100% }`, so a margin
 * alone moved nothing on the real web client). Through the CSSOM, which a strict page CSP does not
 * block as it blocks inline <style>; the page's own values come back on release.
 */
export class PagePush {
  private saved: Map<string, { value: string; priority: string }> | null = null;

  constructor(private readonly page: Document) {}

  set(width: number): void {
    if (width <= 0) return this.release();
    const style = this.page.documentElement.style;
    if (!this.saved) {
      this.saved = new Map(['margin-right', 'width'].map((p) => [p, { value: style.getPropertyValue(p), priority: style.getPropertyPriority(p) }]));
    }
    style.setProperty('margin-right', `${width}px`, 'important');
    style.setProperty('width', 'auto', 'important');
  }

  release(): void {
    if (!this.saved) return;
    const style = this.page.documentElement.style;
    for (const [p, v] of this.saved) {
      if (v.value) style.setProperty(p, v.value, v.priority);
      else style.removeProperty(p);
    }
    this.saved = null;
  }
}
