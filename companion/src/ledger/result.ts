/** Builds the API's EInvoiceResult from a ledger row or from an IRP answer. */
import type { DocumentKey, EInvoiceResult, ProfileRef, QrFields } from '@irn-bridge/shared/api/contract';
import { decodeSignedQrCode, financialYear } from '../domain';
import { documentOf, type LedgerRow, type Registration } from './store';

export function qrFieldsOf(signedQrCode: string | null | undefined): QrFields | null {
  if (!signedQrCode) return null;
  try {
    return decodeSignedQrCode(signedQrCode).fields;
  } catch {
    return null; // a token we cannot decode still has its IRN and AckNo; the QR image can be drawn from the raw token
  }
}

export function resultFromRow(row: LedgerRow, profile: ProfileRef, flags: { fromLedger?: boolean } = {}): EInvoiceResult {
  return {
    irn: row.irn ?? '', ackNo: row.ack_no ?? '', ackDt: row.ack_dt ?? '',
    status: row.state === 'cancelled' ? 'CNL' : 'ACT',
    signedInvoice: row.signed_invoice ?? '', signedQrCode: row.signed_qr_code ?? '',
    qr: qrFieldsOf(row.signed_qr_code),
    ewbNo: row.ewb_no, ewbDt: row.ewb_dt, ewbValidTill: row.ewb_valid_till, ewbCancelDate: row.ewb_cancel_date ?? null,
    recovered: !!row.recovered,
    ...(flags.fromLedger ? { fromLedger: true } : {}),
    cancelDate: row.cancel_date, cancelReason: row.cancel_reason ?? null, cancelRemark: row.cancel_remark ?? null,
    ewbCancelReason: row.ewb_cancel_reason ?? null, ewbCancelRemark: row.ewb_cancel_remark ?? null,
    document: documentOf(row),
    buyerGstin: row.buyer_gstin, totalValue: row.total_value ?? 0,
    profile,
  };
}

/** For an IRN the ledger does not know (registered elsewhere): everything comes from the signed QR. */
export function resultFromIrp(data: Registration & { Status?: string }, profile: ProfileRef): EInvoiceResult {
  const qr = qrFieldsOf(data.SignedQRCode);
  const docDate = qr?.DocDt ?? '';
  let fy = '';
  try { fy = financialYear(docDate); } catch { /* unknown date */ }
  const document: DocumentKey = {
    sellerGstin: qr?.SellerGstin ?? '', fy, docType: (qr?.DocTyp ?? 'INV') as DocumentKey['docType'],
    docNo: (qr?.DocNo ?? '').toUpperCase(), docDate,
  };
  return {
    irn: data.Irn, ackNo: String(data.AckNo), ackDt: data.AckDt,
    status: String(data.Status ?? 'ACT').toUpperCase() === 'CNL' ? 'CNL' : 'ACT',
    signedInvoice: data.SignedInvoice, signedQrCode: data.SignedQRCode, qr,
    ewbNo: data.EwbNo == null ? null : String(data.EwbNo), ewbDt: data.EwbDt ?? null, ewbValidTill: data.EwbValidTill ?? null,
    document, buyerGstin: qr?.BuyerGstin ?? null, totalValue: qr?.TotInvVal ?? 0, profile,
  };
}
