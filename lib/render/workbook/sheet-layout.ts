// What every sheet shares: header style, cells that widen their column,
// print setup (A4 landscape, fit to width, repeated header row, header and
// footer with the title and the page number).

import type ExcelJS from 'exceljs';
import { workbookText as t } from '../../messages/workbook.ts';

export type CellValue = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };

export interface CellOptions {
  numFmt?: string;
  /** The text the reader will see, when it differs from the value (numbers). */
  shown?: string;
  /** Text that may spill over the empty cells to its right: does not widen its column. */
  overflow?: boolean;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  fill?: string;
  header?: boolean;
}

// One style object per look and per workbook: exceljs recognises a style
// object it has already seen and skips re-serialising it, which makes the
// workbook several times faster to write. Never change a cell's style in
// place (cell.font = …) after this: the object is shared.
const STYLE_CACHES = new WeakMap<ExcelJS.Workbook, Map<string, Partial<ExcelJS.Style>>>();

function sharedStyle(wb: ExcelJS.Workbook, o: CellOptions): Partial<ExcelJS.Style> {
  let cache = STYLE_CACHES.get(wb);
  if (!cache) STYLE_CACHES.set(wb, (cache = new Map()));
  const key = `${o.numFmt ?? ''}|${o.bold ? 1 : 0}|${o.size ?? ''}|${o.wrap ? 1 : 0}|${o.fill ?? ''}|${o.header ? 1 : 0}`;
  let style = cache.get(key);
  if (!style) {
    style = {};
    if (o.numFmt) style.numFmt = o.numFmt;
    if (o.bold || o.header || o.size) style.font = { ...(o.bold || o.header ? { bold: true } : {}), ...(o.size ? { size: o.size } : {}) };
    if (o.wrap || o.header) style.alignment = { vertical: 'top', wrapText: true };
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

/** Writes cells and remembers the widest text of each column. */
export class SheetWriter {
  private widths: number[] = [];
  constructor(readonly ws: ExcelJS.Worksheet) {}

  put(row: number, col: number, value: CellValue, options: CellOptions = {}): void {
    const v = value === '' ? null : value;
    if (v === null && !options.header && !options.fill) return;
    const cell = this.ws.getRow(row).getCell(col);
    cell.style = sharedStyle(this.ws.workbook, options);
    cell.value = v;
    if (!options.overflow) this.widen(col, (options.shown ?? (v === null ? '' : String(v))).length);
  }

  /** Counts text of that length in the column, for `fitColumns`, without writing a cell. */
  widen(col: number, length: number): void {
    if (length > (this.widths[col] ?? 0)) this.widths[col] = length;
  }

  title(row: number, text: string, size = 14): void {
    this.put(row, 1, text, { overflow: true, bold: true, size });
  }

  header(row: number, labels: string[], firstCol = 1): void {
    labels.forEach((label, k) => this.put(row, firstCol + k, label, { header: true }));
  }

  /** Column widths from the widest text, between 6 and 60 characters. */
  fitColumns(minimum = 6, maximum = 60): void {
    for (let c = 1; c < this.widths.length; c++) {
      const w = this.widths[c];
      if (w === undefined) continue;
      this.ws.getColumn(c).width = Math.min(maximum, Math.max(minimum, w + 2));
    }
  }
}

/** `&` starts a code in Excel headers and footers. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&').slice(0, 200);
}

export function setupPrint(ws: ExcelJS.Worksheet, title: string, headerRow?: number): void {
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = 'landscape';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  if (headerRow) ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.headerFooter.oddHeader = `&L${headerText(t.headerCenter(title))}&R&A`;
  ws.headerFooter.oddFooter = `&C${t.footerPage}`;
}

export function freezeBelow(ws: ExcelJS.Worksheet, row: number, columns = 0): void {
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: row, topLeftCell: `${columnLetter(columns + 1)}${row + 1}`, activeCell: `${columnLetter(columns + 1)}${row + 1}` }];
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
