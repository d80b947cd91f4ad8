// SIG Ville / INSEE / Observatoire exports, wide: one row per territory, one
// column per indicator, the year in the column name, the file name or a
// sidecar file.

import type { Figure } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { matchIndicator, type IndicatorColumn } from '../catalogue.ts';
import { CODE_COLUMNS, YEAR_COLUMNS, columnIndex } from '../columns.ts';
import { cellToFigure } from '../figure-cell.ts';
import { vintageOf, yearFromFileName } from '../header-names.ts';
import { producerFromPreamble, territoryOf, type DataKind, type ReadContext, type ReadResult } from '../source-context.ts';
import type { TerritoryKind } from '../territory-code.ts';

export const NAME_COLUMNS = ['libelle geographique', 'libellé géographique', 'nom_qp', 'lib_qp', 'nom du quartier', 'libelle', 'libellé', 'nom', 'quartier', 'territoire'];

export function indicatorColumns(header: string[], ctx: Pick<ReadContext, 'aliases'>): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  header.forEach((name, index) => {
    const m = matchIndicator(name, ctx.aliases);
    if (m) out.push({ index, name, indicator: m.indicator, year: m.year });
  });
  return out;
}

export interface RowTerritory {
  territory: string;
  territoryName: string;
  kind: TerritoryKind;
  year: (column: IndicatorColumn) => number;
  sourceLabel: string;
  empty: 'secret' | 'absent';
}

/** The figures of one row: one per indicator column, empty cells skipped when they mean « absent ». */
export function rowFigures(ctx: ReadContext, row: string[], line: number, cols: IndicatorColumn[], t: RowTerritory): Figure[] {
  const out: Figure[] = [];
  const dropped = ctx.outOfScope?.drops(t.kind.level, t.territory) ? ctx.outOfScope : undefined;
  for (const col of cols) {
    const text = row[col.index] ?? '';
    if (text.trim() === '' && t.empty === 'absent') continue;
    out.push(
      cellToFigure(
        text,
        { territory: t.territory, territoryName: t.territoryName, level: t.kind.level, perimeter: t.kind.perimeter, indicator: ctx.indicators.get(col.indicator)!, year: t.year(col) },
        { file: ctx.file, line, column: col.name, sourceLabel: t.sourceLabel },
        { empty: t.empty },
      ),
    );
  }
  if (dropped && out.length) {
    // Checked like every cell (same errors as a run that publishes them), then not kept.
    dropped.values += out.length;
    dropped.territories.add(t.territory);
    return [];
  }
  return out;
}

export function isWideExport(header: string[], ctx: Pick<ReadContext, 'aliases'>): boolean {
  return columnIndex(header, ...CODE_COLUMNS) >= 0 && columnIndex(header, ...YEAR_COLUMNS) < 0 && indicatorColumns(header, ctx).length > 0;
}

export function defaultProducer(file: string): string {
  const f = file.toLowerCase();
  if (/sig[ _-]?ville/.test(f)) return 'SIG Ville';
  if (/filosofi/.test(f)) return 'INSEE Filosofi';
  if (/insee/.test(f)) return 'INSEE';
  if (/rpls/.test(f)) return 'SDES RPLS';
  if (/occitanie|hackaviz/.test(f)) return 'INSEE (extrait Occitanie)';
  if (/population|recensement/.test(f)) return 'INSEE recensement';
  if (/observatoire|odt/.test(f)) return 'Observatoire des territoires';
  return 'Export';
}

export interface WideOptions {
  /** What an empty cell means: INSEE and Observatoire files mask secrets with empty cells. */
  empty?: 'secret' | 'absent';
  producer?: string;
}

/**
 * What an empty cell means in a file: INSEE files (Filosofi, recensement,
 * the Occitanie extract of INSEE figures) mask secrets with empty cells;
 * elsewhere an empty cell is a figure the source does not give.
 */
export function emptyMeaning(file: string, preamble: string[]): 'secret' | 'absent' {
  return /insee|filosofi|recensement|occitanie|hackaviz/i.test(`${file} ${preamble.join(' ')}`) ? 'secret' : 'absent';
}

/** Columns that are neither the code, the name, the year nor an indicator: listed by `validate`. */
export function ignoredColumnsNote(header: string[], used: number[]): string[] {
  const set = new Set(used);
  const ignored = header.filter((_, i) => !set.has(i));
  return ignored.length ? [msg.ignoredColumns(ignored)] : [];
}

export function readWideExport(ctx: ReadContext, options: WideOptions = {}): ReadResult & { notes: string[] } {
  const { table, file } = ctx;
  const codeCol = columnIndex(table.header, ...CODE_COLUMNS);
  const nameCol = columnIndex(table.header, ...NAME_COLUMNS);
  const cols = indicatorColumns(table.header, ctx);
  const fileYear = ctx.sidecarYear ?? yearFromFileName(file);
  if (cols.some((c) => c.year === undefined) && fileYear === undefined) throw new DataError(msg.noYear(file), { file });
  const producer = options.producer ?? producerFromPreamble(table.preamble, defaultProducer(file + ' ' + table.preamble.join(' ')));
  // The export's vintage: its file year, else the years its columns carry (`pop_2013`, `pop_2018`).
  const vintage = cols.every((c) => c.year !== undefined) ? vintageOf(cols.map((c) => c.year!)) : String(fileYear);
  const sourceLabel = `${producer} ${vintage}`;
  const figures: Figure[] = [];
  const empty = options.empty ?? emptyMeaning(file, table.preamble);
  // RPLS: a « Note » of 4 or 5 means the whole row is masked by the SDES.
  const noteCol = columnIndex(table.header, 'note');
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const code = (row[codeCol] ?? '').trim();
    if (!code) throw new DataError(msg.noCode(file, line, table.header[codeCol]!), { file, line, column: table.header[codeCol] });
    const territory = territoryOf(code, ctx);
    if (!territory) {
      throw new DataError(msg.badEnum(file, line, table.header[codeCol]!, code, ['un code de quartier (QP…, QN…), de commune (5 caractères), d\'EPCI (SIREN, 9 chiffres), de département ou « FRM »']), { file, line, column: table.header[codeCol] });
    }
    const territoryName = nameCol >= 0 ? (row[nameCol] ?? '').trim() : '';
    const rowEmpty = noteCol >= 0 && /^[45]$/.test((row[noteCol] ?? '').trim()) ? 'secret' : empty;
    figures.push(...rowFigures(ctx, row, line, cols, { territory: code, territoryName, kind: territory, year: (c) => c.year ?? fileYear!, sourceLabel, empty: rowEmpty }));
  });
  const notes = ignoredColumnsNote(table.header, [codeCol, nameCol, noteCol, ...cols.map((c) => c.index)]);
  return { figures, warnings: [], producer, vintage, notes };
}

export const wideExportKind: DataKind = {
  id: 'export',
  label: 'Export par territoire (SIG Ville, INSEE, RPLS…)',
  detect: isWideExport,
  read: (ctx) => readWideExport(ctx),
};
