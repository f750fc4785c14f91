/** The error layering: one code → one HTTP status and one exit code; the core never imports the HTTP edge. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HTTP_STATUS, httpStatusOf } from '../../src/api/status';
import { EXIT_CODE } from '../../src/cli/exit-codes';
import { CompanionError, asCompanionError } from '../../src/errors';
import { API_ERROR_CODES } from '@irn-bridge/shared/api/contract';

const src = new URL('../../src/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

test('every error code has exactly one HTTP status and one exit code, and nothing else has one', () => {
  assert.deepEqual(Object.keys(HTTP_STATUS).sort(), [...API_ERROR_CODES].sort());
  assert.deepEqual(Object.keys(EXIT_CODE).sort(), [...API_ERROR_CODES].sort());
  for (const code of API_ERROR_CODES) {
    const status = httpStatusOf(code);
    assert.ok(Number.isInteger(status) && status >= 400 && status < 600, `${code} → ${status}`);
    assert.ok(EXIT_CODE[code] >= 1 && EXIT_CODE[code] <= 3, `${code} → exit ${EXIT_CODE[code]}`);
  }
  assert.equal(httpStatusOf('PROFILE_NOT_FOUND'), 404, 'a missing profile is the same answer from every module');
});

test('a CompanionError carries no HTTP status; anything else becomes INTERNAL without its message', () => {
  const e = new CompanionError('CONFLICT', 'Taken.', { hint: 'Use another number.' });
  assert.deepEqual(e.body, { code: 'CONFLICT', message: 'Taken.', hint: 'Use another number.' });
  assert.equal('status' in e, false);
  const internal = asCompanionError(new Error('SQLITE_BUSY secret=xyz'));
  assert.equal(internal.code, 'INTERNAL');
  assert.doesNotMatch(internal.message, /SQLITE|secret/);
});

test('no file under ledger/, profiles/, security/ or irp/ imports from api/ (the core knows nothing of HTTP routes)', () => {
  const offenders: string[] = [];
  for (const dir of ['ledger', 'profiles', 'security', 'irp']) {
    for (const file of filesUnder(join(src, dir))) {
      for (const spec of importsOf(file)) if (/(^|\/)api(\/|$)/.test(spec) && spec.startsWith('.')) offenders.push(`${relative(src, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the CLI never imports a route module', () => {
  const offenders = filesUnder(join(src, 'cli')).flatMap((file) =>
    importsOf(file).filter((spec) => spec.startsWith('.') && /\/api\/(?!context$)/.test(spec)).map((spec) => `${relative(src, file)} → ${spec}`));
  assert.deepEqual(offenders, []);
});
