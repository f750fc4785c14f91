/** A settable clock, so tests can jump past the 24-hour cancel window or a token's expiry. */
export interface OfflineClock {
  now(): Date;
  set(d: Date): void;
  advance(ms: number): void;
  /** Back to the underlying clock. */
  reset(): void;
}

export function createClock(base: () => Date = () => new Date()): OfflineClock {
  let offset = 0;
  return {
    now: () => new Date(base().getTime() + offset),
    set: (d) => {
      offset = d.getTime() - base().getTime();
    },
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}
