/**
 * Errors at the HTTP edge: every route answers the contract's ApiError body, with the status
 * api/status.ts gives the code. Anything that is not a CompanionError becomes 500 INTERNAL.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorBody } from '@irn-bridge/shared/api/contract';
import { asCompanionError } from '../errors';
import { httpStatusOf } from './status';

export function errorResponse(c: Context, status: ContentfulStatusCode, body: ApiErrorBody): Response {
  return c.json({ error: body } satisfies ApiError, status);
}

/** The response for anything thrown. */
export function failureResponse(c: Context, err: unknown): Response {
  const failure = asCompanionError(err);
  return errorResponse(c, httpStatusOf(failure.code), failure.body);
}
