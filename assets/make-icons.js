#!/usr/bin/env node
/**
 * Draws the add-in's icons (a white check mark on a green cell with a grid
 * line) as real PNGs, so the repository needs no image editor and no binary
 * that nobody can regenerate. Run: node assets/make-icons.js
 *
 * Office asks for 16/32/80 px ribbon icons and 32/64 px add-in icons.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const GREEN = [33, 115, 70]; // Excel's green, so the button reads as "belongs to Excel"
const WHITE = [255, 255, 255];

/** Distance from point p to segment ab, all in pixels. */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return Math.hypot(px - cx, py - cy);
}

/** Coverage in [0, 1] of a rounded square of side s with corner radius r at pixel centre (x, y). */
function roundedSquareCoverage(x, y, s, r) {
  const qx = Math.max(Math.abs(x - s / 2) - (s / 2 - r), 0);
  const qy = Math.max(Math.abs(y - s / 2) - (s / 2 - r), 0);
  const d = Math.hypot(qx, qy) - r;
  return Math.max(0, Math.min(1, 0.5 - d));
}

function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const stroke = Math.max(1.6, size * 0.11);
  // The check mark, in unit coordinates scaled to the icon.
  const a = [0.24 * size, 0.53 * size];
  const b = [0.43 * size, 0.72 * size];
  const c = [0.77 * size, 0.3 * size];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const bg = roundedSquareCoverage(px, py, size, size * 0.18);
      const d = Math.min(distanceToSegment(px, py, a[0], a[1], b[0], b[1]), distanceToSegment(px, py, b[0], b[1], c[0], c[1]));
      const mark = Math.max(0, Math.min(1, stroke / 2 + 0.5 - d)) * bg;
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) pixels[i + k] = Math.round(GREEN[k] * (1 - mark) + WHITE[k] * mark);
      pixels[i + 3] = Math.round(bg * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { drawIcon, SIZES };
