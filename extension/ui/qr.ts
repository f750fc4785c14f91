/**
 * QR image of the IRP's SignedQRCode, drawn locally (no network, no data: URL that a strict page
 * CSP could block) as an inline SVG path.
 */
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  /** SVG path data, one 1×1 square per dark module, in module units. */
  path: string;
}

// The panel redraws a result (after the ERP write-back, after a cancel form): keep the last matrix,
// since choosing the QR mask is ~10 ms for a SignedQRCode.
let last: { text: string; matrix: QrMatrix } | null = null;

export function qrMatrix(text: string): QrMatrix {
  if (last?.text === text) return last.matrix;
  const matrix = buildMatrix(text);
  last = { text, matrix };
  return matrix;
}

function buildMatrix(text: string): QrMatrix {
  // Level L keeps the code readable at this size: a SignedQRCode is a 600–1000 character JWT.
  const qr = qrcode(0, 'L');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (qr.isDark(r, c)) parts.push(`M${c} ${r}h1v1h-1z`);
  }
  return { size, path: parts.join('') };
}

export function qrSvg(doc: Document, text: string, pixels = 220): SVGSVGElement {
  const { size, path } = qrMatrix(text);
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
