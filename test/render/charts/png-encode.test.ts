import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { encodePng } from '../../../lib/render/charts/png-encode.ts';
import { decodePng } from './png-pixels.ts';

describe('encodePng', () => {
  const width = 7, height = 5;
  const pixels = new Uint8Array(4 * width * height).map((_, i) => (i * 37 + 11) & 255);
  const png = Buffer.from(encodePng(pixels, width, height));

  it('round-trips the pixels', () => {
    const img = decodePng(png);
    expect([img.width, img.height, img.channels]).toEqual([width, height, 4]);
    expect(Buffer.from(img.pixels).equals(Buffer.from(pixels))).toBe(true);
  });

  it('writes valid chunk checksums', () => {
    const crc32 = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (!crc32) return expect.soft(true, 'zlib.crc32 absent (Node < 20.15): checksum not cross-checked').toBe(true);
    const types: string[] = [];
    for (let pos = 8; pos < png.length; ) {
      const len = png.readUInt32BE(pos);
      types.push(png.toString('latin1', pos + 4, pos + 8));
      expect(png.readUInt32BE(pos + 8 + len)).toBe(crc32(png.subarray(pos + 4, pos + 8 + len)) >>> 0);
      pos += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});
