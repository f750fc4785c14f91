/**
 * The content script runs in every page of an enabled ERP site: it must stay small (issue 12: at
 * most 50 kB). It carries detection and the ERP's read/record through the page's session only; the
 * HSN/SAC master, the IRP error catalogue, the QR encoder and the mapping stay in the background
 * (background/validate.ts, lib/api-error.ts, lib/qr-matrix.ts, background/prepare.ts), and the
 * panel's code comes apart, injected only into a page that shows an invoice (erp-panel.js,
 * background/inject-panel.ts). Reads the e2e build: run `build:e2e` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUILD = fileURLToPath(new URL('../../extension/.output/e2e/chrome-mv3/', import.meta.url));
const CONTENT_SCRIPT = 'content-scripts/erp.js';
const PANEL_SCRIPT = 'erp-panel.js';
const LIMIT_BYTES = 50 * 1024;
/** What an invoice page carries in all (content script + panel). Before issue 12 the content script alone was 265 kB. */
const INVOICE_PAGE_LIMIT_BYTES = 100 * 1024;

/** Text only each table or library has; any one in a page script means it shipped there. */
const SHIPPED_ONLY_IN_BACKGROUND: Record<string, string[]> = {
  // The first chapter of the encoded master (shared/src/codes/hsn-data.ts), and its code count.
  'the HSN/SAC master': ['0101:10!102090', '18687'],
  // IRP error 3043's own text (shared/src/irp/error-catalogue.ts).
  'the IRP error catalogue': ['please try again after sometime'],
  // qrcode-generator 2.0.4's error text (the panel's QR), and the error-correction table of Odoo's attachment encoder (shared/src/erps/odoo/qr.ts).
  'a QR encoder': ['bad rs block @ typeNumber', '-1,10,16,26,18,24,16,18,22,22,26,30'],
  // webextension-polyfill 0.12.0's guard.
  'webextension-polyfill': ['This script should only be loaded in a browser extension'],
};

const built = (file: string): string => {
  const path = BUILD + file;
  assert.ok(existsSync(path), `no ${file} in ${BUILD}: run \`pnpm --filter @irn-bridge/extension build:e2e\``);
  return readFileSync(path, 'utf8');
};

test('the built content script and panel carry no HSN/SAC master, IRP error catalogue, QR encoder or polyfill', () => {
  for (const file of [CONTENT_SCRIPT, PANEL_SCRIPT]) {
    const js = built(file);
    for (const [what, markers] of Object.entries(SHIPPED_ONLY_IN_BACKGROUND)) {
      for (const marker of markers) assert.ok(!js.includes(marker), `${file} contains ${what} (found "${marker}")`);
    }
  }
});

test('the built content script is at most 50 kB', () => {
  const bytes = Buffer.byteLength(built(CONTENT_SCRIPT));
  assert.ok(bytes <= LIMIT_BYTES, `the content script is ${bytes} bytes, over ${LIMIT_BYTES}`);
});

test('the content script carries no panel: the panel script does, and an invoice page loads both within 100 kB', () => {
  const content = built(CONTENT_SCRIPT);
  const panel = built(PANEL_SCRIPT);
  // Test ids of the preview and of the QR: the panel's screens (extension/ui/views.ts).
  for (const id of ['irn-preview', 'irn-qr-download']) {
    assert.ok(!content.includes(id), `the content script contains the panel's "${id}"`);
    assert.ok(panel.includes(id), `the panel script has no "${id}"`);
  }
  const total = Buffer.byteLength(content) + Buffer.byteLength(panel);
  assert.ok(total <= INVOICE_PAGE_LIMIT_BYTES, `an invoice page loads ${total} bytes, over ${INVOICE_PAGE_LIMIT_BYTES}`);
});
