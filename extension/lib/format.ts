/** One way to write money and quantities in every IRN Bridge screen: ₹ 47,064.00 (Indian grouping, two decimals). */

export function formatRupees(v: number): string {
  const n = Number.isFinite(v) ? v : 0;
  const sign = n < 0 ? '−' : '';
  return `${sign}₹ ${Math.abs(n).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A quantity as the ERP shows it: no trailing zeros, Indian grouping. */
export function formatQty(v: number | undefined, unit?: string): string {
  if (v === undefined || !Number.isFinite(v)) return '';
  return `${v.toLocaleString('en-IN', { maximumFractionDigits: 3 })}${unit ? ` ${unit}` : ''}`;
}

/** A rate in percent: 18 → "18%", 2.5 → "2.5%". */
export function formatPercent(v: number): string {
  return `${Number(v).toLocaleString('en-IN', { maximumFractionDigits: 3 })}%`;
}

/**
 * The validator writes amounts as plain decimals ("46064.00"): the clerk reads them as ₹ 46,064.00.
 * Only numbers with exactly two decimals that are not a percentage are amounts there.
 */
export function rupeesInText(text: string): string {
  return text.replace(/(?<![\d.,₹])(-?\d+\.\d{2})(?![\d%])/g, (m) => formatRupees(Number(m)));
}
