/**
 * GSTIN format and checksum. Cheap enough to run on every keystroke (no allocation beyond a few
 * strings, no regex backtracking).
 */
import { STATES } from './codes/states';

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The strict shape of a regular GSTIN: state code, PAN (5 letters, 4 digits, 1 letter), entity
 * number, the letter Z, check character. The IRP schema itself only enforces
 * `[0-9]{2}[0-9A-Z]{13}`; we are stricter because a typo is far more likely than an exotic GSTIN.
 */
export const GSTIN_PATTERN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
/** What the IRP schema accepts for a GSTIN field. */
export const GSTIN_SCHEMA_PATTERN = /^[0-9]{2}[0-9A-Z]{13}$/;

/**
 * GSTINs used in NIC's sandbox samples: they fail the checksum, yet the sandbox accepts them.
 * Accepted only when a caller opts in (`allowSandboxGstins`).
 */
export const NIC_SANDBOX_TEST_GSTINS: readonly string[] = Object.freeze([
  '29AWGPV7107B1Z1',
  '37ARZPT4384Q1MT',
  '02AMBPG7773M002',
  '36AMBPG7773M002',
  '29AKLPM8755F1Z2',
  '29AABCT1332L000',
  // The same sandbox company appears under state 01 in the IRP's signed sample response.
  '01AMBPG7773M002',
]);

/** The check character for the first 14 characters of a GSTIN (Luhn mod 36 variant). */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = CHARSET.indexOf(first14.charAt(i));
    if (v < 0) throw new Error('A GSTIN contains only digits and capital letters');
    const p = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return CHARSET.charAt((36 - (sum % 36)) % 36);
}

/** True when `g` is 15 valid characters whose last one is the right check character. */
export function hasValidGstinChecksum(g: string): boolean {
  if (typeof g !== 'string' || g.length !== 15 || !GSTIN_SCHEMA_PATTERN.test(g)) return false;
  return gstinCheckChar(g.slice(0, 14)) === g.charAt(14);
}

export type GstinCheck =
  | { ok: true }
  | { ok: false; reason: 'format' | 'checksum' | 'state'; message: string; hint: string };

/**
 * Checks a GSTIN typed or read from an ERP, explaining any problem in a clerk's words. The 15 characters must
 * be digits and capitals with a known state code and a valid check character.
 */
export function checkGstin(g: string, opts: { allowSandboxGstins?: boolean } = {}): GstinCheck {
  if (typeof g !== 'string' || g.length === 0) {
    return { ok: false, reason: 'format', message: 'The GSTIN is empty.', hint: 'Enter the 15-character GSTIN.' };
  }
  if (opts.allowSandboxGstins && NIC_SANDBOX_TEST_GSTINS.includes(g)) return { ok: true };
  if (g.length !== 15) {
    return {
      ok: false,
      reason: 'format',
      message: `A GSTIN has 15 characters; this one has ${g.length}.`,
      hint: g.length > 15 ? 'Remove the extra characters or spaces.' : 'Check for missing characters.',
    };
  }
  if (g !== g.toUpperCase() && GSTIN_PATTERN.test(g.toUpperCase())) {
    return { ok: false, reason: 'format', message: 'The GSTIN has lower-case letters.', hint: 'Type it in capital letters.' };
  }
  const notAGstin = {
    ok: false as const,
    reason: 'format' as const,
    message: 'This does not look like a GSTIN.',
    hint: 'A GSTIN is 2 digits (state), the 10-character PAN, 1 character, the letter Z and 1 check character, e.g. 29AAACP7879D1Z0.',
  };
  if (!GSTIN_SCHEMA_PATTERN.test(g)) return notAGstin;
  const stateCode = g.slice(0, 2);
  // 96 (other country) never starts a GSTIN; 97 (other territory) and 99 (centre jurisdiction) do.
  if (!Object.prototype.hasOwnProperty.call(STATES, stateCode) || stateCode === '96') {
    return {
      ok: false,
      reason: 'state',
      message: `The GSTIN starts with ${stateCode}, which is not an Indian state code.`,
      hint: 'The first two digits are the state code of the registration, e.g. 29 for Karnataka.',
    };
  }
  const expected = gstinCheckChar(g.slice(0, 14));
  if (expected !== g.charAt(14)) {
    // Off the regular shape as well: more likely a garbled entry than one wrong character.
    if (!GSTIN_PATTERN.test(g)) return notAGstin;
    return {
      ok: false,
      reason: 'checksum',
      message: 'The GSTIN has a typing mistake: its check character does not match.',
      hint: `Check the other characters against the registration certificate. If they are right, the last character should be ${expected}.`,
    };
  }
  // Registrations other than regular taxpayers (TCS, TDS, UIN, non-resident) have other shapes
  // but the same checksum, so a valid checksum is accepted even off the regular pattern.
  return { ok: true };
}
