/** Numbers as India Compliance reads and rounds them. */

/** A number from an ERP field that may be null, a string or missing. */
export function num(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

/**
 * Frappe's `rounded(value, precision)` (frappe/utils/data.py `_bankers_rounding`, the method of a new
 * v15 site's System Settings): the value is first cut to 12 decimals of the target unit, then an exact
 * half goes to the even neighbour. India Compliance rounds every e-invoice figure this way.
 */
export function icRound(value: number, precision: number): number {
  if (!Number.isFinite(value)) return 0;
  const m = 10 ** precision;
  const n = Number((value * m).toFixed(12));
  if (n === 0) return 0;
  const floor = Math.floor(n);
  const epsilon = 2 ** (Math.log2(Math.abs(n)) - 52);
  const r = Math.abs(n - floor - 0.5) < epsilon ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(n);
  const out = r / m;
  return out === 0 ? 0 : out; // no -0 in the JSON
}
