// What every sheet shares: header style, cells that size their column from
// their text, wrapped texts whose row grows to hold them, titles spread over
// the sheet's width, and the print setup (A4, fit to the width only, the
// orientation the width needs, repeated title rows, header and footer,
// print area, page breaks that keep blocks whole).

import type ExcelJS from 'exceljs';
import { workbookText as t } from '../../messages/workbook.ts';
import { BODY_SIZE, DEFAULT_ROW_PT, type TextLayout } from './text-layout.ts';
import { pageBreaks, type RowBlock } from './page-breaks.ts';
import { fitExcelText } from './cell-limit.ts';

export type CellValue = string | number | null;

/** Excel's default column width, in units. */
const DEFAULT_COLUMN_UNITS = 9.14;
/** The widest sheet, in column units, that an A4 landscape page prints at 8,4 pt or more (LibreOffice: 7 pt a unit). */
const MAX_PRINT_UNITS = 150;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LINK_COLOUR = 'FF0563C1';
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };

export interface CellOptions {
  numFmt?: string;
  /** The text the reader will see, when it differs from the value (numbers). */
  shown?: string;
  /** Text that may spill over the empty cells to its right: does not widen its column. */
  overflow?: boolean;
  bold?: boolean;
  size?: number;
  /** Wraps within its column; the row grows to hold it. */
  wrap?: boolean;
  fill?: string;
  header?: boolean;
  /** A relative link (another file of the reports folder): the cell shows the text and opens the file. */
  link?: string;
}

// One style object per look and per workbook: exceljs recognises a style
// object it has already seen and skips re-serialising it, which makes the
// workbook several times faster to write. Never change a cell's style in
// place (cell.font = …) after this: the object is shared.
const STYLE_CACHES = new WeakMap<ExcelJS.Workbook, Map<string, Partial<ExcelJS.Style>>>();

function sharedStyle(wb: ExcelJS.Workbook, o: CellOptions): Partial<ExcelJS.Style> {
  let cache = STYLE_CACHES.get(wb);
  if (!cache) STYLE_CACHES.set(wb, (cache = new Map()));
  const key = `${o.numFmt ?? ''}|${o.bold ? 1 : 0}|${o.size ?? ''}|${o.wrap ? 1 : 0}|${o.fill ?? ''}|${o.header ? 1 : 0}|${o.link ? 1 : 0}`;
  let style = cache.get(key);
  if (!style) {
    style = {};
    if (o.numFmt) style.numFmt = o.numFmt;
    if (o.bold || o.header || o.size || o.link) {
      style.font = { ...(o.bold || o.header ? { bold: true } : {}), ...(o.size ? { size: o.size } : {}), ...(o.link ? { underline: true, color: { argb: LINK_COLOUR } } : {}) };
    }
    // Top-aligned, so that the cells of a row whose text wraps read on one line.
    style.alignment = o.wrap || o.header ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    if (o.header) {
      style.fill = HEADER_FILL;
      style.border = { bottom: THIN };
    } else if (o.fill) {
      style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: o.fill } };
    }
    cache.set(key, style);
  }
  return style;
}

interface WrappedText {
  row: number;
  col: number;
  text: string;
  size: number;
  bold: boolean;
  /** Spread over every column of the sheet from its own (merged), not just its own. */
  span: boolean;
}

export interface SpanOptions extends CellOptions {
  /** First column of the spread text (1 by default). */
  fromCol?: number;
}

/** Writes cells, remembers how wide each column's text is and which texts wrap. */
/** Units added to a number's measured width: spreadsheets pad cells and may group digits more widely than we measure. */
const NUMBER_ROOM = 1.5;

