/** The IRP accepts cancellation of an IRN only within 24 hours of its acknowledgement. */
import { parseIstDateTime } from '@irn-bridge/shared/dates';

export const CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Milliseconds left to cancel, 0 when the window has closed (or AckDt is unreadable). */
export function cancelTimeLeft(ackDt: string, now: Date = new Date()): number {
  let acked: Date;
  try {
    acked = parseIstDateTime(ackDt);
  } catch {
    return 0;
  }
  return Math.max(0, acked.getTime() + CANCEL_WINDOW_MS - now.getTime());
}

export function describeTimeLeft(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}
