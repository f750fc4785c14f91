/**
 * QR image of the IRP's SignedQRCode, drawn locally (no network, no data: URL that a strict page
 * CSP could block) as an inline SVG path. The matrix is made by the background (`qr.matrix`,
 * lib/qr-matrix.ts), so the encoder is not in the page; the panel loads it before it shows a result.
 */
import type { QrMatrix } from '../lib/qr-matrix';

export type { QrMatrix };

// The panel redraws a result (after the ERP write-back, after a cancel form): keep the matrices it
// loaded (null: the background could not make it), and each request while it is under way.
const made = new Map<string, QrMatrix | null>();
const asked = new Map<string, Promise<QrMatrix | null>>();

/** The matrix loaded for `text`: undefined until `loadQrMatrix` settled, null when it failed. */
export function qrMatrix(text: string): QrMatrix | null | undefined {
  return made.get(text);
}

export function loadQrMatrix(text: string, make: (text: string) => Promise<QrMatrix>): Promise<QrMatrix | null> {
  let p = asked.get(text);
  if (!p) {
    p = make(text).catch(() => null).then((m) => {
      made.set(text, m);
      return m;
    });
    asked.set(text, p);
  }
  return p;
}

export function qrSvg(doc: Document, { size, path }: QrMatrix, pixels = 220): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const quiet = 4;
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`);
  svg.setAttribute('width', String(pixels));
  svg.setAttribute('height', String(pixels));
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'e-Invoice QR code');
  const bg = doc.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x: -quiet, y: -quiet, width: size + 2 * quiet, height: size + 2 * quiet, fill: '#fff' })) bg.setAttribute(k, String(v));
  const fg = doc.createElementNS(ns, 'path');
  fg.setAttribute('d', path);
  fg.setAttribute('fill', '#000');
  svg.append(bg, fg);
  return svg;
}