export class SheetWriter {
  private widths: number[] = [];
  private wordWidths: number[] = [];
  private wrapped: WrappedText[] = [];
  private heights = new Map<number, number>();
  private blocks: RowBlock[] = [];
  lastRow = 0;

  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly layout: TextLayout,
  ) {}

  put(row: number, col: number, value: CellValue, options: CellOptions = {}): void {
    const v = value === '' ? null : typeof value === 'string' ? fitExcelText(value) : value;
    if (row > this.lastRow) this.lastRow = row;
    if (v === null && !options.header && !options.fill) return;
    const cell = this.ws.getRow(row).getCell(col);
    cell.style = sharedStyle(this.ws.workbook, options);
    cell.value = options.link && typeof v === 'string' ? { text: v, hyperlink: options.link } : v;
    if (options.overflow) return;
    const text = options.shown ?? (v === null ? '' : String(v));
    if (!text) return;
    const size = options.size ?? BODY_SIZE;
    const bold = Boolean(options.bold || options.header);
    if (options.header) {
      // A header wraps at its words: the column's content decides its width.
      this.wrapped.push({ row, col, text, size, bold, span: false });
      const word = this.layout.longestWordUnits(text, size, bold);
      this.widen(col, word, word);
    } else if (options.wrap) {
      this.wrapped.push({ row, col, text, size, bold, span: false });
      this.widen(col, this.layout.units(text, size, bold), this.layout.longestWordUnits(text, size, bold));
    } else {
      // A number that does not fit prints « ### »: room for the reader's own separators (« 14,940 € »).
      const u = this.layout.units(text, size, bold) + (typeof v === 'number' ? NUMBER_ROOM : 0);
      this.widen(col, u, u);
    }
  }

  /** A text over the whole width of the sheet (merged cells), wrapped, its row as tall as it needs. */
  span(row: number, text: string, options: SpanOptions = {}): void {
    const col = options.fromCol ?? 1;
    this.put(row, col, text, { ...options, overflow: true, wrap: true });
    this.wrapped.push({ row, col, text, size: options.size ?? BODY_SIZE, bold: Boolean(options.bold), span: true });
  }

  /** Counts text that needs `units` columns units on one line (`word`: its longest word) in the column, without writing a cell. */
  widen(col: number, units: number, word = units): void {
    if (units > (this.widths[col] ?? 0)) this.widths[col] = units;
    if (word > (this.wordWidths[col] ?? 0)) this.wordWidths[col] = word;
  }

  title(row: number, text: string, size = 14): void {
    this.span(row, text, { bold: true, size });
  }

  header(row: number, labels: string[], firstCol = 1): void {
    labels.forEach((label, k) => this.put(row, firstCol + k, label, { header: true }));
  }

  /** Fixes a row's height (an image's rows). */
  setHeight(row: number, points: number): void {
    this.heights.set(row, points);
    this.ws.getRow(row).height = points;
    if (row > this.lastRow) this.lastRow = row;
  }

  /** These rows print on one page (when they fit on one). */
  keepTogether(first: number, last: number): void {
    if (last >= first) this.blocks.push({ first, last });
  }

  /**
   * Column widths from the widest text, between `minimum` and `maximum`
   * units; a column whose texts wrap (`wrapAt[col - 1]`) is no wider than
   * that, and never narrower than its longest word. When the columns up to
   * `lastCol` are wider than an A4 landscape page holds at 8 pt, the
   * wrapped ones narrow, in proportion to the room they have.
   */
  fitColumns(minimum = 6, maximum = 60, wrapAt: readonly (number | undefined)[] = [], lastCol = this.lastColumn): void {
    const widths: number[] = [];
    for (let c = 1; c < this.widths.length; c++) {
      const w = this.widths[c];
      if (w === undefined) continue;
      const cap = Math.max(Math.min(wrapAt[c - 1] ?? maximum, maximum), this.wordWidths[c] ?? 0);
      widths[c] = Math.min(cap, Math.max(minimum, w));
    }
    let total = 0;
    for (let c = 1; c <= lastCol; c++) total += widths[c] ?? DEFAULT_COLUMN_UNITS;
    const room = (c: number) => (wrapAt[c - 1] && widths[c] !== undefined ? Math.max(0, widths[c]! - Math.max(minimum, this.wordWidths[c] ?? 0)) : 0);
    let spare = 0;
    for (let c = 1; c <= lastCol; c++) spare += room(c);
    if (total > MAX_PRINT_UNITS && spare > 0) {
      const share = Math.min(1, (total - MAX_PRINT_UNITS) / spare);
      for (let c = 1; c <= lastCol; c++) widths[c] = widths[c] === undefined ? undefined! : widths[c]! - room(c) * share;
    }
    widths.forEach((w, c) => {
      if (w !== undefined) this.ws.getColumn(c).width = Math.floor(w * 10) / 10;
    });
  }

  /** Width of column `col` in units (what fitColumns set, or Excel's default). */
  columnUnits(col: number): number {
    return this.ws.getColumn(col).width ?? DEFAULT_COLUMN_UNITS;
  }

  /** Width of columns `from` to `to` in units. */
  widthUnits(from = 1, to = this.lastColumn): number {
    let s = 0;
    for (let c = from; c <= to; c++) s += this.columnUnits(c);
    return s;
  }

  get lastColumn(): number {
    return Math.max(1, this.widths.length - 1);
  }

  /** Merges the spread texts and sets the height of every row that holds wrapped text. Call after fitColumns. */
  finishRows(lastCol = this.lastColumn): void {
    const lines = new Map<number, number>();
    for (const w of this.wrapped) {
      if (w.span && lastCol > w.col) this.ws.mergeCells(w.row, w.col, w.row, lastCol);
      const n = this.layout.lines(w.text, w.span ? this.widthUnits(w.col, Math.max(w.col, lastCol)) : this.columnUnits(w.col), w.size, w.bold);
      const h = this.layout.rowHeight(n, w.size);
      lines.set(w.row, Math.max(lines.get(w.row) ?? 0, h));
    }
    for (const [row, h] of lines) {
      if (h > DEFAULT_ROW_PT && !this.heights.has(row)) this.setHeight(row, h);
    }
  }

  rowHeight(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_PT;
  }

  get keptBlocks(): readonly RowBlock[] {
    return this.blocks;
  }
}

