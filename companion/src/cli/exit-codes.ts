/**
 * The CLI's exit status for each error code, the way api/status.ts gives the HTTP status:
 * 1 the request was refused or failed, 2 it was asked wrongly (as a usage error), 3 nothing is
 * known to have failed and trying again later is safe (a script may retry on 3 only).
 */
import type { ErrorCode } from '../errors';

export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;
export const EXIT_TRY_AGAIN = 3;

export const EXIT_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  BAD_REQUEST: EXIT_USAGE,
  UNAUTHORIZED: EXIT_REFUSED,
  FORBIDDEN: EXIT_REFUSED,
  NOT_FOUND: EXIT_REFUSED,
  PROFILE_NOT_FOUND: EXIT_REFUSED,
  CONFLICT: EXIT_REFUSED,
  ALREADY_CANCELLED: EXIT_REFUSED,
  PAYLOAD_TOO_LARGE: EXIT_REFUSED,
  UNSUPPORTED_MEDIA_TYPE: EXIT_REFUSED,
  INVALID_INVOICE: EXIT_REFUSED,
  INVALID_GSTIN: EXIT_REFUSED,
  IRP_REJECTED: EXIT_REFUSED,
  INTERNAL: EXIT_REFUSED,
  RATE_LIMITED: EXIT_TRY_AGAIN,
  IRP_UNAVAILABLE: EXIT_TRY_AGAIN,
  OUTCOME_UNKNOWN: EXIT_TRY_AGAIN,
});
