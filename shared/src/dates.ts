/**
 * Date helpers in Indian Standard Time. Every time the IRP sends or expects (AckDt, TokenExpiry,
 * CancelDate, document dates) is IST (UTC+05:30), whatever zone the machine runs in, so nothing
 * here uses the local zone: we shift by the fixed offset and read the UTC fields.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

export interface CalendarDay {
  day: number;
  month: number;
  year: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` in IST, the IRP's timestamp format. */
export function formatIstDateTime(d: Date): string {
  const t = new Date(d.getTime() + IST_OFFSET_MS);
  return (
    `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())} ` +
    `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`
  );
}

/** `dd/MM/yyyy hh:mm:ss AM` in IST, as the e-way bill system writes a cancel date. */
export function formatIstEwbDateTime(d: Date): string {
  const t = new Date(d.getTime() + IST_OFFSET_MS);
  const h = t.getUTCHours();
  return `${pad2(t.getUTCDate())}/${pad2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ` +
    `${pad2(h % 12 || 12)}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `dd/mm/yyyy` of the IST calendar day containing `d`. */
export function formatIstDocDate(d: Date): string {
  const { day, month, year } = istToday(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

const IST_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses an IRP timestamp (`yyyy-MM-dd HH:mm:ss`, IST; seconds optional, `T` separator tolerated).
 * Throws an Error on anything else, including impossible dates like 2023-02-30.
 */
export function parseIstDateTime(s: string): Date {
  const m = typeof s === 'string' ? IST_DATETIME.exec(s.trim()) : null;
  if (!m) throw new Error(`Not an IRP date-time (expected yyyy-MM-dd HH:mm:ss): ${String(s).slice(0, 40)}`);
  const [year, month, day, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (!isRealDay(day, month, year) || hh > 23 || mm > 59 || ss > 59) {
    throw new Error(`Not a real date-time: ${s}`);
  }
  return new Date(Date.UTC(year, month - 1, day, hh, mm, ss) - IST_OFFSET_MS);
}

function isRealDay(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const DOC_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Strict `dd/mm/yyyy` (two-digit day and month, four-digit year, a real calendar day), else null. */
export function parseDocDate(s: string): CalendarDay | null {
  if (typeof s !== 'string') return null;
  const m = DOC_DATE.exec(s);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  return isRealDay(day, month, year) ? { day, month, year } : null;
}

/** `dd/mm/yyyy` → `yyyy-mm-dd`, or null when the date is not valid. */
export function docDateToIsoDay(s: string): string | null {
  const d = parseDocDate(s);
  return d ? `${d.year}-${pad2(d.month)}-${pad2(d.day)}` : null;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`, or null when the date is not valid. */
export function isoDayToDocDate(s: string): string | null {
  const m = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(day, month, year) ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** The calendar day in India at instant `now`. */
export function istToday(now: Date = new Date()): CalendarDay {
  const t = new Date(now.getTime() + IST_OFFSET_MS);
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear() };
}

function dayNumber(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

/**
 * Days from today (in India) to the document date: negative = past, 0 = today, positive = future.
 * NaN when `docDate` is not a valid `dd/mm/yyyy` date.
 */
export function compareDocDateToToday(docDate: string | CalendarDay, now: Date = new Date()): number {
  const d = typeof docDate === 'string' ? parseDocDate(docDate) : docDate;
  if (!d) return NaN;
  return dayNumber(d) - dayNumber(istToday(now));
}

/** Whole days from `a` to `b` (both `dd/mm/yyyy`), NaN if either is invalid. */
export function daysBetweenDocDates(a: string, b: string): number {
  const da = parseDocDate(a);
  const db = parseDocDate(b);
  if (!da || !db) return NaN;
  return dayNumber(db) - dayNumber(da);
}
