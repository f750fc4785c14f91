/** Reading raw page values: numbers as ERPs print them, dates in the usual Indian forms, JSON paths. */
import type { RecipeParse, ValueKind } from './fields';

export type ParsedValue = { ok: true; value: string | number } | { ok: false; reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "₹ 1,23,456.50" → 123456.5; "(500.00)" and "−500" → -500; "18%" → 18. */
function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0,]/g, '').replace(/\u2212/g, '-');
  const m = /-?\d+(?:\.\d+)?/.exec(s);
  if (!m) return null;
  const n = Number(m[0]);
  if (!Number.isFinite(n)) return null;
  return /^\(.*\)$/.test(s) && n > 0 ? -n : n;
}

const pad = (n: number) => String(n).padStart(2, '0');
function dmy(d: number, m: number, y: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2999)) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCDate() === d ? `${pad(d)}/${pad(m)}/${y}` : null;
}
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** To INV-01's dd/mm/yyyy. Without an order: ISO (yyyy-mm-dd) first, then day-month-year, month names allowed. */
function parseDate(raw: string, order: 'dmy' | 'ymd' | 'auto'): string | null {
  const s = raw.trim();
  const nums = s.match(/\d+/g)?.map(Number) ?? [];
  if (order === 'ymd') return nums.length >= 3 ? dmy(nums[2], nums[1], nums[0]) : null;
  if (order === 'dmy') return nums.length >= 3 ? dmy(nums[0], nums[1], nums[2]) : null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (m) return dmy(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})\b/.exec(s);
  if (m) return dmy(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-,]+(\d{4})\b/.exec(s);
  if (m && monthOf(m[2])) return dmy(+m[1], monthOf(m[2]), +m[3]);
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (m && monthOf(m[1])) return dmy(+m[2], monthOf(m[1]), +m[3]);
  return null;
}

/**
 * One raw value → what the mapping uses: a number, a dd/mm/yyyy date, or trimmed text.
 * `parse` (from the recipe) overrides the field's own kind.
 */
export function readRecipeValue(raw: string | number | boolean, kind: ValueKind, parse?: RecipeParse): ParsedValue {
  const how = parse ?? (kind === 'date' ? 'date' : kind);
  if (how === 'text') return { ok: true, value: String(raw).replace(/\s+/g, ' ').trim() };
  if (how === 'number') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: 'is not a number' };
    const n = parseNumber(String(raw));
    return n === null ? { ok: false, reason: 'is not a number' } : { ok: true, value: n };
  }
  const order = how === 'date-dmy' ? 'dmy' : how === 'date-ymd' ? 'ymd' : 'auto';
  const d = parseDate(String(raw), order);
  return d === null ? { ok: false, reason: `is not a date${order === 'auto' ? '' : ` in ${order === 'dmy' ? 'day-month-year' : 'year-month-day'} order`}` } : { ok: true, value: d };
}

/**
 * A JSON pointer (`/data/items/0/qty`, RFC 6901) or a dot path (`data.items[0].qty`, `data.items.0.qty`).
 * `''` or `/` or `.` is the value itself. Undefined when any step is missing.
 */
export function readJsonPath(value: unknown, path: string): unknown {
  let steps: string[];
  if (path === '' || path === '/' || path === '.') return value;
  if (path.startsWith('/')) steps = path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  else steps = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
  let cur: unknown = value;
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}
