/** Turning any failure into a `UiError` a clerk can act on. */
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
    message: `The IRN Bridge companion is not running on this computer (nothing answers on 127.0.0.1:${port}).`,
    // Said for the clerk, with what to tell the IT person: a developer's start command would start a
    // companion with another home, which then looks unpaired (issue 11).
    hint: `Restart the computer or sign in again: IRN Bridge starts by itself once it is installed as a service. If it still does not answer, tell your IT person: "the IRN Bridge companion does not answer on port ${port}; please run irn-bridge doctor". Nothing was sent to the IRP.`,
  };
}

export function notPaired(): UiError {
  return {
    code: 'NOT_PAIRED',
    message: 'This browser is not paired with the IRN Bridge companion yet.',
    hint: 'Ask your IT person for a pairing code (they make one with `irn-bridge pair` on this computer) and type it in IRN Bridge options → Pair.',
  };
}

export function toUiError(err: unknown): UiError {
  if (err instanceof UiFailure) return err.error;
  // The content script and the injected panel script (entrypoints/erp-panel.ts) each have their own copy of the class.
  if (err instanceof Error && err.name === 'UiFailure' && typeof (err as Partial<UiFailure>).error?.message === 'string') return (err as UiFailure).error;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

/** One line for the UI: the IRP's codes first when it refused, as clerks quote them to support. */
export function describeError(e: UiError): string {
  const codes = e.irp?.codes?.length ? ` (IRP ${e.irp.codes.join(', ')})` : '';
  return `${e.message}${codes}`;
}
