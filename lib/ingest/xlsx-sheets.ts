// An Excel workbook (.xlsx) → one grid of text per sheet, read with exceljs,
// so that every sheet goes through the same header recognition as a CSV
// file. Cells keep what the person typed or the file stores: numbers as
// numbers, fractions shown as percentages as percentages (0,402 shown
// « 40,2 % » → « 40.2 % »), text as written, formulas by their cached
// result, dates as dates. Merged cells keep their text in the first cell
// only, so that a merged title row stays a title row. Pure: bytes in.

import type ExcelJS from 'exceljs';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';

export interface SheetGrid {
  /** The sheet's name as written in the workbook. */
  name: string;
  /** Rows of cell text, the first row being row `firstRow` of the sheet. */
  rows: string[][];
  /** 1-based row number (as Excel shows it) of each row of `rows`. */
  rowNumbers: number[];
}

/**
 * The owner file Excel and Word leave beside a document while it is open
 * (« ~$donnees.xlsx », a few bytes): not a workbook, never read.
 */
export function isOfficeLockFile(path: string): boolean {
  return /(^|\/)~\$[^/]*$/.test(path);
}

/** Files that are workbooks read as data. */
export function isWorkbookFile(path: string): boolean {
  return /\.xlsx$/i.test(path) && !isOfficeLockFile(path);
}

/** Other office formats: refused by name, with how to save them. */
export function isOtherOfficeFile(path: string): boolean {
  return /\.(xls|xlsm|xlsb|ods|fods|numbers|ots|xlt|xltx|sxc|wk[1-4]|123|dbf)$/i.test(path) && !isOfficeLockFile(path);
}

/** A1 notation of a cell (column 1 = A). */
export function cellAddress(row: number, col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/** Every sheet of the workbook, empty ones included (the caller says they are empty). */
export async function readWorkbookSheets(bytes: Uint8Array, file: string): Promise<SheetGrid[]> {
  // Loaded only when the sources hold a workbook: exceljs is heavy, and most runs read CSV files only.
  // An .xlsx is a zip archive (« PK »); an old .xls (OLE2: D0 CF 11 E0) or a CSV renamed .xlsx is not.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const oldXls = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new DataError(msg.workbookNotXlsx(file, oldXls), { file });
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new DataError(msg.workbookUnreadable(file, e instanceof Error ? e.message : String(e)), { file });
  }
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = new Array(width).fill('');
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range repeats its master's value in every cell: only the master keeps it.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[c - 1] = cellText(cell, file, ws.name, r, c);
      });
      rows.push(cells);
      rowNumbers.push(r);
    });
    sheets.push({ name: ws.name, rows, rowNumbers });
  });
  return sheets;
}

/** Decimal text of a number, without the float noise of a binary fraction (0.402 × 100). */
function numberText(x: number): string {
  return String(Number(x.toPrecision(15)));
}

function cellText(cell: ExcelJS.Cell, file: string, sheet: string, row: number, col: number): string {
  const fmt = cell.numFmt ?? '';
  const value = cell.value;
  const scalar = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return fmt.includes('%') ? `${numberText(v * 100)} %` : numberText(v);
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      const o = v as { richText?: { text: string }[]; text?: unknown; error?: string; formula?: string; sharedFormula?: string; result?: unknown };
      if (o.richText) return o.richText.map((t) => t.text).join('');
      if (o.formula !== undefined || o.sharedFormula !== undefined) {
        if (o.result === undefined || o.result === null) {
          throw new DataError(msg.formulaWithoutResult(file, sheet, cellAddress(row, col), o.formula ?? o.sharedFormula ?? ''), { file, line: row, column: cellAddress(row, col) });
        }
        return scalar(o.result);
      }
      if (o.error !== undefined) return o.error;
      if (o.text !== undefined) return scalar(o.text);
    }
    return String(v);
  };
  return scalar(value);
}

/** Reads the sheets of every workbook among the files, in place; returns the workbooks that could not be read. */
export async function loadWorkbooks(files: { path: string; bytes: Uint8Array; sheets?: SheetGrid[] }[]): Promise<DataError[]> {
  const errors: DataError[] = [];
  for (const f of files) {
    if (!isWorkbookFile(f.path) || f.sheets) continue;
    try {
      f.sheets = await readWorkbookSheets(f.bytes, f.path);
    } catch (e) {
      if (e instanceof DataError) errors.push(e);
      else throw e;
    }
  }
  return errors;
}
