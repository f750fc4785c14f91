/** The shared domain functions the companion uses, in one place (all browser-safe, from @irn-bridge/shared). */
export { documentKeyOf, financialYear, computeIrn, IRN_PATTERN } from '@irn-bridge/shared/irn';
export { normalizeInvoiceKeys } from '@irn-bridge/shared/invoice/normalize';
export { validateInvoice, hasBlockingIssues } from '@irn-bridge/shared/invoice/validate';
export { checkGstin } from '@irn-bridge/shared/gstin';
export { describeIrpError } from '@irn-bridge/shared/irp/errors';
export { decodeSignedQrCode } from '@irn-bridge/shared/irp/signed';
export { formatIstDateTime } from '@irn-bridge/shared/dates';
export { isCancelReason } from '@irn-bridge/shared/codes/cancel-reasons';
