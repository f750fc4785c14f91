/** The smallest computed font size of any element that shows text of its own (getComputedStyle), and where it is. */
import type { Page } from 'playwright-core';

export async function smallestText(page: Page): Promise<{ px: number; where: string; text: string }> {
  return page.evaluate(() => {
    let best = { px: Infinity, where: '', text: '' };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      const field = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
      if (!own && !field) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || (el as HTMLElement).closest('[hidden]')) continue;
      const px = parseFloat(style.fontSize);
      if (px < best.px) best = { px, where: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${el.className}`, text: (el.textContent ?? '').trim().slice(0, 40) };
    }
    return best;
  });
}
