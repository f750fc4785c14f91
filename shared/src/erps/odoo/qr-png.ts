/** The signed QR code as a PNG, for Odoos without l10n_in_edi (whose own report draws it). */
import { bytesToBase64 } from './base64';
import { matrixToPng } from './png';
import { qrMatrix } from './qr';

export function qrPng(text: string): Uint8Array | null {
  try {
    return text ? matrixToPng(qrMatrix(text)) : null;
  } catch {
    return null;
  }
}

/** As `ErpIo.qrPngBase64` wants it: the extension's background answers `qr.png` with this, tests give it to their `ErpIo`. */
export async function qrPngBase64(text: string): Promise<string | null> {
  const png = qrPng(text);
  return png ? bytesToBase64(png) : null;
}
