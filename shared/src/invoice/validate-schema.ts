/**
 * The schema part of validation: types, required fields, lengths, patterns, enums and number
 * ranges of INV-01 v1.1 (see schema.ts). Business rules are in validate-rules.ts.
 */
import type { ArrSpec, FieldSpec, NumSpec, ObjSpec, StrSpec } from './schema';
import { SECTION_NAMES } from './schema';
import type { IssueCollector } from './collector';
import { parseDocDate } from '../dates';

/** How many unknown-field warnings to report before going quiet. */
const MAX_UNKNOWN_KEY_WARNINGS = 20;

export interface SchemaWalkOptions {
  maxItems: number;
}

interface WalkState {
  c: IssueCollector;
  opts: SchemaWalkOptions;
  unknownKeys: number;
}

const own = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function describe(path: string): string {
  const section = path.split(/[.[]/)[0];
  const name = SECTION_NAMES[section];
  return name ? `${path} (${name})` : path;
}

function kindOf(v: unknown): string {
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return Number.isFinite(v) ? 'a number' : 'not a valid number';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Specific IRP codes for some schema failures; SCHEMA otherwise. */
function codeFor(path: string, fallback = 'SCHEMA'): string {
  if (path === 'DocDtls.Dt') return '2144';
  return fallback;
}

function checkString(v: unknown, spec: StrSpec, path: string, st: WalkState): void {
  const { c } = st;
  if (v === null && spec.nullable) return;
  if (typeof v !== 'string') {
    const asText = typeof v === 'number' && Number.isFinite(v) ? ` Write it as text: "${v}".` : '';
    c.add(path, codeFor(path), `${describe(path)} must be text, but it is ${kindOf(v)}.`, `Enter it as text (in quotes in JSON).${asText}`);
    return;
  }
  if (spec.date) {
    if (!parseDocDate(v)) {
      c.add(path, codeFor(path), `${describe(path)} is not a valid date in the form dd/mm/yyyy.`, 'Write the date as day/month/year with two-digit day and month, e.g. 05/04/2026.');
    }
    return;
  }
  if (spec.min !== undefined && v.length < spec.min) {
    const msg = v.length === 0 ? `${describe(path)} is empty.` : `${describe(path)} is too short: at least ${spec.min} characters are needed, it has ${v.length}.`;
    c.add(path, codeFor(path), msg, v.length === 0 ? 'Fill it in, or leave the field out if it is optional.' : `Enter at least ${spec.min} characters.`);
    return;
  }
  if (spec.max !== undefined && v.length > spec.max) {
    c.add(path, codeFor(path), `${describe(path)} is too long: at most ${spec.max} characters are allowed, it has ${v.length}.`, `Shorten it to ${spec.max} characters.`);
    return;
  }
  if (spec.enum) {
    const ok = spec.ci ? spec.enum.some((e) => e.toUpperCase() === v.toUpperCase()) : spec.enum.includes(v);
    if (!ok) {
      const shown = v.length > 20 ? v.slice(0, 20) + '…' : v;
      c.add(path, codeFor(path), `${describe(path)} has the value "${shown}", which the IRP does not accept.`, `Use one of: ${spec.enum.join(', ')}.`);
    }
    return;
  }
  if (spec.noDq && v.includes('"')) {
    c.add(path, codeFor(path), `${describe(path)} contains a double quote ("), which the IRP does not allow.`, 'Remove the double quotes or use single quotes instead.');
    return;
  }
  if (spec.pattern && !spec.pattern.test(v)) {
    c.add(path, codeFor(path), `${describe(path)} is not in the form the IRP expects.`, `It should be ${spec.patternHint ?? 'in the documented form'}.`);
  }
}

function checkNumber(v: unknown, spec: NumSpec, path: string, st: WalkState): void {
  const { c } = st;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    const looksNumeric = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
    c.add(path, codeFor(path), `${describe(path)} must be a number, but it is ${kindOf(v)}.`, looksNumeric ? `Send it as a number without quotes: ${Number(v)}.` : 'Enter a number.');
    return;
  }
  if (spec.min !== undefined && v < spec.min) {
    const hint = spec.min === 0 ? 'Amounts are always positive in INV-01, also on credit notes.' : `Enter a value of at least ${spec.min}.`;
    c.add(path, codeFor(path), `${describe(path)} is ${v}; it must be at least ${spec.min}.`, hint);
  } else if (spec.max !== undefined && v > spec.max) {
    c.add(path, codeFor(path), `${describe(path)} is ${v}; it must be at most ${spec.max}.`, 'Check the value: it is larger than the IRP allows.');
  }
}

function checkArray(v: unknown, spec: ArrSpec, path: string, st: WalkState): void {
  const { c } = st;
  if (!Array.isArray(v)) {
    c.add(path, codeFor(path), `${describe(path)} must be a list, but it is ${kindOf(v)}.`, 'Send it as a JSON array [ ... ].');
    return;
  }
  const limit = path === 'ItemList' ? st.opts.maxItems : 1000;
  const n = Math.min(v.length, limit);
  for (let i = 0; i < n; i++) checkObject(v[i], spec.of, `${path}[${i}]`, st);
}

export function checkField(v: unknown, spec: FieldSpec, path: string, st: WalkState): void {
  if (spec.t === 'str') checkString(v, spec, path, st);
  else if (spec.t === 'num') checkNumber(v, spec, path, st);
  else if (spec.t === 'arr') checkArray(v, spec, path, st);
  else checkObject(v, spec, path, st);
}

function checkObject(v: unknown, spec: ObjSpec, path: string, st: WalkState): void {
  const { c } = st;
  const label = path === '' ? 'The invoice' : describe(path);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    c.add(path, 'SCHEMA', `${label} must be an object, but it is ${kindOf(v)}.`, 'Send it as a JSON object { ... }.');
    return;
  }
  const o = v as Record<string, unknown>;
  for (const [key, fieldSpec] of Object.entries(spec.fields)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const present = own(o, key) && o[key] !== undefined && !(o[key] === null && !(fieldSpec.t === 'str' && fieldSpec.nullable));
    if (!present) {
      if (fieldSpec.req) {
        const code = fieldPath === 'ItemList' ? '2228' : 'SCHEMA';
        c.add(fieldPath, code, `${describe(fieldPath)} is missing.`, 'This field is required by the IRP: fill it in.');
      }
      continue;
    }
    checkField(o[key], fieldSpec, fieldPath, st);
  }
  for (const key of Object.keys(o)) {
    if (own(spec.fields, key)) continue;
    if (st.unknownKeys++ >= MAX_UNKNOWN_KEY_WARNINGS) continue;
    const shown = key.length > 40 ? key.slice(0, 40) + '…' : key;
    const where = path ? ` in ${describe(path)}` : '';
    c.warn(path ? `${path}.${shown}` : shown, 'SCHEMA', `"${shown}"${where} is not an INV-01 field.`, 'Check the spelling; the IRP does not use this field.');
  }
}

/** Checks `invoice` (already key-normalised) against the INV-01 schema. */
export function checkSchema(invoice: unknown, spec: ObjSpec, c: IssueCollector, opts: SchemaWalkOptions): void {
  checkObject(invoice, spec, '', { c, opts, unknownKeys: 0 });
}
