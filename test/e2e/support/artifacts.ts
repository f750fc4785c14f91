/** Screenshots: written to test-artifacts/ (ignored by git) and copied to docs/images/ for the README. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

export function saveScreenshot(name: string, png: Buffer): string {
  const artifacts = join(root, 'test-artifacts');
  const docs = join(root, 'docs', 'images');
  mkdirSync(artifacts, { recursive: true });
  mkdirSync(docs, { recursive: true });
  const file = join(artifacts, `${name}.png`);
  writeFileSync(file, png);
  copyFileSync(file, join(docs, `${name}.png`));
  return file;
}
