/** Turns an IRP error code (and the IRP's own text) into something a clerk can act on. */
import { IRP_ERROR_CATALOGUE, type IrpErrorEntry } from './error-catalogue';

export { IRP_ERROR_CATALOGUE, type IrpErrorEntry };

export interface IrpErrorDescription {
  code: string;
  /** The IRP's own text (as received, else the catalogue's). */
  irpMessage: string;
  message: string;
  hint: string;
  retryable: boolean;
  /** Retry after authenticating again (1005). */
  reauth?: boolean;
}

/** Upper bound on IRP text we pass on: it is shown in the UI, not a place for megabytes. */
const MAX_IRP_MESSAGE = 500;

function lookup(code: string): IrpErrorEntry | undefined {
  return Object.prototype.hasOwnProperty.call(IRP_ERROR_CATALOGUE, code) ? IRP_ERROR_CATALOGUE[code] : undefined;
}

/**
 * Describes an IRP error. The IRP sometimes prefixes its text with the code ("2150 : Duplicate IRN");
 * unknown codes get a generic sentence that still shows the IRP's own text.
 */
export function describeIrpError(code: string, irpMessage?: string): IrpErrorDescription {
  const c = String(code ?? '').trim();
  const given = typeof irpMessage === 'string' ? irpMessage.trim().slice(0, MAX_IRP_MESSAGE) : '';
  const entry = lookup(c) ?? lookup(c.toUpperCase());
  if (entry) {
    return {
      code: c,
      irpMessage: given || entry.irpMessage,
      message: entry.message,
      hint: entry.hint,
      retryable: entry.retryable,
      ...(entry.reauth ? { reauth: true } : {}),
    };
  }
  return {
    code: c,
    irpMessage: given,
    message: given ? `The IRP refused the request (error ${c || 'without a code'}): ${given}` : `The IRP refused the request (error ${c || 'without a code'}).`,
    hint: 'Read the IRP\'s message above, correct the invoice, and try again. If it is unclear, ask your GSP or the e-invoice helpdesk about this error code.',
    retryable: false,
  };
}

/** True for codes where the same request may succeed later (1005 only after re-authentication). */
export function isRetryableIrpError(code: string): boolean {
  return lookup(String(code ?? '').trim())?.retryable === true;
}
