// What every sheet shares: header style, cells that widen their column,
// print setup (A4 landscape, fit to width, repeated header row, header and
// footer with the title and the page number).

import type ExcelJS from 'exceljs';
import { workbookText as t } from '../../messages/workbook.ts';

export type CellValue = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };

/** Writes cells and remembers the widest text of each column. */
export class SheetWriter {
  private widths: number[] = [];
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** `shown`: the text the reader will see, when it differs from the value (numbers). */
  put(row: number, col: number, value: CellValue, options: { numFmt?: string; shown?: string; overflow?: boolean; bold?: boolean; wrap?: boolean } = {}): ExcelJS.Cell {
    const cell = this.ws.getCell(row, col);
    cell.value = value === '' ? null : value;
    if (options.numFmt) cell.numFmt = options.numFmt;
    if (options.bold) cell.font = { bold: true };
    if (options.wrap) cell.alignment = { vertical: 'top', wrapText: true };
    if (!options.overflow) {
      const text = options.shown ?? (value === null ? '' : String(value));
      this.widths[col] = Math.max(this.widths[col] ?? 0, text.length);
    }
    return cell;
  }

  title(row: number, text: string, size = 14): void {
    const cell = this.put(row, 1, text, { overflow: true });
    cell.font = { bold: true, size };
  }

  header(row: number, labels: string[], firstCol = 1): void {
    labels.forEach((label, k) => {
      const cell = this.put(row, firstCol + k, label);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = { bottom: THIN };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
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
