/**
 * validateInvoice under hostile input: every field of a valid invoice mutated in turn, generated
 * JSON, JSON text with `1e999` and `__proto__`, deep nesting and huge strings and arrays. It must
 * never throw, never change its input or Object.prototype, and name the field of every problem.
 * Seeded: IRNB_SEED=<seed> reproduces a failing run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateInvoice, hasBlockingIssues } from '@irn-bridge/shared/invoice/validate';
import type { ValidationIssue } from '@irn-bridge/shared/invoice/issue';
import { makeInvoice } from '../support/invoices';
import { RUNS, SEED, prototypeKeys } from './support';

type Json = any;
type Path = (string | number)[];

const fmt = (p: Path) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** Every path of the valid invoice: objects, arrays and leaves. */
function pathsOf(v: Json, prefix: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [...(prefix.length ? [prefix] : []), ...keys.flatMap((k) => pathsOf(v[k], [...prefix, k]))];
}

function withValue(inv: Json, path: Path, value: unknown, remove = false): Json {
  const copy = structuredClone(inv);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(o)) o.splice(last as number, 1);
    else delete o[last];
  } else Object.defineProperty(o, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function assertWellFormed(issues: ValidationIssue[], what: string): void {
  assert.ok(Array.isArray(issues), what);
  assert.ok(issues.length <= 501, `${what}: the report is capped`);
  for (const i of issues) {
    assert.equal(typeof i.path, 'string', what);
    assert.equal(typeof i.code, 'string', what);
    assert.ok(typeof i.message === 'string' && i.message.length > 0, what);
    assert.ok(i.severity === 'error' || i.severity === 'warning', what);
  }
}

/**
 * Each blocking issue of an object invoice names a field (only the cap's summary line may not).
 * Warnings are exempt: an unknown key spelled "" is rightly reported at the path "".
 */
function assertPathsNamed(issues: ValidationIssue[], what: string): void {
  for (const i of issues) {
    if (i.code === 'TOO_MANY_ISSUES' || i.severity === 'warning') continue;
    assert.ok(i.path.length > 0, `${what}: issue without a field: ${JSON.stringify(i)}`);
  }
}

const parentOf = (p: Path) => fmt(p.slice(0, -1));
const overlaps = (a: string, b: string) => a === b || a.startsWith(b + '.') || a.startsWith(b + '[') || b.startsWith(a + '.') || b.startsWith(a + '[');

const HOSTILE_VALUES: [string, unknown][] = [
  ['null', null], ['true', true], ['zero', 0], ['-0', -0], ['-1', -1], ['1e308', 1e308], ['Infinity (1e999)', JSON.parse('1e999')],
  ['-Infinity', JSON.parse('-1e999')], ['NaN', NaN], ['empty text', ''], ['text', 'x'], ['long text', 'Ω'.repeat(10_000)],
  ['digits as text', '123.45'], ['list', [1, 'a', null]], ['empty object', {}],
  ['__proto__ object', JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')],
];

describe('validateInvoice abuse', () => {
  const valid = makeInvoice();
  const paths = pathsOf(valid);

  test('precondition: the base invoice is valid and has many fields', () => {
    assert.equal(hasBlockingIssues(validateInvoice(valid)), false, JSON.stringify(validateInvoice(valid)));
    assert.ok(paths.length > 50, `${paths.length} paths`);
  });

  test('every field replaced by every hostile value: no throw, input untouched, an error naming that field', () => {
    let blocking = 0;
    for (const path of paths) {
      for (const [name, value] of HOSTILE_VALUES) {
        const inv = withValue(valid, path, value);
        const before = structuredClone(inv);
        const what = `${fmt(path)} = ${name}`;
        const issues = validateInvoice(inv);
        assertWellFormed(issues, what);
        assert.deepEqual(inv, before, `${what}: the input was changed`);
        assertPathsNamed(issues, what);
        if (!hasBlockingIssues(issues)) continue;
        blocking++;
        // A wrong type or an impossible number is named at the field itself; a plausible but wrong
        // amount (0, -1, 1e308) may instead break a derived amount beside it (Qty 0 → TotAmt) or the totals.
        const target = fmt(path);
        const plausible = typeof value === 'number' && Number.isFinite(value) && path.length > 1;
        const named = issues.some((i) => i.severity === 'error' &&
          (overlaps(i.path, target) || (plausible && (overlaps(i.path, parentOf(path)) || i.path.startsWith('ValDtls')))));
        assert.ok(named, `${what}: no error names ${target}: ${JSON.stringify(issues.map((i) => i.path))}`);
      }
    }
    assert.ok(blocking > paths.length * 5, `most mutations are refused (${blocking})`);
    assert.deepEqual(prototypeKeys(), []);
  });

  test('every field removed in turn: no throw, required fields named when missing', () => {
    for (const path of paths) {
      const issues = validateInvoice(withValue(valid, path, undefined, true));
      assertWellFormed(issues, `without ${fmt(path)}`);
      assertPathsNamed(issues, `without ${fmt(path)}`);
    }
    for (const required of ['Version', 'TranDtls', 'DocDtls.No', 'SellerDtls.Gstin', 'BuyerDtls.Pos', 'ItemList', 'ValDtls.TotInvVal']) {
      const issues = validateInvoice(withValue(valid, required.split('.'), undefined, true));
      assert.ok(issues.some((i) => i.severity === 'error' && i.path === required), `missing ${required}: ${JSON.stringify(issues)}`);
    }
  });

  test(`property (seed ${SEED}): a random field set to random JSON`, () => {
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 }), (path, value) => {
      const inv = withValue(valid, path, value);
      const issues = validateInvoice(inv);
      assertWellFormed(issues, fmt(path));
      assertPathsNamed(issues, fmt(path));
    }), { seed: SEED, numRuns: RUNS * 5 });
  });

  test(`property (seed ${SEED}): random extra keys, including __proto__/constructor/prototype, in any section`, () => {
    const sections = paths.filter((p) => { let o: Json = valid; for (const k of p) o = o[k]; return o && typeof o === 'object' && !Array.isArray(o); });
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'gstin', 'GSTIN', ''), fc.string());
    fc.assert(fc.property(fc.constantFrom([] as Path, ...sections), key, fc.jsonValue({ maxDepth: 3 }), (section, k, value) => {
      // Through JSON text, the way a request body arrives: `__proto__` becomes an own key there.
      const text = `{${JSON.stringify(k)}:${JSON.stringify(value)},${JSON.stringify(valid).slice(1)}`;
      const inv = JSON.parse(section.length ? JSON.stringify(withValue(valid, [...section, k], value)) : text);
      const issues = validateInvoice(inv);
      assertWellFormed(issues, `${fmt(section)}.${k}`);
      assertPathsNamed(issues, `${fmt(section)}.${k}`);
      assert.deepEqual(prototypeKeys(), []);
    }), { seed: SEED, numRuns: RUNS * 3 });
  });

  test(`property (seed ${SEED}): any JSON document at all`, () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      assertWellFormed(validateInvoice(v), 'any JSON');
    }), { seed: SEED, numRuns: RUNS * 3 });
  });

  test('JSON text with 1e999, -0 and 1e308 amounts: refused at those fields', () => {
    const text = JSON.stringify(valid)
      .replace(/"TotInvVal":[\d.]+/, '"TotInvVal":1e999')
      .replace(/"AssVal":[\d.]+/, '"AssVal":-0')
      .replace(/"UnitPrice":[\d.]+/, '"UnitPrice":1e308');
    const issues = validateInvoice(JSON.parse(text));
    assert.ok(issues.some((i) => i.severity === 'error' && i.path === 'ValDtls.TotInvVal'), JSON.stringify(issues));
    assert.ok(issues.some((i) => i.severity === 'error' && i.path.startsWith('ItemList[0]')), JSON.stringify(issues));
  });

  test('deep nesting (10,000 levels) in every section and at the root', () => {
    const deepArray = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000));
    const deepObject = JSON.parse('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000));
    assertWellFormed(validateInvoice(deepArray), 'deep array');
    for (const section of ['TranDtls', 'DocDtls', 'SellerDtls', 'BuyerDtls', 'ItemList', 'ValDtls', 'EwbDtls', 'Extra']) {
      for (const deep of [deepArray, deepObject]) {
        const issues = validateInvoice(withValue(valid, [section], deep));
        assertWellFormed(issues, section);
        assertPathsNamed(issues, section);
        if (section !== 'Extra') assert.ok(hasBlockingIssues(issues), section);
      }
    }
  });

  test('huge strings and arrays: bounded report, the offending field named', () => {
    const long = validateInvoice(withValue(valid, ['SellerDtls', 'LglNm'], 'A'.repeat(1_900_000)));
    assert.ok(long.some((i) => i.path === 'SellerDtls.LglNm' && i.severity === 'error'));
    assert.ok(long.every((i) => i.message.length < 1000), 'the value is not echoed back');
    const manyItems = validateInvoice(withValue(valid, ['ItemList'], Array.from({ length: 200_000 }, () => ({}))));
    assertWellFormed(manyItems, '200,000 items');
    assert.ok(hasBlockingIssues(manyItems));
    const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const keyed = validateInvoice({ ...structuredClone(valid), ...manyKeys });
    assertWellFormed(keyed, '50,000 unknown keys');
    assert.ok(keyed.length <= 50, `unknown keys are reported a few at a time (${keyed.length})`);
  });

  test('invalid UTF-8 decoded to U+FFFD and lone surrogates in text fields are refused or kept, never thrown', () => {
    const bytes = Buffer.concat([Buffer.from('{"v":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const garbled = JSON.parse(bytes.toString('utf8')).v as string;
    for (const text of [garbled, '\ud800', '\u0000', 'a\u202eb']) {
      for (const path of [['DocDtls', 'No'], ['SellerDtls', 'Gstin'], ['ItemList', 0, 'HsnCd'], ['BuyerDtls', 'LglNm']]) {
        const issues = validateInvoice(withValue(valid, path, text));
        assertWellFormed(issues, fmt(path));
        assertPathsNamed(issues, fmt(path));
      }
    }
    const docNo = validateInvoice(withValue(valid, ['DocDtls', 'No'], garbled));
    assert.ok(docNo.some((i) => i.path === 'DocDtls.No' && i.severity === 'error'), 'a garbled document number is refused');
  });
});
