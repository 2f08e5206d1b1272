// Draws the toolbar icon (two chain links on a rounded square) at every size the manifest names.
// Run by hand when the design changes: `node tools/make-icons.mjs`; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const png = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// Signed distances in a unit square (0..1).
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const dx = Math.abs(x - cx) - hw + r;
  const dy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const rotate = (x, y, angle) => {
  const c = Math.cos(angle), s = Math.sin(angle);
  const px = x - 0.5, py = y - 0.5;
  return [0.5 + px * c - py * s, 0.5 + px * s + py * c];
};
const link = (x, y, cx, cy, stroke) => Math.abs(roundedBox(x, y, cx, cy, 0.2, 0.11, 0.11)) - stroke;

// A deep teal square keeps contrast with both light and dark toolbars; the glyph is white.
const BG = [11, 110, 120];
function shade(x, y, size) {
  const stroke = size <= 16 ? 0.05 : 0.04;
  if (roundedBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) > 0) return null;
  const [rx, ry] = rotate(x, y, -Math.PI / 4);
  const glyph = Math.min(link(rx, ry, 0.37, 0.5, stroke), link(rx, ry, 0.63, 0.5, stroke));
  return glyph <= 0 ? [255, 255, 255] : BG;
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const color = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (!color) continue;
          r += color[0]; g += color[1]; b += color[2]; a += 1;
        }
      const i = (py * size + px) * 4;
      if (a) rgba.set([r / a, g / a, b / a, (255 * a) / samples ** 2], i);
    }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
