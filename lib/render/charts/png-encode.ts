// RGBA pixels → PNG bytes, with zlib's fastest level and no row filter: a
// chart is mostly flat colour, which deflates well without filtering, and
// this is about twice as fast as resvg's own encoder.

import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Scanlines kept at most, a little over the pixel budget of a chart
 * (render.ts): the rankings of the largest agglomerations are drawn at 1×
 * over it (58 MB for 1230 × 11 752 pixels), and keeping their buffer held
 * that much in each render thread to the end of a national run.
 */
export const KEPT_SCANLINES_BYTES = 12 * 2 ** 20;

export type PngEncoder = (rgba: Uint8Array, width: number, height: number) => Uint8Array;

/**
 * An encoder that keeps the filtered scanlines of its last image for the
 * next: a chart at 2× is 4 to 10 MB of them, and a fresh buffer per chart
 * cost as much in page faults and garbage collection as the deflate itself.
 * Each renderer has its own (no state shared through the module).
 */
export function createPngEncoder(): PngEncoder {
  let scanlines = Buffer.alloc(0);
  return (rgba, width, height) => {
    const stride = width * 4;
    const size = (stride + 1) * height;
    let raw: Buffer;
    if (size > KEPT_SCANLINES_BYTES) raw = Buffer.allocUnsafeSlow(size);
    else {
      if (scanlines.length < size) scanlines = Buffer.allocUnsafeSlow(size);
      raw = scanlines.subarray(0, size);
    }
    for (let y = 0; y < height; y++) {
      raw[y * (stride + 1)] = 0; // filter type: none
      raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 1 })),
      chunk('IEND', new Uint8Array(0)),
    ]);
  };
}
