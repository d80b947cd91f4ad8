// « Données »: every year of every indicator of the workbook's quartiers, in
// the columns a comité reader uses (value with its bound, the reference's
// value, gap, index, reading, change, target, ranks, source; the reference's
// name is in the Synthèse and the full table), numbers as numbers with
// their format, filters on the header. The full table, every column, is
// `indicateurs.csv`, linked from the sheet when the run writes it.

import { medianDecimals } from '../portrait/format-value.ts';
import type ExcelJS from 'exceljs';
import type { TidyRow } from '../../model/tidy-row.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { trendLabels } from '../../messages/trend-labels.ts';
import { SheetWriter, columnLetter, freezeBelow, setupPrint, type CellOptions } from './sheet-layout.ts';
import { gapCell, indexCell, targetCell, valueCell, type ShownCell } from './value-cell.ts';
import type { TextLayout } from './text-layout.ts';

interface Column {
  header: string;
  cell: (row: TidyRow) => ShownCell | string | number | null;
  /** Long text: wraps within this many characters instead of widening its column. */
  wrap?: number;
  /** Shown only when at least one row has a value (national context). */
  optional?: boolean;
}

const decimalsOf = (row: TidyRow) => Math.max(row.decimales, row.decimales_reference);

export const DONNEES_COLUMNS: Column[] = [
  { header: t.donneesHeaders.code, cell: (r) => r.quartier_code },
  { header: t.donneesHeaders.quartier, cell: (r) => r.quartier, wrap: 15 },
  { header: t.donneesHeaders.indicateur, cell: (r) => r.libelle, wrap: 20 },
  { header: t.donneesHeaders.annee, cell: (r) => r.annee },
  { header: t.donneesHeaders.valeur, cell: (r) => valueCell({ state: r.etat, value: r.valeur, bound: r.borne, decimals: r.decimales, unit: r.unite }) },
  {
    header: t.donneesHeaders.valeurReference,
    cell: (r) => valueCell({ state: r.valeur_reference === null ? 'absent' : 'valeur', value: r.valeur_reference, bound: r.borne_reference, decimals: r.decimales_reference, unit: r.unite }),
  },
  { header: t.donneesHeaders.ecart, cell: (r) => gapCell(r.ecart_points, r.borne_ecart, decimalsOf(r), r.unite) },
  { header: t.donneesHeaders.indice, cell: (r) => indexCell(r.indice, r.borne_ratio) },
  { header: t.donneesHeaders.lecture, cell: (r) => t.readings[r.sens] ?? '' },
  { header: t.donneesHeaders.evolution, cell: (r) => gapCell(r.evolution, r.borne_evolution, r.decimales, r.unite) },
  { header: t.donneesHeaders.convergence, cell: (r) => trendLabels.convergence(r.convergence), wrap: 10 },
  { header: t.donneesHeaders.rang, cell: (r) => trendLabels.rank(r.rang, r.rang_sur), wrap: 10 },
  { header: t.donneesHeaders.rangNational, cell: (r) => trendLabels.rank(r.rang_national, r.rang_national_sur), wrap: 10, optional: true },
  {
    header: t.donneesHeaders.medianeQpv,
    cell: (r) => valueCell({ state: r.mediane_qpv === null ? 'absent' : 'valeur', value: r.mediane_qpv, bound: '=', decimals: r.mediane_qpv === null ? r.decimales : medianDecimals(r.mediane_qpv, r.decimales, r.unite), unit: r.unite }),
    optional: true,
  },
  { header: t.donneesHeaders.cibleAnnee, cell: (r) => r.cible_annee },
  { header: t.donneesHeaders.cible, cell: (r) => targetCell(r) },
  { header: t.donneesHeaders.source, cell: (r) => r.source, wrap: 14 },
];

function asCell(v: ShownCell | string | number | null): { value: string | number | null; options: CellOptions } {
  if (v === null || v === '' || typeof v === 'string' || typeof v === 'number') return { value: v === '' ? null : v, options: {} };
  return { value: v.value, options: { numFmt: v.numFmt, shown: v.shown } };
}

/** The columns shown for these rows: the optional ones only when some row fills them. */
export function donneesColumns(rows: readonly TidyRow[]): Column[] {
  return DONNEES_COLUMNS.filter((c) => !c.optional || rows.some((r) => asCell(c.cell(r)).value !== null));
}

export const DONNEES_HEADER_ROW = 4;

export function addDonneesSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, year: number, rows: TidyRow[], fullTable: string | null): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const columns = donneesColumns(rows);
  w.title(1, t.donneesTitle);
  if (fullTable) w.put(2, 1, t.fullTableLink, { overflow: true, link: fullTable });
  else w.put(2, 1, t.fullTableAbsent, { overflow: true });
  const headerRow = DONNEES_HEADER_ROW;
  w.header(headerRow, columns.map((c) => c.header));
  let r = headerRow;
  rows.forEach((row) => {
    r++;
    for (let j = 0; j < columns.length; j++) {
      const { value, options } = asCell(columns[j]!.cell(row));
      const wrap = columns[j]!.wrap;
      w.put(r, j + 1, value, wrap ? { ...options, wrap: true } : options);
    }
  });
  // The title and the header never print alone on a page. Every row names
  // its quartier and indicator: a series that a page break cuts still
  // reads, and keeping each whole left pages half empty.
  w.keepTogether(1, Math.min(r, headerRow + 1));
  const last = columnLetter(columns.length);
  ws.autoFilter = `A${headerRow}:${last}${Math.max(r, headerRow + 1)}`;
  w.fitColumns(5, 40, columns.map((c) => c.wrap));
  w.finishRows(columns.length);
  freezeBelow(ws, headerRow, 2);
  setupPrint(w, { title, year, repeatRows: `${headerRow}:${headerRow}`, lastCol: columns.length });
  return ws;
}
