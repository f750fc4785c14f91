/**
 * Field-by-field comparison of the project's INV-01 with India Compliance's for the same invoice
 * (used by the real-server test test/real/erpnext/mapping.test.ts and by the captured fixtures' test).
 * Amounts agree within the IRP's ±1 rupee tolerance (beyond it the IRP answers 2189); codes, texts and counts must be
 * equal. A field one side leaves out counts as 0 when the other side has 0 there (India Compliance's
 * `sanitize_data` keeps zeros but drops empty values). Every deliberate difference is named below.
 */
import { AMOUNT_TOLERANCE } from '../../invoice/rule-helpers';

export interface DeliberateDifference {
  /** Matches flattened paths such as `BuyerDtls.TrdNm` or `ItemList[0].BchDtls.Nm`. */
  path: RegExp;
  why: string;
}

/** What the project leaves out or adds on purpose, with the reason (docs/erps/erpnext.md lists them). */
export const DELIBERATE_DIFFERENCES: readonly DeliberateDifference[] = [
  { path: /^(SellerDtls|BuyerDtls|ShipDtls)\.TrdNm$/, why: 'India Compliance repeats the legal name as trade name; ERPNext holds no trade name, so the project leaves the optional field out.' },
  { path: /^PayDtls\./, why: 'payment details (outstanding amount, credit days) are optional and change after registration; the project does not send them.' },
  { path: /^EwbDtls\./, why: 'India Compliance asks for an e-way bill with the IRN above its threshold; the project generates e-way bills as a separate step (panel: E-way bill).' },
  { path: /^TranDtls\.IgstOnIntra$/, why: 'the project flags IGST charged within one state (IgstOnIntra=Y), which the IRP needs to accept such an invoice (error 2172 otherwise); India Compliance never sends it.' },
  { path: /^(SellerDtls|BuyerDtls)\.(Ph|Em)$/, why: "the project sends the address's phone and e-mail when they are valid; India Compliance does not." },
  { path: /^ItemList\[\d+\]\.(BchDtls\..*|PrdSlNo)$/, why: 'batch and serial numbers are not read by the project.' },
];

export interface Row {
  path: string;
  ours: unknown;
  theirs: unknown;
  verdict: 'equal' | 'within tolerance' | 'DIFFERENT' | 'deliberate';
  note?: string;
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(v)) v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  else if (v !== undefined && v !== null && v !== '') out.set(prefix, v);
  return out;
}

/** Quantities and unit prices have 3 decimals, amounts 2; both within the IRP's amount tolerance. */
function numericVerdict(a: number, b: number): Row['verdict'] {
  if (Math.abs(a - b) < 0.0005) return 'equal';
  return Math.abs(a - b) <= AMOUNT_TOLERANCE ? 'within tolerance' : 'DIFFERENT';
}

export function compareInvoices(ours: unknown, theirs: unknown): Row[] {
  const a = flatten(ours, '', new Map());
  const b = flatten(theirs, '', new Map());
  const rows: Row[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(path);
    const y = b.get(path);
    const deliberate = DELIBERATE_DIFFERENCES.find((d) => d.path.test(path));
    let verdict: Row['verdict'];
    if (typeof x === 'number' || typeof y === 'number') {
      const nx = typeof x === 'number' ? x : x === undefined ? 0 : Number.NaN;
      const ny = typeof y === 'number' ? y : y === undefined ? 0 : Number.NaN;
      verdict = Number.isNaN(nx) || Number.isNaN(ny) ? 'DIFFERENT' : numericVerdict(nx, ny);
    } else {
      verdict = x === y ? 'equal' : 'DIFFERENT';
    }
    if (verdict === 'DIFFERENT' && deliberate) rows.push({ path, ours: x, theirs: y, verdict: 'deliberate', note: deliberate.why });
    else rows.push({ path, ours: x, theirs: y, verdict });
  }
  return rows;
}

/** The rows that are not equal, as a table to print when a comparison fails (or to log). */
export function formatRows(title: string, rows: Row[]): string {
  const shown = rows.filter((r) => r.verdict !== 'equal');
  const cell = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
  const lines = shown.map((r) => `  ${r.verdict.padEnd(16)} ${r.path.padEnd(34)} ours ${cell(r.ours).padEnd(22)} India Compliance ${cell(r.theirs)}`);
  return `${title}: ${rows.length - shown.length}/${rows.length} fields equal${lines.length ? '\n' + lines.join('\n') : ''}`;
}
