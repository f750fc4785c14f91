/** Small helpers shared by the ERP mappings: rounding, dates, text clean-up, units. */
import type { ValidationIssue } from '../invoice/issue';

/** Round half away from zero at `digits` decimals, without binary-float surprises (1.005 → 1.01). */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const sign = value < 0 ? -1 : 1;
  const r = Number(`${Math.round(Number(`${Math.abs(value)}e${digits}`))}e-${digits}`) * sign;
  return r === 0 ? 0 : r; // no -0 in the JSON
}
/** Money: 2 decimals, as the IRP wants. */
export const round2 = (v: number) => roundTo(v, 2);
/** Quantities and unit prices: 3 decimals. */
export const round3 = (v: number) => roundTo(v, 3);

/** A number from an ERP field that may be null, false, a string or missing. */
export function num(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

/** `yyyy-mm-dd` (or an ISO timestamp) → `dd/mm/yyyy`; anything else → '' (the validator then names the field). */
export function toIrpDate(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * Text for an INV-01 string field: trimmed, inner whitespace collapsed, double quotes (forbidden by the
 * schema) turned into single ones, cut to `max`. Empty → undefined, so optional fields are left out.
 */
export function text(value: unknown, max = 100): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).replace(/\s+/g, ' ').replace(/"/g, "'").trim().slice(0, max).trim();
  return s === '' ? undefined : s;
}

/** An optional field with a minimum length: dropped rather than sent too short. */
export function optionalText(value: unknown, min: number, max = 100): string | undefined {
  const s = text(value, max);
  return s !== undefined && s.length >= min ? s : undefined;
}

/** PIN code as the number INV-01 wants; 0 when missing (the validator flags it). */
export function pin(value: unknown): number {
  const digits = typeof value === 'number' ? String(value) : String(value ?? '').replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? Number(digits) : 0;
}

/** Phone: digits only, 6–12 of them (the last 12 when longer, dropping a country prefix). */
export function phone(value: unknown): string | undefined {
  const digits = String(value ?? '').replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  return digits.length > 12 ? digits.slice(-12) : digits;
}

export function email(value: unknown): string | undefined {
  const s = typeof value === 'string' ? value.trim() : '';
  return /^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$/.test(s) && s.length >= 6 && s.length <= 100 ? s : undefined;
}

/** The two-digit state code at the start of a GSTIN, or of ERPNext's "37-Andhra Pradesh". */
export function leadingStateCode(value: unknown): string {
  const m = typeof value === 'string' ? /^\s*(\d{1,2})\b/.exec(value) : null;
  return m ? m[1].padStart(2, '0') : '';
}

/** HSN/SAC: digits only ("0910 30 20" → "09103020"). Services' SAC codes start with 99. */
export function hsn(value: unknown): string {
  return String(value ?? '').replace(/[\s.]/g, '');
}
export const isServiceHsn = (code: string) => code.startsWith('99');

/**
 * Common unit names as ERPs spell them → the IRP's UQC. Keys are lower-case, without dots or spaces.
 * An ERP unit not listed here (and not itself a UQC) becomes OTH, with a warning.
 */
const UNIT_ALIASES: Record<string, string> = {
  nos: 'NOS', no: 'NOS', number: 'NOS', numbers: 'NOS', unit: 'UNT', units: 'UNT', piece: 'PCS', pieces: 'PCS',
  pcs: 'PCS', pc: 'PCS', kg: 'KGS', kgs: 'KGS', kilogram: 'KGS', kilograms: 'KGS', gram: 'GMS', grams: 'GMS',
  g: 'GMS', gm: 'GMS', gms: 'GMS', tonne: 'TON', tonnes: 'TON', ton: 'TON', metricton: 'MTS', quintal: 'QTL',
  litre: 'LTR', liter: 'LTR', litres: 'LTR', liters: 'LTR', l: 'LTR', ltr: 'LTR', millilitre: 'MLT',
  milliliter: 'MLT', ml: 'MLT', kilolitre: 'KLR', meter: 'MTR', metre: 'MTR', meters: 'MTR', metres: 'MTR',
  m: 'MTR', centimeter: 'CMS', centimetre: 'CMS', cm: 'CMS', kilometer: 'KME', kilometre: 'KME', km: 'KME',
  box: 'BOX', boxes: 'BOX', bag: 'BAG', bags: 'BAG', bottle: 'BTL', bottles: 'BTL', can: 'CAN', cans: 'CAN',
  carton: 'CTN', cartons: 'CTN', dozen: 'DOZ', dozens: 'DOZ', drum: 'DRM', pack: 'PAC', packs: 'PAC',
  packet: 'PAC', packets: 'PAC', pair: 'PRS', pairs: 'PRS', set: 'SET', sets: 'SET', roll: 'ROL', rolls: 'ROL',
  tube: 'TUB', tubes: 'TUB', tablet: 'TBS', tablets: 'TBS', bundle: 'BDL', bundles: 'BDL', bale: 'BAL',
  squarefoot: 'SQF', squarefeet: 'SQF', sqft: 'SQF', squaremeter: 'SQM', squaremetre: 'SQM', sqm: 'SQM',
  squareyard: 'SQY', cubicmeter: 'CBM', cubicmetre: 'CBM', yard: 'YDS', yards: 'YDS', gross: 'GRS',
  thousand: 'THD', thousands: 'THD',
};

/** Whether `code` is one of the IRP's UQCs (kept local so the mapping needs no other module's state). */
const UQC = new Set(
  'BAG BAL BDL BKL BOU BOX BTL BUN CAN CBM CCM CMS CTN DOZ DRM GGK GMS GRS GYD KGS KLR KME LTR MLS MLT MTR MTS NOS OTH PAC PCS PRS QTL ROL SET SQF SQM SQY TBS TGM THD TON TUB UGS UNT YDS'.split(
    ' ',
  ),
);

/** ERP unit name (or an "NOS-NUMBERS" style code) → UQC, or null when unknown. */
export function unitCode(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return null;
  const head = name.trim().split(/[-\s]/)[0].toUpperCase();
  if (UQC.has(head)) return head;
  const key = name.toLowerCase().replace(/[\s.()]/g, '');
  return UNIT_ALIASES[key] ?? null;
}

/** Collects mapping problems (data the ERP did not give) in the validator's shape. */
export class MappingIssues {
  constructor(readonly list: ValidationIssue[] = []) {}
  error(path: string, message: string, hint?: string): void {
    this.list.push({ path, code: 'ERP_MAPPING', message, ...(hint ? { hint } : {}), severity: 'error' });
  }
  warning(path: string, message: string, hint?: string): void {
    this.list.push({ path, code: 'ERP_MAPPING', message, ...(hint ? { hint } : {}), severity: 'warning' });
  }
}
