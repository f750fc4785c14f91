/**
 * The companion's error body as a `UiError`, with the retry decision made here (background only):
 * the IRP error catalogue (shared/src/irp/error-catalogue.ts, ≈ 28 kB) is not shipped into the page.
 */
import type { ApiError } from '@irn-bridge/shared/api/contract';
import { isRetryableIrpError } from '@irn-bridge/shared/irp/errors';
import type { UiError } from './messages';

export function fromApiError(body: unknown, status: number): UiError {
  const e = (body as ApiError | null)?.error;
  if (e && typeof e.message === 'string') {
    const out: UiError = { code: e.code, message: e.message, hint: e.hint, issues: e.issues, irp: e.irp };
    // An IRP refusal the same request cannot get past (an active e-way bill, an inactive GSTIN…) is not retryable.
    if (e.irp?.codes?.length) out.retryable = e.irp.codes.some((c) => isRetryableIrpError(c));
    return out;
  }
  return { code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: `The companion answered with HTTP ${status}.` };
}
