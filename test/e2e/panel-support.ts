/**
 * What the panel e2e tests measure: whether the side sheet covers an ERP element, the smallest text
 * in the panel, and the QR as a 1× screenshot shows it (decoded PNG, one sample per module, compared
 * with the matrix qrcode-generator makes for the signed QR; no QR-reader library is needed).
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';

export const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }] as const;

export interface Box { x: number; y: number; width: number; height: number }

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Scrolls `el` into view and says why it is not fully visible beside the panel, or null when it is. */
export async function coveredBy(page: Page, el: Locator, panel: Locator): Promise<string | null> {
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  const sheet = await panel.boundingBox();
  const vp = page.viewportSize()!;
  if (!box) return 'not rendered';
  if (box.x < 0 || box.x + box.width > vp.width + 0.5) return `outside the viewport (${JSON.stringify(box)})`;
  if (sheet && overlaps(box, sheet)) return `under the panel (${JSON.stringify(box)} vs ${JSON.stringify(sheet)})`;
  return null;
}

/** The smallest computed font size of any element in the panel's shadow root that shows text. */
export function smallestPanelText(page: Page): Promise<{ px: number; text: string }> {
  return page.evaluate(() => {
    const root = document.querySelector('irn-bridge-panel')?.shadowRoot;
    let min = { px: Infinity, text: '' };
    for (const el of Array.from(root?.querySelectorAll('*') ?? [])) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
      if (!own || (el as HTMLElement).closest('[hidden]') || el.closest('.sr-only')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min.px) min = { px, text: own.slice(0, 40) };
    }
    return min;
  });
}

const req = createRequire(new URL('../../extension/package.json', import.meta.url));
// The extension's own QR library, from its workspace (the test package does not depend on it).
const qrcode = req('qrcode-generator') as (t: number, l: 'L' | 'M' | 'Q' | 'H') => { addData(s: string, m: string): void; make(): void; getModuleCount(): number; isDark(r: number, c: number): boolean };

/** The matrix qrcode-generator makes for `text` at level L (the IRP's SignedQRCode is large). */
export function expectedMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'L');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** The dark modules of the rendered SVG path (`M<c> <r>h1v1h-1z` per module). */
export function svgMatrix(path: string, size: number): boolean[][] {
  const m = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const x of path.matchAll(/M(\d+) (\d+)/g)) m[Number(x[2])][Number(x[1])] = true;
  return m;
}

/** Minimal PNG decoder (8-bit RGB/RGBA, as Chromium writes screenshots): gray value at (x, y). */
export function decodePng(png: Buffer): { width: number; height: number; gray(x: number, y: number): number } {
  let pos = 8;
  let width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('Only 8-bit, non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]];
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      out[y * stride + x] = (v + [0, a, b, (a + b) >> 1, pr][f]) & 0xff;
    }
  }
  return { width, height, gray: (x, y) => { const i = y * stride + x * channels; return channels >= 3 ? (out[i] + out[i + 1] + out[i + 2]) / 3 : out[i]; } };
}

/** Reads the QR back from a 1× screenshot of its SVG: one sample at the centre of every module. */
export function matrixFromScreenshot(png: Buffer, size: number, quiet: number): boolean[][] {
  const img = decodePng(png);
  const px = img.width / (size + 2 * quiet);
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) =>
    img.gray(Math.floor((c + quiet + 0.5) * px), Math.floor((r + quiet + 0.5) * px)) < 128));
}

export const sameMatrix = (a: boolean[][], b: boolean[][]) => a.length === b.length && a.every((row, r) => row.every((v, c) => v === b[r][c]));
