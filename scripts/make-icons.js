#!/usr/bin/env node
/*
 * Writes the add-in's ribbon and store icons (assets/icon-16.png … icon-80.png): a rounded blue square with a
 * light "S" drawn from five bars. Only node's built-in modules are used (zlib deflates the pixels), so the
 * icons can be remade anywhere with `node scripts/make-icons.js`; the PNG files are committed so that a build
 * never depends on this script.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x00, 0x5a, 0x9e]; // a calm public-sector blue
const LETTER = [0xf3, 0xf8, 0xfc];

/** CRC-32 as the PNG specification defines it (ISO 3309), table-driven. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes the RGBA pixels given by pixelAt(x, y) → [r, g, b, a] as a PNG: 8-bit colour type 6, no interlace, filter 0. */
function encodePng(size, pixelAt) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (1 + size * 4);
    raw[rowStart] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixelAt(x, y), rowStart + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Whether the point (in units of the icon's side, 0..1) lies on the "S": three bars joined by two. */
function onLetter(u, v) {
  const left = 0.28;
  const right = 0.72;
  const t = 0.13; // stroke
  const top = 0.2;
  const middle = 0.5 - t / 2;
  const bottom = 0.8 - t;
  const inX = u >= left && u < right;
  const bar = (start) => inX && v >= start && v < start + t;
  const upperLeft = u >= left && u < left + t && v >= top && v < middle + t;
  const lowerRight = u >= right - t && u < right && v >= middle && v < bottom + t;
  return bar(top) || bar(middle) || bar(bottom) || upperLeft || lowerRight;
}

/** Whether the point lies inside the square with rounded corners (radius 18 % of the side). */
function inRoundedSquare(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}

/** 4×4 supersampling per pixel so that the small sizes keep soft edges. */
function pixel(size) {
  const samples = 4;
  return (x, y) => {
    let cover = 0;
    let letter = 0;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const u = (x + (i + 0.5) / samples) / size;
        const v = (y + (j + 0.5) / samples) / size;
        if (!inRoundedSquare(u, v)) continue;
        cover++;
        if (onLetter(u, v)) letter++;
      }
    }
    if (cover === 0) return [0, 0, 0, 0];
    const share = letter / cover;
    const rgb = BACKGROUND.map((c, k) => Math.round(c + (LETTER[k] - c) * share));
    return [...rgb, Math.round((255 * cover) / (samples * samples))];
  };
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, pixel(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

main();
