/** The extension's committed icons are what scripts/make-icons.mjs draws, at every size the manifests name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = fileURLToPath(new URL('../../../extension/', import.meta.url));

test('icons at 16, 32, 48 and 128 px are RGBA PNGs, and the script redraws them byte for byte', () => {
  const work = mkdtempSync(join(tmpdir(), 'irn-icons-'));
  try {
    mkdirSync(join(work, 'scripts'));
    cpSync(join(extension, 'scripts', 'make-icons.mjs'), join(work, 'scripts', 'make-icons.mjs'));
    execFileSync(process.execPath, [join(work, 'scripts', 'make-icons.mjs')], { stdio: 'pipe' });
    for (const size of [16, 32, 48, 128]) {
      const committed = readFileSync(join(extension, 'public', 'icon', `${size}.png`));
      assert.equal(committed.toString('latin1', 1, 4), 'PNG');
      assert.equal(committed.readUInt32BE(16), size, 'width');
      assert.equal(committed.readUInt32BE(20), size, 'height');
      assert.equal(committed[25], 6, 'RGBA');
      assert.ok(committed.equals(readFileSync(join(work, 'public', 'icon', `${size}.png`))), `${size}.png is out of date: run node extension/scripts/make-icons.mjs`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
