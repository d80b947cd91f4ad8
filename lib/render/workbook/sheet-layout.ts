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
import { fitWidths } from './column-fit.ts';

export type CellValue = string | number | null;

/** Excel's default column width, in units. */
const DEFAULT_COLUMN_UNITS = 9.14;
/** The widest sheet, in column units, that an A4 landscape page prints at 8 pt or more (73 %; LibreOffice: 7 pt a unit). */
const MAX_PRINT_UNITS = 157;

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
      // Named in full: a font without a name is drawn in the spreadsheet's fallback (a serif in LibreOffice), not the workbook's Calibri.
      style.font = { name: 'Calibri', family: 2, size: o.size ?? 11, ...(o.bold || o.header ? { bold: true } : {}), ...(o.link ? { underline: true, color: { argb: LINK_COLOUR } } : {}) };
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
   * units, and never narrower than the column's longest word. A column
   * whose texts wrap (`wrapAt[col - 1]`) starts that wide, then takes the
   * width for which the sheet prints on the fewest pages (its rows' height
   * against the scale its width prints at), the columns up to `lastCol`
   * together no wider than an A4 landscape page holds at 8 pt.
   */
  fitColumns(minimum = 6, maximum = 60, wrapAt: readonly (number | undefined)[] = [], lastCol = this.lastColumn): void {
    const widths: (number | undefined)[] = [];
    for (let c = 1; c < this.widths.length; c++) {
      const w = this.widths[c];
      if (w === undefined) continue;
      const cap = Math.max(Math.min(wrapAt[c - 1] ?? maximum, maximum), this.wordWidths[c] ?? 0);
      widths[c] = Math.min(cap, Math.max(minimum, w));
    }
    const flexible: number[] = [];
    let fixed = 0;
    for (let c = 1; c <= lastCol; c++) {
      if (wrapAt[c - 1] !== undefined && widths[c] !== undefined) flexible.push(c);
      else fixed += widths[c] ?? DEFAULT_COLUMN_UNITS;
    }
    if (flexible.length) {
      const height = this.sheetHeight(flexible, widths, lastCol);
      const fitted = fitWidths(
        {
          start: flexible.map((c) => widths[c]!),
          lo: flexible.map((c) => Math.min(widths[c]!, Math.max(minimum, this.wordWidths[c] ?? 0))),
          hi: flexible.map((c) => Math.max(widths[c]!, Math.min(maximum, this.widths[c]!))),
          fixed,
          maxTotal: MAX_PRINT_UNITS,
        },
        (fw) => height(fw) / printScale(fixed + fw.reduce((a, b) => a + b, 0), lastCol, this.layout.unitPt).pageHeightPt,
      );
      flexible.forEach((c, i) => (widths[c] = fitted[i]));
    }
    widths.forEach((w, c) => {
      if (w !== undefined) this.ws.getColumn(c).width = Math.floor(w * 10) / 10;
    });
  }

  /**
   * The sheet's height in points as a function of the widths of the
   * `flexible` columns (the others as in `widths`): each row as tall as its
   * tallest wrapped text. Rows that hold the same texts are counted once.
   */
  private sheetHeight(flexible: number[], widths: readonly (number | undefined)[], lastCol: number): (fw: readonly number[]) => number {
    const index = new Map(flexible.map((c, i) => [c, i]));
    const texts: WrappedText[][] = flexible.map(() => []);
    const textIndex: Map<string, number>[] = flexible.map(() => new Map());
    const fixedHeight = new Map<number, number>();
    const cellsOf = new Map<number, number[]>();
    const unitsOf = (from: number, to: number) => {
      let s = 0;
      for (let c = from; c <= to; c++) s += widths[c] ?? DEFAULT_COLUMN_UNITS;
      return s;
    };
    for (const x of this.wrapped) {
      const i = x.span ? undefined : index.get(x.col);
      if (i === undefined) {
        const units = x.span ? unitsOf(x.col, Math.max(x.col, lastCol)) : (widths[x.col] ?? DEFAULT_COLUMN_UNITS);
        const h = this.layout.rowHeight(this.layout.lines(x.text, units, x.size, x.bold), x.size);
        fixedHeight.set(x.row, Math.max(fixedHeight.get(x.row) ?? 0, h));
        continue;
      }
      const key = `${x.size}|${x.bold ? 1 : 0}|${x.text}`;
      let t = textIndex[i]!.get(key);
      if (t === undefined) {
        t = texts[i]!.push(x) - 1;
        textIndex[i]!.set(key, t);
      }
      const cells = cellsOf.get(x.row) ?? [];
      cells.push(i, t);
      cellsOf.set(x.row, cells);
    }
    let constant = 0;
    const groups = new Map<string, { count: number; floor: number; cells: number[] }>();
    for (let r = 1; r <= this.lastRow; r++) {
      const set = this.heights.get(r);
      const floor = Math.max(DEFAULT_ROW_PT, fixedHeight.get(r) ?? 0);
      const cells = cellsOf.get(r);
      if (set !== undefined || !cells) {
        constant += set ?? floor;
        continue;
      }
      const key = `${floor}:${cells.join(',')}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { count: 1, floor, cells });
    }
    const cache: Map<number, Float64Array>[] = flexible.map(() => new Map());
    const heightOf = (i: number, t: number, units: number): number => {
      const k = Math.round(units * 20);
      let known = cache[i]!.get(k);
      if (!known) cache[i]!.set(k, (known = new Float64Array(texts[i]!.length).fill(-1)));
      if (known[t]! < 0) {
        const x = texts[i]![t]!;
        known[t] = this.layout.rowHeight(this.layout.lines(x.text, units, x.size, x.bold), x.size);
      }
      return known[t]!;
    };
    return (fw) => {
      let total = constant;
      for (const g of groups.values()) {
        let h = g.floor;
        for (let k = 0; k < g.cells.length; k += 2) h = Math.max(h, heightOf(g.cells[k]!, g.cells[k + 1]!, fw[g.cells[k]!]!));
        total += h * g.count;
      }
      return total;
    };
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
  /** The print scale, in percent: the sheet's columns fit the page's width in Excel and in LibreOffice. */
  scalePercent: number;
  /** Width of the printed columns in points, the narrower of LibreOffice's and Excel's (what an image may span). */
  widthPt: number;
  /** Height of the sheet, in points, that one page holds at that scale. */
  pageHeightPt: number;
}

/**
 * How the sheet's columns print on A4: portrait when their width prints
 * there at 85 % or more, landscape otherwise. LibreOffice draws a column unit
 * 7 pt wide here (DejaVu Sans for Calibri), Excel 5,25 pt plus 3,75 pt a
 * column. The scale is explicit, the one at which the wider of the two fits
 * the page's width: both print at it (each app's own fit to width would
 * give each its own scale), so a page holds the same rows in both, and the
 * page breaks are planned exactly.
 */
export function printGeometry(w: SheetWriter, lastCol = w.lastColumn): PrintGeometry {
  return printScale(w.widthUnits(1, lastCol), lastCol, w.layout.unitPt);
}

function printScale(units: number, lastCol: number, unitPt: number): PrintGeometry {
  const printable = (pageWidth: number) => pageWidth - (MARGINS.left + MARGINS.right) * 72;
  const loWidth = units * unitPt;
  const excelWidth = units * 5.25 + lastCol * 3.75;
  const widest = Math.max(loWidth, excelWidth);
  const orientation = printable(PAGE.width) / widest >= 0.85 ? 'portrait' : 'landscape';
  const [pageW, pageH] = orientation === 'portrait' ? [PAGE.width, PAGE.height] : [PAGE.height, PAGE.width];
  const scalePercent = Math.min(100, Math.floor((100 * printable(pageW)) / widest));
  return {
    orientation,
    scalePercent,
    widthPt: Math.min(loWidth, excelWidth),
    pageHeightPt: ((pageH - (MARGINS.top + MARGINS.bottom) * 72) * 100) / scalePercent,
  };
}

/** Points a page keeps free of rows: the spreadsheets round row heights and margins. */
const PAGE_SLACK_PT = 4;

/**
 * A4 in the orientation the width needs, at the scale that fits the width
 * (never fit to one page); the printed area, the repeated rows, the header
 * and footer; page breaks that end every page and keep blocks whole.
 */
export function setupPrint(w: SheetWriter, o: PrintOptions): PrintGeometry {
  const ws = w.ws;
  const lastCol = o.lastCol ?? w.lastColumn;
  const geometry = printGeometry(w, lastCol);
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = geometry.orientation;
  ws.pageSetup.fitToPage = false;
  ws.pageSetup.scale = geometry.scalePercent;
  ws.pageSetup.margins = MARGINS;
  if (o.repeatRows) ws.pageSetup.printTitlesRow = o.repeatRows;
  ws.pageSetup.printArea = `A1:${columnLetter(lastCol)}${Math.max(1, w.lastRow)}`;
  // One text per line of the header: left and right parts would overlap on a long title.
  ws.headerFooter.oddHeader = `&C${headerText(o.title)}`;
  ws.headerFooter.oddFooter = `&L${headerText(t.dataYear(o.year))}&C&A&R${t.footerPage}`;
  const page = geometry.pageHeightPt - PAGE_SLACK_PT;
  const room = { first: page, next: page - (o.repeatRows ? rowsHeight(w, o.repeatRows) : 0) };
  for (const r of pageBreaks(w.lastRow, (row) => w.rowHeight(row), room, w.keptBlocks)) ws.getRow(r).addPageBreak();
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
