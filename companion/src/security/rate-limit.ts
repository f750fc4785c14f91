/**
 * Fixed-window counters, one per source (a browser extension's Origin, or "local" for every other
 * process), so that one noisy caller cannot lock out another. `since` ignores hits made before an
 * instant: pairing passes the newest code's creation time, so a code just made by `irn-bridge pair`
 * can always be tried, whatever was sent before it.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Records a hit for `source`; false when its window is already full. */
  take(source = '', since = 0): boolean {
    const t = this.now();
    const recent = (this.hits.get(source) ?? []).filter((h) => t - h < this.windowMs && h >= since);
    if (recent.length >= this.max) {
      this.hits.set(source, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(source, recent);
    if (this.hits.size > 1000) this.hits.delete(this.hits.keys().next().value as string); // bounded memory
    return true;
  }
}
