/**
 * Reasons for cancelling an e-way bill (`cancelRsnCode`), numbered as the e-way bill system numbers
 * them: 2 and 3 are swapped against the IRN's CnlRsn (../shared/irp-spec.md §4.2, the CONFLICT note).
 * The one list the API, the CLI and the extension's form use.
 */
export const EWB_CANCEL_REASON_CODES = ['1', '2', '3', '4'] as const;
export type EwbCancelReason = (typeof EWB_CANCEL_REASON_CODES)[number];

export const EWB_CANCEL_REASONS: Readonly<Record<EwbCancelReason, string>> = Object.freeze({
  '1': 'Duplicate',
  '2': 'Order cancelled',
  '3': 'Data entry mistake',
  '4': 'Others',
});

export const EWB_CANCEL_REASON_CHOICES = '1 (duplicate), 2 (order cancelled), 3 (data entry mistake) or 4 (other)';

/** The longest remark the e-way bill system takes (`cancelRmrk`, string of up to 50 in NIC's EWB API v1.03). */
export const EWB_CANCEL_REMARK_MAX = 50;

/** An e-way bill can be cancelled only within 24 hours of its EwbDt. */
export const EWB_CANCEL_WINDOW_MS = 24 * 3_600_000;
