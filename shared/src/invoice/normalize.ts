/**
 * The IRP matches JSON keys case-insensitively (Odoo sends `GSTIN` and `POS`, IC sends `Cnlrsn`).
 * normalizeInvoiceKeys rewrites every key that case-insensitively equals a known INV-01 key to the
 * canonical spelling, section by section, so the rest of the code can read `BuyerDtls.Gstin`.
 * Unknown keys are kept as they are (the validator reports them). It only descends into known
 * sections, so depth is bounded by the schema however deep the input is.
 */
import { INV01_SCHEMA, type FieldSpec, type ObjSpec } from './schema';

const canonicalMaps = new WeakMap<ObjSpec, Map<string, string>>();

function canonicalOf(spec: ObjSpec): Map<string, string> {
  let m = canonicalMaps.get(spec);
  if (!m) {
    m = new Map(Object.keys(spec.fields).map((k) => [k.toLowerCase(), k]));
    canonicalMaps.set(spec, m);
  }
  return m;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * An own data property. Assigned, which keeps the copy a fast-properties object (defining every key
 * was 19 % of a request's validation time, issue 12), except `__proto__`, which assignment would
 * treat as the prototype: that one is defined, so it stays a harmless data property.
 */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalizeValue(value: unknown, spec: FieldSpec | undefined): unknown {
  if (!spec) return value;
  if (spec.t === 'obj') return isPlainRecord(value) ? normalizeObject(value, spec) : value;
  if (spec.t === 'arr') return Array.isArray(value) ? value.map((v) => normalizeValue(v, spec.of)) : value;
  return value;
}

function normalizeObject(raw: Record<string, unknown>, spec: ObjSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(raw);
  // Usually every key is already spelled as INV-01 spells it (or is unknown in any case): no lower-casing.
  if (keys.every((k) => own(spec.fields, k) || !canonicalOf(spec).has(k.toLowerCase()))) {
    for (const key of keys) put(out, key, normalizeValue(raw[key], own(spec.fields, key) ? spec.fields[key] : undefined));
    return out;
  }
  const canon = canonicalOf(spec);
  // Exact spellings first, so `{"Gstin": a, "GSTIN": b}` keeps a and leaves GSTIN as an unknown key.
  const taken = new Set(keys.filter((k) => own(spec.fields, k)));
  for (const key of keys) {
    const canonical = own(spec.fields, key) ? key : canon.get(key.toLowerCase());
    const target = canonical && (canonical === key || !taken.has(canonical)) ? canonical : key;
    if (canonical && target === canonical) taken.add(canonical);
    put(out, target, normalizeValue(raw[key], target === canonical ? spec.fields[canonical] : undefined));
  }
  return out;
}

/**
 * The invoices this function has produced. An invoice passes through it several times on one request
 * (the API route, the generation service, validateInvoice); its own output is already canonical.
 */
const normalized = new WeakSet<object>();

/**
 * Returns a copy of `raw` with known INV-01 keys spelled canonically (or `raw` itself when it is
 * already this function's output); non-objects are returned unchanged.
 */
export function normalizeInvoiceKeys(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  if (normalized.has(raw)) return raw;
  const out = normalizeObject(raw, INV01_SCHEMA);
  normalized.add(out);
  return out;
}
