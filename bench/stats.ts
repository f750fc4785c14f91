/** Latency and throughput figures from raw samples (milliseconds). */

export interface Summary {
  /** Invoices completed (successes only). */
  n: number;
  errors: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples (q in 0..1). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 0.5);
}

export function summarize(latencies: number[], wallMs: number, errors = 0): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    errors,
    wallMs: round(wallMs),
    perSecond: round(wallMs > 0 ? (sorted.length * 1000) / wallMs : 0),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export const round = (x: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
