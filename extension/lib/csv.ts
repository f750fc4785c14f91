/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field holding a comma,
 * a quote, CR or LF enclosed in double quotes with its quotes doubled. Text that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or CR, OWASP's "CSV injection" list) gets a
 * leading apostrophe; numbers we computed are written as numbers.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
