import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { createPngEncoder, KEPT_SCANLINES_BYTES } from '../../../lib/render/charts/png-encode.ts';
import { decodePng } from './png-pixels.ts';

describe('createPngEncoder', () => {
  const encodePng = createPngEncoder();
  const width = 7, height = 5;
  const pixels = new Uint8Array(4 * width * height).map((_, i) => (i * 37 + 11) & 255);
  const png = Buffer.from(encodePng(pixels, width, height));

  it('round-trips the pixels', () => {
    const img = decodePng(png);
    expect([img.width, img.height, img.channels]).toEqual([width, height, 4]);
    expect(Buffer.from(img.pixels).equals(Buffer.from(pixels))).toBe(true);
  });

  it('writes valid chunk checksums', () => {
    const types: string[] = [];
    for (let pos = 8; pos < png.length; ) {
      const len = png.readUInt32BE(pos);
      types.push(png.toString('latin1', pos + 4, pos + 8));
      expect(png.readUInt32BE(pos + 8 + len)).toBe(crc32(png.subarray(pos + 4, pos + 8 + len)) >>> 0);
      pos += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('encodes images larger than the kept buffer, and smaller ones after them, with their own pixels', () => {
    // Three sizes in turn: under the kept buffer, over it (a buffer of its own), under again (the kept one, not the large one).
    const image = (w: number, h: number, seed: number) => ({ w, h, px: new Uint8Array(4 * w * h).map((_, i) => (i * seed + 3) & 255) });
    const wide = Math.ceil(Math.sqrt(KEPT_SCANLINES_BYTES / 4)) + 8;
    for (const { w, h, px } of [image(31, 17, 13), image(wide, wide, 7), image(29, 23, 5)]) {
      const img = decodePng(Buffer.from(encodePng(px, w, h)));
      expect([img.width, img.height]).toEqual([w, h]);
      expect(Buffer.from(img.pixels).equals(Buffer.from(px))).toBe(true);
    }
  });
});
