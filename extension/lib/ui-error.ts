/** Turning any failure into a `UiError` a clerk can act on. */
import type { ApiError } from '@irn-bridge/shared/api/contract';
import type { UiError } from './messages';

export class UiFailure extends Error {
  constructor(readonly error: UiError) {
    super(error.message);
    this.name = 'UiFailure';
  }
}

export function companionDown(port: number): UiError {
  return {
    code: 'COMPANION_DOWN',
    message: `The IRN Bridge companion is not running (nothing answers on 127.0.0.1:${port}).`,
    hint: 'Start it: open the IRN Bridge folder in a terminal and run `npx -y pnpm@12.4.2 start` (or `irn-bridge start` if installed), then try again.',
  };
}

export function notPaired(): UiError {
  return {
    code: 'NOT_PAIRED',
    message: 'This browser is not paired with the IRN Bridge companion yet.',
    hint: 'Run `irn-bridge pair` (or `npx -y pnpm@12.4.2 irn-bridge pair`) and type the code shown into the IRN Bridge options page.',
  };
}

export function fromApiError(body: unknown, status: number): UiError {
  const e = (body as ApiError | null)?.error;
  if (e && typeof e.message === 'string') {
    return { code: e.code, message: e.message, hint: e.hint, issues: e.issues, irp: e.irp };
  }
  return { code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: `The companion answered with HTTP ${status}.` };
}

export function toUiError(err: unknown): UiError {
  if (err instanceof UiFailure) return err.error;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

/** One line for the UI: the IRP's codes first when it refused, as clerks quote them to support. */
export function describeError(e: UiError): string {
  const codes = e.irp?.codes?.length ? ` (IRP ${e.irp.codes.join(', ')})` : '';
  return `${e.message}${codes}`;
}
