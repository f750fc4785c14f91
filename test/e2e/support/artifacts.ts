/**
 * Screenshots: written to test-artifacts/ (ignored by git) on every run. With
 * IRN_BRIDGE_UPDATE_SCREENSHOTS=1 they are also copied to docs/images/ for the README, so a plain
 * test run never dirties the working tree.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

export function saveScreenshot(name: string, png: Buffer): string {
  const artifacts = join(root, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.png`);
  writeFileSync(file, png);
  if (process.env.IRN_BRIDGE_UPDATE_SCREENSHOTS === '1') {
    const docs = join(root, 'docs', 'images');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, join(docs, `${name}.png`));
  }
  return file;
}
