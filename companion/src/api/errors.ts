/**
 * One error shape for every route (ApiError from the contract). Handlers throw ApiFailure;
 * anything else thrown becomes 500 INTERNAL with a generic message: no stack, no internals, no secrets.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '@irn-bridge/shared/api/contract';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';

export type ApiErrorBody = ApiError['error'];

export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { hint?: string; issues?: ValidationIssue[]; irp?: { codes: string[]; messages: string[] } } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get body(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, body: ApiErrorBody): Response {
  return c.json({ error: body } satisfies ApiError, status);
}

/** Turns anything thrown into the error body a client sees. */
export function toApiFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err;
  return new ApiFailure(500, 'INTERNAL', 'The companion hit an unexpected problem. Nothing was sent to the IRP twice; try again, and if it persists, check the companion log.');
}

export const notFound = (what = 'No such route') => new ApiFailure(404, 'NOT_FOUND', what);
export const badRequest = (message: string, hint?: string) => new ApiFailure(400, 'BAD_REQUEST', message, hint ? { hint } : {});
