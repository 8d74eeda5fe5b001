// Draws the extension's icon (a rounded red square with a rising trail of three white steps) and
// encodes it as a PNG, with nothing but node:zlib: the icons are made here, never downloaded.
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const RED = [180, 35, 24] as const;
const WHITE = [255, 255, 255] as const;
/** Samples per pixel side: 4x4 supersampling gives smooth edges even at 16 px. */
const SAMPLES = 4;

/** Coverage of the unit square [0,1]² by the drawing at (x, y): 'bg', 'step' or null (transparent). */
function shapeAt(x: number, y: number): 'bg' | 'step' | null {
  // The three steps rise from bottom left to top right, growing like a trail leading on.
  const steps = [
    { cx: 0.3, cy: 0.7, r: 0.1 },
    { cx: 0.5, cy: 0.5, r: 0.12 },
    { cx: 0.72, cy: 0.3, r: 0.14 },
  ];
  for (const s of steps) if ((x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2) return 'step';
  const radius = 0.2;
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius ? 'bg' : null;
}

/** RGBA pixels, row by row. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let step = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const hit = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (hit === 'bg') bg++;
          else if (hit === 'step') step++;
        }
      }
      const covered = bg + step;
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round((RED[c]! * bg + WHITE[c]! * step) / covered);
      pixels[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha PNG of the RGBA pixels. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

export function iconPng(size: number): Buffer {
  return encodePng(size, drawIcon(size));
}
