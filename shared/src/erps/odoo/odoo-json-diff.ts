/**
 * For tests (the real-server comparison and the fixture tests), never imported by product code.
 * Field-by-field comparison of the project's INV-01 with the JSON Odoo's own l10n_in_edi generates.
 * Keys are compared case-insensitively (Odoo sends `GSTIN`, `POS`; the NIC schema spells `Gstin`,
 * `Pos`; the IRP reads both). A field one side leaves out counts as its schema default (0, "N").
 * Money may differ within the IRP's tolerance of ±1 rupee (the IRP refuses a larger gap with error 2189).
 */
export interface FieldDiff {
  path: string;
  ours: unknown;
  odoo: unknown;
  /** Within tolerance (reported, not a failure), or a deliberate difference the test names. */
  kind: 'mismatch' | 'tolerated' | 'deliberate';
  why?: string;
}

/** Paths (lower-case, `[]` for any item) where the project deliberately differs from Odoo 17.0, and why. */
export type Deliberate = Record<string, string>;

const DEFAULTS: Record<string, unknown> = { igstonintra: 'N', regrev: 'N' };
const TOLERANCE = 1;
const QTY_OR_PRICE = /\.(qty|unitprice|gstrt|cesrt|statecesrt)$/;

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k.toLowerCase()}` : k.toLowerCase(), out);
  } else out.set(prefix, value);
}

const generic = (path: string) => path.replace(/\[\d+\]/g, '[]');
const leaf = (path: string) => path.slice(path.lastIndexOf('.') + 1);

function equalish(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return String(a ?? '') === String(b ?? '');
}

export function compareWithOdoo(ours: unknown, odoo: unknown, deliberate: Deliberate = {}): FieldDiff[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(ours, '', a);
  flatten(odoo, '', b);
  const diffs: FieldDiff[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const numeric = typeof a.get(path) === 'number' || typeof b.get(path) === 'number';
    const fallback = DEFAULTS[leaf(path)] ?? (numeric ? 0 : undefined);
    const x = a.has(path) ? a.get(path) : fallback;
    const y = b.has(path) ? b.get(path) : fallback;
    if (equalish(x, y)) continue;
    const why = deliberate[generic(path)] ?? deliberate[path];
    if (why) diffs.push({ path, ours: x, odoo: y, kind: 'deliberate', why });
    else if (numeric && !QTY_OR_PRICE.test(path) && Math.abs(Number(x) - Number(y)) <= TOLERANCE) diffs.push({ path, ours: x, odoo: y, kind: 'tolerated' });
    else if (numeric && QTY_OR_PRICE.test(path) && Math.abs(Number(x) - Number(y)) <= 0.001 * Math.max(1, Math.abs(Number(y)))) diffs.push({ path, ours: x, odoo: y, kind: 'tolerated' });
    else diffs.push({ path, ours: x, odoo: y, kind: 'mismatch' });
  }
  return diffs.sort((p, q) => p.path.localeCompare(q.path));
}

export function formatDiffs(title: string, diffs: FieldDiff[]): string {
  if (!diffs.length) return `${title}: identical`;
  const rows = diffs.map((d) => `  ${d.kind.padEnd(10)} ${d.path.padEnd(38)} ours=${JSON.stringify(d.ours)} odoo=${JSON.stringify(d.odoo)}${d.why ? `  (${d.why})` : ''}`);
  return `${title}:\n${rows.join('\n')}`;
}
