// Text widths from the glyph advances of the shipped font (DejaVu Sans), for
// the charts (Vega measures labels) and the workbooks (column widths, row
// heights of wrapped text).

import opentype from 'opentype.js';

export type Font = ReturnType<typeof opentype.parse>;

/** Width in points of `text` at `size` points: `(text, size) => width`. */
export type TextWidth = (text: string, size: number) => number;

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Glyphs parsed when first asked for: parsing all of DejaVu's took ~250 ms, for the hundred glyphs used. */
export function parseFont(bytes: Uint8Array): Font {
  return opentype.parse(toArrayBuffer(bytes), { lowMemory: true } as Parameters<typeof opentype.parse>[1]);
}

export function advanceWidthMeter(font: Font): TextWidth {
  const cache = new Map<string, number>();
  const scale = 1 / font.unitsPerEm;
  return (text, size) => {
    let units = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = font.charToGlyph(ch).advanceWidth ?? font.unitsPerEm * 0.6;
        cache.set(ch, w);
      }
      units += w;
    }
    return units * scale * size;
  };
}
