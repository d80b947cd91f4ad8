// How much room a text takes in a sheet, measured with the glyph advances of
// DejaVu Sans (the font LibreOffice falls back to for Calibri on this
// machine; wider than Calibri, so Excel's text fits in what is computed).
// Column widths are in Excel's units, the width of the digit « 0 » at the
// sheet's default size (11 pt): measuring text in that unit with one font
// gives the same answer in Excel and in LibreOffice.

import { advanceWidthMeter, parseFont, type TextWidth } from '../font-metrics.ts';

/** The default font size of an exceljs workbook. */
export const BODY_SIZE = 11;
/** Height of one line of text, per point of font size (DejaVu Sans: 1,16; Excel's Calibri rows: 1,36 with padding). */
const LINE_PER_PT = 1.3;
/** Room for the cell's inner margins, in points. */
const CELL_PADDING_PT = 4;
/** Excel's tallest row, in points. */
const MAX_ROW_PT = 409;
/** Excel's default row height, in points. */
export const DEFAULT_ROW_PT = 15;

export interface TextLayout {
  /** Width of one column unit in points, as LibreOffice draws it here (Excel: 5,25 pt plus 3,75 pt per column). */
  unitPt: number;
  /** Column units a text needs on one line. */
  units(text: string, size?: number, bold?: boolean): number;
  /** Column units its longest word needs. */
  longestWordUnits(text: string, size?: number, bold?: boolean): number;
  /** How many lines the text takes when wrapped within `units` column units. */
  lines(text: string, units: number, size?: number, bold?: boolean): number;
  /** Row height in points for that many lines. */
  rowHeight(lines: number, size?: number): number;
}

export interface WorkbookFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export function createTextLayout(fonts: WorkbookFonts): TextLayout {
  const regular = advanceWidthMeter(parseFont(fonts.regular));
  const bold = advanceWidthMeter(parseFont(fonts.bold));
  const meter = (isBold: boolean): TextWidth => (isBold ? bold : regular);
  const unitPt = regular('0', BODY_SIZE);
  const units = (text: string, size = BODY_SIZE, isBold = false) => (meter(isBold)(text, size) + CELL_PADDING_PT) / unitPt;
  return {
    unitPt,
    units,
    longestWordUnits(text, size = BODY_SIZE, isBold = false) {
      let widest = 0;
      for (const word of text.split(/\s+/)) widest = Math.max(widest, meter(isBold)(word, size));
      return (widest + CELL_PADDING_PT) / unitPt;
    },
    lines(text, available, size = BODY_SIZE, isBold = false) {
      const width = available * unitPt - CELL_PADDING_PT;
      const measure = meter(isBold);
      const space = measure(' ', size);
      let count = 0;
      for (const paragraph of text.split('\n')) {
        count++;
        let used = 0;
        for (const word of paragraph.split(' ')) {
          // Spreadsheets break a line after a hyphen too (« Rond- » / « Point »).
          word.split(/(?<=-)(?=.)/).forEach((piece, k) => {
            const w = measure(piece, size);
            const gap = used > 0 && k === 0 ? space : 0;
            if (used > 0 && used + gap + w > width) {
              count++;
              used = 0;
            }
            // A piece wider than the column breaks across lines of its own.
            if (used === 0 && w > width) {
              count += Math.ceil(w / width) - 1;
              used = w - (Math.ceil(w / width) - 1) * width;
            } else {
              used += (used > 0 ? gap : 0) + w;
            }
          });
        }
      }
      return count;
    },
    rowHeight(lines, size = BODY_SIZE) {
      if (lines <= 1 && size <= BODY_SIZE) return DEFAULT_ROW_PT;
      return Math.min(MAX_ROW_PT, Math.max(DEFAULT_ROW_PT, Math.ceil(lines * size * LINE_PER_PT + 2)));
    },
  };
}
