/**
 * The one error the companion's core throws (ledger/, profiles/, security/, the IRP failure mapping):
 * a code from the contract, a sentence for the clerk, an optional hint, and the IRP's own codes. It
 * knows nothing of HTTP (as jose's errors know nothing of transport): api/status.ts maps codes to
 * statuses once, at the edge, and the CLI maps the same codes to exit codes.
 */
import type { ApiErrorBody, ApiErrorCode } from '@irn-bridge/shared/api/contract';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';

export type ErrorCode = ApiErrorCode;

export interface ErrorDetails {
  hint?: string;
  issues?: ValidationIssue[];
  irp?: { codes: string[]; messages: string[] };
}

export class CompanionError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details: ErrorDetails = {}) {
    super(message);
    this.name = 'CompanionError';
  }

  /** What a client sees: the contract's error body. */
  get body(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const isCompanionError = (e: unknown): e is CompanionError => e instanceof CompanionError;

/** Anything thrown, as a CompanionError: an unexpected one becomes INTERNAL with a generic message (no stack, no internals, no secrets). */
export function asCompanionError(e: unknown): CompanionError {
  if (e instanceof CompanionError) return e;
  return new CompanionError('INTERNAL', 'The companion hit an unexpected problem. Nothing was sent to the IRP twice; try again, and if it persists, check the companion log.');
}

export const badRequest = (message: string, hint?: string) => new CompanionError('BAD_REQUEST', message, hint ? { hint } : {});
export const notFound = (message = 'No such route') => new CompanionError('NOT_FOUND', message);
