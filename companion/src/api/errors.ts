/**
 * Errors at the HTTP edge: every route answers the contract's ApiError body, with the status
 * api/status.ts gives the code. Anything that is not a CompanionError becomes 500 INTERNAL.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorBody } from '@irn-bridge/shared/api/contract';
import { HTTPException } from 'hono/http-exception';
import { asCompanionError, CompanionError, type ErrorCode } from '../errors';
import { httpStatusOf } from './status';

export function errorResponse(c: Context, status: ContentfulStatusCode, body: ApiErrorBody): Response {
  return c.json({ error: body } satisfies ApiError, status);
}

/** The response for anything thrown. */
export function failureResponse(c: Context, err: unknown): Response {
  const failure = err instanceof HTTPException ? fromHttpException(err) : asCompanionError(err);
  return errorResponse(c, httpStatusOf(failure.code), failure.body);
}

/** Hono's own refusals (a validator's "Malformed JSON", the media-type gate), in the contract's terms. */
function fromHttpException(e: HTTPException): CompanionError {
  const code: ErrorCode = e.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : e.status === 413 ? 'PAYLOAD_TOO_LARGE' : e.status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  return new CompanionError(code, code === 'INTERNAL' ? 'The companion hit an unexpected problem.' : e.message || 'The request is not valid.');
}
