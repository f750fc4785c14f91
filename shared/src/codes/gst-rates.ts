/**
 * GST rates (combined, in percent) the IRP accepts in `ItemList[].GstRt` (error 2240 otherwise).
 * The long-standing list is 0, 0.1, 0.25, 0.5, 1, 1.5, 3, 5, 7.5, 12, 18, 28; 6 and 40 appear in
 * later rate notifications (40 from the 2025 rate rationalisation). We accept all of them rather than
 * block a clerk on a rate the IRP may well take.
 */
export const GST_RATES: readonly number[] = Object.freeze([0, 0.1, 0.25, 0.5, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40]);

/** True when `rate` is one of GST_RATES (exact to 3 decimals, the schema's precision). */
export function isGstRate(rate: number): boolean {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return false;
  return GST_RATES.some((r) => Math.abs(r - rate) < 0.0005);
}
