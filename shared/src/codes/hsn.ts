/**
 * HSN/SAC codes, to catch an HSN the IRP would reject (2176) before sending.
 *
 * Matching rule: a 4- or 6-digit code is known only if it is in the master. An 8-digit code is known
 * if it is in the master, or if its 6-digit subheading is: the master lists many 8-digit tariff
 * lines but not all, and a wrong block costs a clerk more than a rejection by the IRP (which names
 * the code anyway). A bare 4-digit heading is not enough for an 8-digit code, or almost any number
 * would pass.
 */
import { HSN_DATA } from './hsn-data';

let known: Set<string> | null = null;

/** Decodes HSN_DATA once, on first use (about 19k entries). See scripts/gen-hsn.mjs for the format. */
function knownCodes(): Set<string> {
  if (known) return known;
  const set = new Set<string>();
  for (const block of HSN_DATA.split(';')) {
    const [head, ...subs] = block.split(':');
    const h = head.slice(0, 4);
    if (!head.endsWith('!')) set.add(h);
    for (const sub of subs) {
      const s = h + sub.slice(0, 2);
      let i = 2;
      if (sub.charAt(2) === '!') i = 3;
      else set.add(s);
      for (; i + 2 <= sub.length; i += 2) set.add(s + sub.slice(i, i + 2));
    }
  }
  known = set;
  return set;
}

/** True when `code` is exactly in the HSN/SAC master. */
export function isHsnInMaster(code: string): boolean {
  return typeof code === 'string' && knownCodes().has(code);
}

/** True when the IRP is expected to accept `code` as an HSN (rule above). */
export function isKnownHsn(code: string): boolean {
  if (typeof code !== 'string' || !/^(\d{4}|\d{6}|\d{8})$/.test(code)) return false;
  const set = knownCodes();
  if (set.has(code)) return true;
  return code.length === 8 && set.has(code.slice(0, 6));
}

/** SAC (services accounting) codes are the HSN chapter 99. */
export function isSacCode(code: string): boolean {
  return typeof code === 'string' && code.startsWith('99');
}

/** Number of codes in the master (for diagnostics). */
export function hsnMasterSize(): number {
  return knownCodes().size;
}
