import type { CancelReason } from '../api/contract';

/**
 * Reasons for cancelling an IRN (`CnlRsn`). Not the same numbering as e-way bill cancellation,
 * where 2 and 3 are swapped.
 */
export const CANCEL_REASONS: Readonly<Record<CancelReason, string>> = Object.freeze({
  '1': 'Duplicate',
  '2': 'Data entry mistake',
  '3': 'Order cancelled',
  '4': 'Others',
});

export function isCancelReason(s: unknown): s is CancelReason {
  return s === '1' || s === '2' || s === '3' || s === '4';
}
