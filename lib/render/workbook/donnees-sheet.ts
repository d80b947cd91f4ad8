// « Données »: the tidy table as an Excel table (filters, frozen header), in
// the column names of `indicateurs.csv`. Numbers stay numbers with a number
// format; a bounded or approximate value reads « > 30 % » in `valeur` and
// keeps its number in `valeur_numerique`; a secret reads « secret ».

import type ExcelJS from 'exceljs';
import { TIDY_COLUMNS, type TidyRow } from '../../model/tidy-row.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, columnLetter, freezeBelow, setupPrint } from './sheet-layout.ts';
import { readableValue } from './value-cell.ts';
import { gapFormat, indexFormat, valueFormat } from './number-format.ts';

/** Whole numbers: years, counts, ranks, line numbers. */
const INTEGER = /^(annee|annee_.+|.+_annee|decimales.*|ligne|rang|rang_sur|quartiers_.+)$/;
/** Changes and gaps, signed, in the indicator's unit (points for percentages). */
const SIGNED = /^(ecart_.+|evolution.*|distance_cible|rythme_.+)$/;

/** Number format of a numeric column other than the value, its reference and its gap. */
export function columnFormat(col: string, row: TidyRow): string {
  const decimals = Math.max(row.decimales, row.decimales_reference);
  if (INTEGER.test(col)) return '0';
  if (col === 'indice' || col.startsWith('indice_')) return indexFormat();
  if (col === 'ratio') return '0.000';
  if (col.startsWith('part_')) return valueFormat('pct', 1);
  if (SIGNED.test(col) || (col === 'cible' && row.cible_type === 'ecart')) return gapFormat(row.unite, decimals);
  return valueFormat(row.unite, decimals);
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

export function addDonneesSheet(wb: ExcelJS.Workbook, name: string, title: string, rows: TidyRow[], tableName: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
  const columns = donneesColumns();
  w.header(1, columns);
  const valueCol = columns.indexOf('valeur') + 1;
  const numericCol = columns.indexOf(t.numericValue) + 1;
  const refCol = columns.indexOf('valeur_reference') + 1;
  const gapCol = columns.indexOf('ecart_points') + 1;
  rows.forEach((row, k) => {
    const r = k + 2;
    columns.forEach((col, j) => {
      const c = j + 1;
      if (c === valueCol) {
        const v = { state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite };
        const exact = row.etat === 'valeur' && row.valeur !== null && row.borne === '=';
        const text = readableValue(v);
        w.put(r, c, exact ? row.valeur : text || null, exact ? { numFmt: valueFormat(row.unite, row.decimales), shown: text } : {});
      } else if (c === numericCol) {
        w.put(r, c, row.etat === 'valeur' ? row.valeur : null, { numFmt: valueFormat(row.unite, row.decimales) });
      } else if (c === refCol) {
        w.put(r, c, row.valeur_reference, { numFmt: valueFormat(row.unite, row.decimales_reference) });
      } else if (c === gapCol) {
        w.put(r, c, row.ecart_points, { numFmt: valueFormat(row.unite === 'pct' ? 'nombre' : row.unite, Math.max(row.decimales, row.decimales_reference)) });
      } else {
        const raw = row[col as keyof TidyRow];
        if (typeof raw === 'number') w.put(r, c, raw, { numFmt: columnFormat(col, row) });
        else w.put(r, c, raw === null || raw === undefined || raw === '' ? null : String(raw));
      }
    });
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
  return ws;
}
