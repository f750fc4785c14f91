#!/usr/bin/env node
/**
 * Draws the extension's icons (public/icon/16.png … 128.png, which WXT puts in the manifest) with
 * no dependency: a teal rounded square holding a white invoice with a QR-like corner, written as
 * PNG with node:zlib. Each pixel is sampled 4×4 times so small sizes stay smooth.
 *
 *   node extension/scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const INK = [19, 78, 74];

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** The design in a unit square: returns [r, g, b, a] for a point. */
function shade(x, y) {
  if (!roundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  // The invoice: a sheet with its top-right corner folded.
  const onSheet = x >= 0.24 && x <= 0.76 && y >= 0.16 && y <= 0.84 && !(x - 0.62 > y - 0.16);
  if (onSheet) {
    if (x >= 0.62 && y <= 0.3) return [204, 230, 227]; // the fold's underside
    const line = (y0) => y >= y0 && y <= y0 + 0.045 && x >= 0.31 && x <= 0.6;
    if (line(0.3) || line(0.4) || line(0.5)) return INK;
    // QR-like block in the lower right: 3×3 cells, a checker pattern.
    if (x >= 0.5 && x <= 0.69 && y >= 0.6 && y <= 0.79) {
      const cx = Math.floor((x - 0.5) / 0.0634);
      const cy = Math.floor((y - 0.6) / 0.0634);
      return (cx + cy) % 2 === 0 ? INK : WHITE;
    }
    return WHITE;
  }
  return TEAL;
}

function render(size) {
  const S = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None), then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = 1 + px * 4;
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round((255 * a) / (S * S));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`${size}.png`, dir), render(size));
  console.log(`public/icon/${size}.png`);
}
