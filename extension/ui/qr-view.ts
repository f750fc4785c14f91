/**
 * The signed QR as a clerk uses it: big enough to scan from a laptop screen (whole pixels per
 * module, at least 3, else a click enlarges it), saved as PNG, printed on a small sheet with the
 * IRN and Ack No/Date, or copied as image and text together.
 */
import type { EInvoiceResult } from '@irn-bridge/shared/api/contract';
import { copyText, h, onTrustedClick } from './dom';
import { qrSvg, type QrMatrix } from './qr';

/** Quiet zone on each side, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET = 4;

/** The largest whole number of CSS pixels per module that fits `width`, never under 2. */
export function modulePixels(m: QrMatrix, width: number): number {
  return Math.max(2, Math.floor(width / (m.size + 2 * QR_QUIET)));
}

function svgAt(doc: Document, m: QrMatrix, px: number, testid: string): SVGSVGElement {
  const { size } = m;
  const svg = qrSvg(doc, m, (size + 2 * QR_QUIET) * px);
  svg.setAttribute('data-testid', testid);
  svg.setAttribute('data-modules', String(size));
  svg.setAttribute('data-module-px', String(px));
  return svg;
}

/** The QR as a PNG, drawn from the same matrix (no network, no data: URL). */
export function qrPng(doc: Document, m: QrMatrix, px = 8): Promise<Blob> {
  const { size } = m;
  const side = (size + 2 * QR_QUIET) * px;
  const canvas = doc.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const g = canvas.getContext('2d');
  if (!g) return Promise.reject(new Error('This browser cannot draw the QR image.'));
  g.fillStyle = '#fff';
  g.fillRect(0, 0, side, side);
  g.fillStyle = '#000';
  const d = m.path;
  for (const m of d.matchAll(/M(\d+) (\d+)/g)) g.fillRect((Number(m[1]) + QR_QUIET) * px, (Number(m[2]) + QR_QUIET) * px, px, px);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The QR image could not be made.'))), 'image/png'));
}

const fileName = (r: EInvoiceResult) => `e-invoice-QR-${r.document.docNo.replace(/[^A-Za-z0-9-]+/g, '-')}.png`;

async function download(doc: Document, r: EInvoiceResult, m: QrMatrix): Promise<void> {
  const url = URL.createObjectURL(await qrPng(doc, m));
  const a = h(doc, 'a', { href: url, download: fileName(r) });
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Image and signed text on the clipboard together; the text alone where images cannot be copied. */
async function copyQr(doc: Document, r: EInvoiceResult, m: QrMatrix): Promise<'both' | 'text' | false> {
  try {
    const png = await qrPng(doc, m);
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png, 'text/plain': new Blob([r.signedQrCode], { type: 'text/plain' }) })]);
    return 'both';
  } catch {
    return (await copyText(doc, r.signedQrCode)) ? 'text' : false;
  }
}

/** One small sheet: document, IRN, Ack No/Date and the QR, in a window of its own so the ERP page is not printed. */
function printSheet(doc: Document, r: EInvoiceResult, m: QrMatrix): void {
  const w = doc.defaultView?.open('', '_blank', 'popup,width=520,height=700');
  if (!w) return;
  const d = w.document;
  d.title = `e-Invoice ${r.document.docNo}`;
  const style = d.createElement('style');
  style.textContent = 'body{font:13px/1.5 system-ui,sans-serif;margin:16mm}h1{font-size:16px;margin:0 0 8px}dt{color:#555}dd{margin:0 0 6px;font-family:monospace;word-break:break-all}@page{size:A6 portrait;margin:8mm}';
  d.head.append(style);
  const row = (k: string, v: string) => [h(d, 'dt', {}, k), h(d, 'dd', {}, v)];
  d.body.append(
    h(d, 'h1', {}, `e-Invoice · ${r.document.docNo} dated ${r.document.docDate}`),
    ...(r.profile.demo ? [h(d, 'p', { 'data-testid': 'print-demo' }, 'DEMO: issued by the offline IRP, not registered with the government.')] : []),
    h(d, 'dl', { 'data-testid': 'print-fields' }, ...row('IRN', r.irn), ...row('Ack No', r.ackNo), ...row('Ack Date', r.ackDt)),
    svgAt(d, m, 3, 'print-qr'));
  w.focus();
  w.print();
}

/** `m`: the matrix of `r.signedQrCode`, loaded from the background (ui/qr.ts). */
export function qrBlock(doc: Document, r: EInvoiceResult, m: QrMatrix, width: number): HTMLElement {
  const px = modulePixels(m, width);
  const inline = h(doc, 'button', { type: 'button', class: 'qr', testid: 'irn-qr', title: 'Click to enlarge', 'aria-label': 'e-Invoice QR code: click to enlarge' },
    svgAt(doc, m, px, 'irn-qr-svg'));
  const overlay = h(doc, 'div', { class: 'overlay', testid: 'irn-qr-overlay', role: 'dialog', 'aria-label': 'e-Invoice QR code, enlarged', hidden: true });
  const closeOverlay = () => { overlay.hidden = true; overlay.replaceChildren(); inline.focus(); };
  const enlarge = () => {
    const view = doc.defaultView;
    const room = Math.min(view?.innerWidth ?? 800, view?.innerHeight ?? 800) - 80;
    const close = h(doc, 'button', { type: 'button', testid: 'irn-qr-overlay-close' }, 'Close');
    onTrustedClick(close, closeOverlay);
    overlay.replaceChildren(h(doc, 'div', { class: 'overlay-box' }, svgAt(doc, m, Math.max(3, modulePixels(m, room)), 'irn-qr-large'), h(doc, 'div', { class: 'actions' }, close)));
    overlay.hidden = false;
    close.focus();
  };
  onTrustedClick(inline, enlarge);
  overlay.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); closeOverlay(); } });

  const btn = (label: string, testid: string, fn: (b: HTMLButtonElement) => void | Promise<void>) => {
    const b = h(doc, 'button', { type: 'button', class: 'copy', testid }, label);
    onTrustedClick(b, () => void fn(b));
    return b;
  };
  const flash = (b: HTMLButtonElement, text: string, label: string) => { b.textContent = text; setTimeout(() => (b.textContent = label), 1500); };
  return h(doc, 'div', { class: 'qr-area' },
    inline,
    h(doc, 'div', { class: 'actions' },
      btn('Enlarge', 'irn-qr-enlarge', enlarge),
      btn('Download PNG', 'irn-qr-download', async (b) => { await download(doc, r, m).catch(() => flash(b, 'Download failed', 'Download PNG')); }),
      btn('Print', 'irn-qr-print', () => printSheet(doc, r, m)),
      btn('Copy QR', 'irn-qr-copy', async (b) => {
        const how = await copyQr(doc, r, m);
        b.setAttribute('data-copied', String(how));
        flash(b, how === 'both' ? 'Copied image and text' : how === 'text' ? 'Copied text' : 'Copy failed', 'Copy QR');
      })),
    overlay);
}
