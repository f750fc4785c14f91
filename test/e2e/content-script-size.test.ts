/**
 * The content script runs in every enabled ERP page: it must stay small, and the HSN/SAC master
 * (shared/src/codes/hsn-data.ts) must stay in the background, which validates for the panel
 * (extension/background/validate.ts). Reads the e2e build: run `build:e2e` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUILT = fileURLToPath(new URL('../../extension/.output/e2e/chrome-mv3/content-scripts/erp.js', import.meta.url));
const LIMIT_BYTES = 50 * 1024;
/** The first chapter of the encoded master (hsn-data.ts), and its code count: either one means the table shipped. */
const HSN_MARKERS = ['0101:10!102090', '18687'];

const built = (): string => {
  assert.ok(existsSync(BUILT), `no built content script at ${BUILT}: run \`pnpm --filter @irn-bridge/extension build:e2e\``);
  return readFileSync(BUILT, 'utf8');
};

test('the built content script carries no HSN/SAC table', () => {
  const js = built();
  for (const marker of HSN_MARKERS) assert.ok(!js.includes(marker), `the content script contains the HSN master (found ${marker})`);
});

test('the built content script is at most 50 kB', { todo: 'about 180 kB: the ERP modules (≈72 kB), the IRP error catalogue (≈28 kB, via ui/views.ts) and the QR encoder (≈21 kB) are still in the page' }, () => {
  const bytes = Buffer.byteLength(built());
  assert.ok(bytes <= LIMIT_BYTES, `the content script is ${bytes} bytes, over ${LIMIT_BYTES}`);
});
