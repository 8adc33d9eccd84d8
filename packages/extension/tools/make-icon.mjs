// Draws media/icon.png (128x128): a blueprint-blue tile with three swim lanes, a dashed line of
// visibility and step boxes joined by a flow. Plain zlib, no image library; run it when the design changes.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);
const set = (x, y, [r, g, b, a = 255]) => {
    if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) return;
    const i = (y * SIZE + x) * 4;
    pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; pixels[i + 3] = a;
};
const rect = (x0, y0, w, h, color) => { for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, color); };

const BLUE = [21, 101, 192], LANE = [30, 120, 215], WHITE = [255, 255, 255], PALE = [187, 222, 251], ORANGE = [255, 171, 64];
// Tile with rounded corners (radius 20).
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const cx = Math.max(20 - x, x - (SIZE - 21), 0), cy = Math.max(20 - y, y - (SIZE - 21), 0);
    if (cx * cx + cy * cy <= 400) set(x, y, BLUE);
}
// Lanes.
rect(12, 16, 104, 28, LANE); rect(12, 50, 104, 28, LANE); rect(12, 84, 104, 28, LANE);
// Dashed line of visibility between the second and third lane.
for (let x = 12; x < 116; x += 8) rect(x, 80, 5, 2, PALE);
// Steps and flows.
rect(20, 22, 24, 16, WHITE); rect(84, 22, 24, 16, WHITE); rect(52, 56, 24, 16, WHITE); rect(52, 90, 24, 16, ORANGE);
rect(44, 29, 40, 2, PALE); rect(63, 38, 2, 18, PALE); rect(63, 72, 2, 18, PALE);

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = buffer => { let c = 0xffffffff; for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
