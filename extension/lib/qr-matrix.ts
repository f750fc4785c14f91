/**
 * The QR matrix of the IRP's SignedQRCode, made in the background (`qr.matrix`): the encoder
 * (qrcode-generator, ≈ 21 kB minified) stays out of the page, which draws the matrix (ui/qr.ts).
 */
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  /** SVG path data, one 1×1 square per dark module, in module units. */
  path: string;
}

export function buildQrMatrix(text: string): QrMatrix {
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
