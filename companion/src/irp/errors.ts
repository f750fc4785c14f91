/**
 * Errors from talking to the IRP. Two kinds, because callers must treat them differently:
 * - IrpError: the IRP answered and said no (Status 0). The request is known to have failed.
 * - IrpTransportError: no usable answer (timeout, 5xx, connection loss, garbage). The outcome is
 *   unknown: a generate may have registered anyway, so callers ask before resending.
 * Neither carries secrets: messages come from IRP codes and texts, never from our headers or payloads.
 */
import { describeIrpError } from '@irn-bridge/shared/irp/errors';

export interface IrpErrorDetail {
  code: string;
  message: string;
}

export class IrpError extends Error {
  readonly kind = 'irp' as const;
  readonly codes: string[];
  readonly messages: string[];
  readonly details: IrpErrorDetail[];
  readonly info: unknown[] | null;
  readonly raw: unknown;
  readonly httpStatus: number;
  readonly retryable: boolean;

  constructor(args: { details: IrpErrorDetail[]; info?: unknown[] | null; raw: unknown; httpStatus: number }) {
    const details = args.details.length ? args.details : [{ code: 'UNKNOWN', message: 'The IRP reported a failure without details' }];
    const described = details.map((d) => describeIrpError(d.code, d.message));
    super(described.map((d) => (d.message.includes(d.code) ? d.message : `${d.message} (IRP error ${d.code})`)).join(' '));
    this.name = 'IrpError';
    this.details = details;
    this.codes = details.map((d) => d.code);
    this.messages = details.map((d) => d.message);
    this.info = args.info ?? null;
    this.raw = args.raw;
    this.httpStatus = args.httpStatus;
    this.retryable = described.every((d) => d.retryable);
  }

  /** The first InfoDtls entry with this InfCd (e.g. "DUPIRN"), if any. */
  infoFor(infCd: string): unknown {
    const hit = (this.info ?? []).find(
      (i) => typeof i === 'object' && i !== null && String((i as Record<string, unknown>).InfCd).toUpperCase() === infCd.toUpperCase(),
    ) as Record<string, unknown> | undefined;
    return hit?.Desc;
  }
}

export type TransportReason = 'timeout' | 'http' | 'network' | 'bad-response';

export class IrpTransportError extends Error {
  readonly kind = 'transport' as const;
  readonly reason: TransportReason;
  readonly httpStatus?: number;
  readonly retryable = true as const;

  constructor(reason: TransportReason, message: string, httpStatus?: number) {
    super(message);
    this.name = 'IrpTransportError';
    this.reason = reason;
    if (httpStatus !== undefined) this.httpStatus = httpStatus;
  }
}

export function isIrpError(e: unknown): e is IrpError {
  return e instanceof IrpError || (typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'irp');
}

export function isTransportError(e: unknown): e is IrpTransportError {
  return e instanceof IrpTransportError || (typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'transport');
}
