/** Turns IRP errors into CompanionErrors: clerk-readable message, hint, and the IRP's own codes. */
import { isIrpError, isTransportError, type IrpError } from '../irp';
import { CompanionError } from '../errors';
import { describeIrpError } from '../domain';

export function irpRejected(e: IrpError): CompanionError {
  const described = e.codes.map((code, i) => describeIrpError(code, e.messages[i]));
  const first = described[0];
  return new CompanionError('IRP_REJECTED', described.map((d) => d.message).join(' '), {
    ...(first?.hint ? { hint: first.hint } : {}),
    irp: { codes: [...e.codes], messages: [...e.messages] },
  });
}

export function irpUnavailable(what: string): CompanionError {
  return new CompanionError('IRP_UNAVAILABLE', `The IRP did not answer ${what}.`, {
    hint: 'Check the internet connection or the IRP status, then try again.',
  });
}

/**
 * The IRP's outcome is not known. When it did answer, but only with a "try again" code (a 1005
 * token storm, 2146/5001 busy), the message says so and carries the codes instead of claiming silence.
 */
export function outcomeUnknown(cause?: unknown): CompanionError {
  const hint = 'Retrying is safe: the companion asks the IRP about this document before sending it again, so it will never be registered twice.';
  if (isIrpError(cause)) {
    const said = cause.codes.map((code, i) => describeIrpError(code, cause.messages[i]).message).join(' ');
    return new CompanionError('OUTCOME_UNKNOWN',
      `The IRP answered only "${said}" (IRP ${cause.codes.join(', ')}), so it is not known yet whether this invoice was registered.`,
      { hint, irp: { codes: [...cause.codes], messages: [...cause.messages] } });
  }
  return new CompanionError('OUTCOME_UNKNOWN', 'The IRP did not answer, so it is not known yet whether this invoice was registered.', { hint });
}

/** Any IRP-call failure other than a business refusal, for routes without ledger rules (gstin, raw, cancel…). */
export function irpCallFailure(e: unknown, what: string): CompanionError {
  if (e instanceof CompanionError) return e;
  if (isIrpError(e)) return irpRejected(e);
  // An HTTP 4xx (other than timeout/too-many) is the IRP or GSP refusing the request, not an outage.
  if (isTransportError(e) && e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500 && e.httpStatus !== 408 && e.httpStatus !== 429) {
    return new CompanionError('IRP_REJECTED', `The IRP refused ${what} with HTTP ${e.httpStatus}.`, {
      hint: 'Check the IRP path and the profile\'s base URL and extra headers (for a GSP).',
    });
  }
  if (isTransportError(e)) return irpUnavailable(what);
  throw e;
}
