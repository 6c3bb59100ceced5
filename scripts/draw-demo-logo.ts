// Draws the demo brand's logo (templates/brands/default/logo.png): a teal disc with a white cross.
// Run once with `node --import tsx scripts/draw-demo-logo.ts`; the PNG is committed. No image library needed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 240;
const [r, g, b] = [0x0b, 0x4f, 0x6c];
const rows: Buffer[] = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    const dx = x - SIZE / 2 + 0.5;
    const dy = y - SIZE / 2 + 0.5;
    const inDisc = Math.hypot(dx, dy) <= SIZE / 2 - 2;
    const inCross = (Math.abs(dx) < 22 && Math.abs(dy) < 70) || (Math.abs(dy) < 22 && Math.abs(dx) < 70);
    const pixel = inDisc ? (inCross ? [255, 255, 255, 255] : [r, g, b, 255]) : [255, 255, 255, 0];
    row.set(pixel, 1 + x * 4);
  }
  rows.push(row);
}
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../templates/brands/default/logo.png", import.meta.url), png);

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
