// « Données »: the tidy table as an Excel table (filters, frozen header), in
// the column names of `indicateurs.csv`. Numbers stay numbers with a number
// format; a bounded or approximate value reads « > 30 % » in `valeur` and
// keeps its number in `valeur_numerique`; a secret reads « secret ».

import type ExcelJS from 'exceljs';
import { TIDY_COLUMNS, type TidyRow } from '../../model/tidy-row.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, columnLetter, freezeBelow, setupPrint } from './sheet-layout.ts';
import { readableValue } from './value-cell.ts';
import { rowXml, type DirectCell, type DirectRows } from './direct-rows.ts';
import { gapFormat, indexFormat, valueFormat } from './number-format.ts';
import type { Unit } from '../../model/types.ts';

/** Whole numbers: years, counts, ranks, line numbers. */
const INTEGER = /^(annee|annee_.+|.+_annee|decimales.*|ligne|rang|rang_sur|rang_national|rang_national_sur|quartiers_.+)$/;
/** Changes and gaps, signed, in the indicator's unit (points for percentages). */
const SIGNED = /^(ecart_.+|evolution.*|distance_cible|rythme_.+)$/;

/** How a numeric column's format is chosen: from its name alone, or from the row's unit and decimals. */
type ColumnKind = 'integer' | 'index' | 'ratio' | 'part' | 'signed' | 'target' | 'value';

function columnKind(col: string): ColumnKind {
  if (INTEGER.test(col)) return 'integer';
  if (col === 'indice' || col.startsWith('indice_')) return 'index';
  if (col === 'ratio') return 'ratio';
  if (col.startsWith('part_')) return 'part';
  if (SIGNED.test(col)) return 'signed';
  if (col === 'cible') return 'target';
  return 'value';
}

/**
 * Number format of a numeric column other than the value, its reference and
 * its gap. `format` makes a unit's value or gap format (memoised by the sheet:
 * a national workbook asks for it millions of times).
 */
function formatOf(kind: ColumnKind, row: TidyRow, format: (gap: boolean, unit: Unit, decimals: number) => string): string {
  switch (kind) {
    case 'integer':
      return '0';
    case 'index':
      return indexFormat();
    case 'ratio':
      return '0.000';
    case 'part':
      return format(false, 'pct', 1);
    default: {
      const decimals = Math.max(row.decimales, row.decimales_reference);
      const gap = kind === 'signed' || (kind === 'target' && row.cible_type === 'ecart');
      return format(gap, row.unite, decimals);
    }
  }
}

/** The value and gap formats of each unit and number of decimals, made once. */
function memoisedFormats(): (gap: boolean, unit: Unit, decimals: number) => string {
  const made = new Map<string, string>();
  return (gap, unit, decimals) => {
    const key = `${gap ? 'g' : 'v'}${unit}${decimals}`;
    let f = made.get(key);
    if (f === undefined) made.set(key, (f = gap ? gapFormat(unit, decimals) : valueFormat(unit, decimals)));
    return f;
  };
}

/** Column order: `valeur_numerique` right after `valeur`. */
export function donneesColumns(): string[] {
  const cols: string[] = [];
  for (const c of TIDY_COLUMNS) {
    cols.push(c);
    if (c === 'valeur') cols.push(t.numericValue);
  }
  return cols;
}

type Cell = DirectCell & { shown?: string };

/** Where each column's value comes from: the row's own fields, but the value and its reference shown with their unit. */
function cellMaker(columns: string[]): (row: TidyRow, j: number) => Cell | null {
  const valueCol = columns.indexOf('valeur');
  const numericCol = columns.indexOf(t.numericValue);
  const refCol = columns.indexOf('valeur_reference');
  const gapCol = columns.indexOf('ecart_points');
  // What decides each column's number format, worked out once per column rather than once per cell.
  const kinds = columns.map(columnKind);
  const format = memoisedFormats();
  return (row, j) => {
    if (j === valueCol) {
      const v = { state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite };
      const text = readableValue(v);
      if (row.etat === 'valeur' && row.valeur !== null && row.borne === '=') return { value: row.valeur, numFmt: format(false, row.unite, row.decimales), shown: text };
      return text ? { value: text } : null;
    }
    if (j === numericCol) return row.etat !== 'valeur' || row.valeur === null ? null : { value: row.valeur, numFmt: format(false, row.unite, row.decimales) };
    if (j === refCol) return row.valeur_reference === null ? null : { value: row.valeur_reference, numFmt: format(false, row.unite, row.decimales_reference) };
    if (j === gapCol) return row.ecart_points === null ? null : { value: row.ecart_points, numFmt: format(false, row.unite === 'pct' ? 'nombre' : row.unite, Math.max(row.decimales, row.decimales_reference)) };
    const raw = row[columns[j] as keyof TidyRow];
    if (typeof raw === 'number') return { value: raw, numFmt: formatOf(kinds[j]!, row, format) };
    return raw === null || raw === undefined || raw === '' ? null : { value: String(raw) };
  };
}

/**
 * The sheet as exceljs lays it out: header, column widths, table, frozen
 * header, print setup, and in row 2 one probe cell per number format. The
 * data rows are written as XML into the package afterwards (`fillRows`,
 * direct-rows.ts); null when there is no row to write.
 */
export function addDonneesSheet(wb: ExcelJS.Workbook, name: string, title: string, rows: TidyRow[], tableName: string): DirectRows | null {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
  const columns = donneesColumns();
  const letters = columns.map((_, j) => columnLetter(j + 1));
  const cellOf = cellMaker(columns);
  w.header(1, columns);
  // First pass: column widths and the number formats in use, in order of
  // appearance. The cells are made again when the rows are written: keeping
  // them would hold an object per cell, the memory this writer saves.
  const formats = new Set<string>();
  for (const row of rows) {
    for (let j = 0; j < columns.length; j++) {
      const c = cellOf(row, j);
      if (!c) continue;
      w.widen(j + 1, (c.shown ?? String(c.value)).length);
      if (c.numFmt) formats.add(c.numFmt);
    }
  }
  const probe = new Map<string, string>();
  [...formats].forEach((numFmt, k) => {
    w.put(2, k + 1, 0, { numFmt, overflow: true });
    probe.set(columnLetter(k + 1), numFmt);
  });
  // A table needs at least one data row: an empty one keeps the headers and filters.
  const last = Math.max(2, rows.length + 1);
  ws.addTable({
    name: tableName,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: columns.map((c) => ({ name: c, filterButton: true })),
    rows: [],
  });
  const table = ws.getTable(tableName) as unknown as { table: { tableRef: string; autoFilterRef: string } };
  table.table.tableRef = `A1:${columnLetter(columns.length)}${last}`;
  table.table.autoFilterRef = table.table.tableRef;
  w.fitColumns(8, 40);
  freezeBelow(ws, 1);
  setupPrint(ws, title, 1);
  if (rows.length === 0) return null;
  return {
    sheet: `xl/worksheets/sheet${ws.id}.xml`,
    probeRow: 2,
    probe,
    dimension: `A1:${columnLetter(columns.length)}${rows.length + 1}`,
    rows(styleOf, strings) {
      const out: string[] = new Array(rows.length);
      const cells: (Cell | null)[] = new Array(columns.length);
      rows.forEach((row, k) => {
        for (let j = 0; j < columns.length; j++) cells[j] = cellOf(row, j);
        out[k] = rowXml(k + 2, cells, letters, styleOf, strings);
      });
      return out.join('');
    },
  };
}
