/**
 * The one place an error code becomes an HTTP status. Every code has exactly one status
 * (a test walks them all), so a client can branch on either and never see them disagree.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../errors';

export const HTTP_STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = Object.freeze({
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PROFILE_NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_CANCELLED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INVOICE: 422,
  INVALID_GSTIN: 422,
  IRP_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  IRP_UNAVAILABLE: 503,
  OUTCOME_UNKNOWN: 503,
});

export const httpStatusOf = (code: ErrorCode): ContentfulStatusCode => HTTP_STATUS[code] ?? 500;
