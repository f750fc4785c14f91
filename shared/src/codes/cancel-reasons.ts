/**
 * Reasons for cancelling an IRN (`CnlRsn`). Not the same numbering as e-way bill cancellation,
 * where 2 and 3 are swapped. The one list the API, the CLI and the extension's cancel form use.
 */
export const CANCEL_REASON_CODES = ['1', '2', '3', '4'] as const;
export type CancelReason = (typeof CANCEL_REASON_CODES)[number];

export const CANCEL_REASONS: Readonly<Record<CancelReason, string>> = Object.freeze({
  '1': 'Duplicate',
  '2': 'Data entry mistake',
  '3': 'Order cancelled',
  '4': 'Others',
});

/** How a refusal names the choices, in the clerk's words. */
export const CANCEL_REASON_CHOICES = '1 (duplicate), 2 (data entry mistake), 3 (order cancelled) or 4 (other)';

/** The longest cancel remark the IRP takes (`CnlRem`). */
export const CANCEL_REMARK_MAX = 100;

export function isCancelReason(s: unknown): s is CancelReason {
  return typeof s === 'string' && (CANCEL_REASON_CODES as readonly string[]).includes(s);
}

/**
 * A cancel remark fit to send: control characters (NUL and friends), lone surrogates and
 * bidirectional overrides are removed, because the IRP stores the text and the portal shows it,
 * and a remark that reads differently from what was typed is worse than a shorter one.
 */
export function cleanCancelRemark(remark: string): string {
  return remark
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
