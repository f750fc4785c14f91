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

/** 380 px leaves a 1366 px laptop 986 px of ERP; at 1024 px a narrower sheet leaves it two thirds. */
export function sheetWidth(viewportWidth: number): number {
  return viewportWidth >= 1200 ? 380 : 340;
}

/**
 * Pushes the page's own layout left by `width` (0 releases it). Through the CSSOM, which a strict
 * page CSP does not block as it blocks inline <style>; the page's earlier value comes back on release.
 */
export class PagePush {
  private saved: { value: string; priority: string } | null = null;

  constructor(private readonly page: Document) {}

  set(width: number): void {
    const style = this.page.documentElement.style;
    if (width <= 0) return this.release();
    if (!this.saved) this.saved = { value: style.getPropertyValue('margin-right'), priority: style.getPropertyPriority('margin-right') };
    style.setProperty('margin-right', `${width}px`, 'important');
  }

  release(): void {
    if (!this.saved) return;
    const style = this.page.documentElement.style;
    if (this.saved.value) style.setProperty('margin-right', this.saved.value, this.saved.priority);
    else style.removeProperty('margin-right');
    this.saved = null;
  }
}
