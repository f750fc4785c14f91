/** The signed QR code as a PNG, for Odoos without l10n_in_edi (whose own report draws it). */
import { matrixToPng } from './png';
import { qrMatrix } from './qr';

export function qrPng(text: string): Uint8Array | null {
  try {
    return text ? matrixToPng(qrMatrix(text)) : null;
  } catch {
    return null;
  }
}
