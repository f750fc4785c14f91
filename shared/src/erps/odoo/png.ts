/** A black-and-white PNG (1-bit greyscale, stored deflate blocks: no compressor needed) from a module matrix. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(Array.from(data)));
  return [...be32(data.length), ...body, ...be32(crc32(body))];
}

/** zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  let i = 0;
  do {
    const len = Math.min(0xffff, raw.length - i);
    out.push(i + len >= raw.length ? 1 : 0, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff);
    for (let k = 0; k < len; k++) out.push(raw[i + k]);
    i += len;
  } while (i < raw.length);
  let a = 1, b = 0;
  for (const byte of raw) { a = (a + byte) % 65521; b = (b + a) % 65521; }
  out.push(...be32(((b << 16) | a) >>> 0));
  return new Uint8Array(out);
}

/** PNG of `matrix` (true = dark), `scale` pixels per module, a quiet zone of `border` modules. */
export function matrixToPng(matrix: boolean[][], scale = 4, border = 4): Uint8Array {
  const modules = matrix.length + 2 * border;
  const width = modules * scale;
  const rowBytes = Math.ceil(width / 8);
  const raw = new Uint8Array((rowBytes + 1) * width);
  for (let py = 0; py < width; py++) {
    const my = Math.floor(py / scale) - border;
    const row = py * (rowBytes + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < width; px++) {
      const mx = Math.floor(px / scale) - border;
      const dark = my >= 0 && mx >= 0 && my < matrix.length && mx < matrix.length && matrix[my][mx];
      if (!dark) raw[row + 1 + (px >> 3)] |= 0x80 >> (px & 7); // 1 = white in 1-bit greyscale
    }
  }
  const header = new Uint8Array([...be32(width), ...be32(width), 1, 0, 0, 0, 0]);
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', new Uint8Array()),
  ]);
}