/** `&` starts a code in Excel headers and footers. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&').slice(0, 120);
}

const PAGE = { width: 595.3, height: 841.9 }; // A4 in points
// Narrow side margins: a table as wide as the sheet's prints larger.
const MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }; // inches

export interface PrintOptions {
  /** The workbook's title, in the page header. */
  title: string;
  /** The data's year, in the page footer. */
  year: number;
  /** Rows repeated at the top of every page, e.g. `8:8`. */
  repeatRows?: string;
  /** Last column printed (the sheet's width); defaults to the last written column. */
  lastCol?: number;
}

export interface PrintGeometry {
  orientation: 'portrait' | 'landscape';
  /** Width of the printed columns in points, the narrower of LibreOffice's and Excel's. */
  widthPt: number;
  /** Height of the sheet, in points, that one page holds (at the larger of the two scales). */
  pageHeightPt: number;
  /** The scale LibreOffice prints at, fitting the width. */
  scale: number;
}

/**
 * How the sheet's columns print on A4: portrait when their width prints
 * there at 85 % or more, landscape otherwise. LibreOffice draws a column unit
 * 7 pt wide here (DejaVu Sans for Calibri), Excel 5,25 pt plus 3,75 pt a
 * column with narrower text: breaks and image sizes are planned for both.
 */
export function printGeometry(w: SheetWriter, lastCol = w.lastColumn): PrintGeometry {
  const units = w.widthUnits(1, lastCol);
  const printable = (pageWidth: number) => pageWidth - (MARGINS.left + MARGINS.right) * 72;
  const loWidth = units * w.layout.unitPt;
  const excelWidth = units * 5.25 + lastCol * 3.75;
  const orientation = printable(PAGE.width) / loWidth >= 0.85 ? 'portrait' : 'landscape';
  const [pageW, pageH] = orientation === 'portrait' ? [PAGE.width, PAGE.height] : [PAGE.height, PAGE.width];
  const largerScale = Math.min(1, printable(pageW) / Math.min(loWidth, excelWidth));
  return {
    orientation,
    widthPt: Math.min(loWidth, excelWidth),
    pageHeightPt: (pageH - (MARGINS.top + MARGINS.bottom) * 72) / largerScale,
    scale: Math.min(1, printable(pageW) / loWidth),
  };
}

/**
 * A4 in the orientation the width needs; fit to the page's width only; the
 * printed area, the repeated rows, the header and footer; page breaks
 * between kept blocks.
 */
export function setupPrint(w: SheetWriter, o: PrintOptions): PrintGeometry {
  const ws = w.ws;
  const lastCol = o.lastCol ?? w.lastColumn;
  const geometry = printGeometry(w, lastCol);
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = geometry.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.margins = MARGINS;
  if (o.repeatRows) ws.pageSetup.printTitlesRow = o.repeatRows;
  ws.pageSetup.printArea = `A1:${columnLetter(lastCol)}${Math.max(1, w.lastRow)}`;
  // One text per line of the header: left and right parts would overlap on a long title.
  ws.headerFooter.oddHeader = `&C${headerText(o.title)}`;
  ws.headerFooter.oddFooter = `&L${headerText(t.dataYear(o.year))}&C&A&R${t.footerPage}`;
  const repeated = o.repeatRows ? rowsHeight(w, o.repeatRows) : 0;
  for (const r of pageBreaks(w.lastRow, (row) => w.rowHeight(row), geometry.pageHeightPt - repeated - 6, w.keptBlocks)) ws.getRow(r).addPageBreak();
  return geometry;
}

function rowsHeight(w: SheetWriter, range: string): number {
  const [a, b] = range.split(':').map(Number);
  let h = 0;
  for (let r = a!; r <= (b ?? a!); r++) h += w.rowHeight(r);
  return h;
}

export function freezeBelow(ws: ExcelJS.Worksheet, row: number, columns = 0): void {
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: row, topLeftCell: `${columnLetter(columns + 1)}${row + 1}`, activeCell: `${columnLetter(columns + 1)}${row + 1}` }];
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
