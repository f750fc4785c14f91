/**
 * GST state codes as the IRP knows them (EINVOICE_SCHEMA state list). INV-01 writes them as strings;
 * the leading zero is optional ("9" and "09" are both accepted), so compare with normalizeStateCode.
 */
export const STATES: Readonly<Record<string, string>> = Object.freeze({
  '01': 'Jammu & Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  '25': 'Daman & Diu',
  '26': 'Dadra & Nagar Haveli',
  '27': 'Maharashtra',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman & Nicobar',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
  '96': 'Other Country',
  '97': 'Other Territory',
  '99': 'Centre Jurisdiction',
});

/** The state code for a place outside India (exports). */
export const OTHER_COUNTRY_STATE_CODE = '96';

/**
 * "9" → "09", "29" → "29", 29 → "29". Returns null when the value is not one or two digits.
 * The result is not checked against the list: use isStateCode for that.
 */
export function normalizeStateCode(code: string | number): string | null {
  const s = typeof code === 'number' ? (Number.isInteger(code) ? String(code) : '') : String(code ?? '').trim();
  if (!/^[0-9]{1,2}$/.test(s)) return null;
  return s.padStart(2, '0');
}

/** True for a code in the IRP's state list ("9" and "09" alike). */
export function isStateCode(code: string | number): boolean {
  const n = normalizeStateCode(code);
  return n !== null && Object.prototype.hasOwnProperty.call(STATES, n);
}

/** The state's name, or null for an unknown code. */
export function stateName(code: string | number): string | null {
  const n = normalizeStateCode(code);
  return n !== null && Object.prototype.hasOwnProperty.call(STATES, n) ? STATES[n] : null;
}
