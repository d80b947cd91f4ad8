// SIG Ville / INSEE / Observatoire exports, wide: one row per territory, one
// column per indicator, the year in the column name, the file name or a
// sidecar file.

import type { Figure } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { matchIndicator, type IndicatorColumn } from '../catalogue.ts';
import { CODE_COLUMNS, YEAR_COLUMNS, columnIndex } from '../columns.ts';
import { cellToFigure } from '../figure-cell.ts';
import { yearFromFileName } from '../header-names.ts';
import { producerFromPreamble, territoryOf, type ReadContext, type ReadResult } from '../source-context.ts';
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
  if (/observatoire|odt/.test(f)) return 'Observatoire des territoires';
  return 'Export';
}

export interface WideOptions {
  /** What an empty cell means: INSEE and Observatoire files mask secrets with empty cells. */
  empty?: 'secret' | 'absent';
  sidecarYear?: number;
  producer?: string;
}

export function readWideExport(ctx: ReadContext, options: WideOptions = {}): ReadResult {
  const { table, file } = ctx;
  const codeCol = columnIndex(table.header, ...CODE_COLUMNS);
  const nameCol = columnIndex(table.header, ...NAME_COLUMNS);
  const cols = indicatorColumns(table.header, ctx);
  const fileYear = options.sidecarYear ?? yearFromFileName(file);
  if (cols.some((c) => c.year === undefined) && fileYear === undefined) throw new DataError(msg.noYear(file), { file });
  const producer = options.producer ?? producerFromPreamble(table.preamble, defaultProducer(file + ' ' + table.preamble.join(' ')));
  const vintage = String(fileYear ?? Math.max(...cols.map((c) => c.year ?? 0)));
  const sourceLabel = `${producer} ${vintage}`;
  const figures: Figure[] = [];
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const code = (row[codeCol] ?? '').trim();
    if (!code) throw new DataError(msg.noCode(file, line, table.header[codeCol]!), { file, line, column: table.header[codeCol] });
    const territory = territoryOf(code, ctx);
    if (!territory) {
      throw new DataError(msg.badEnum(file, line, table.header[codeCol]!, code, ['un code de quartier (QP…, QN…), de commune (5 caractères), d\'EPCI (SIREN, 9 chiffres), de département ou « FRM »']), { file, line, column: table.header[codeCol] });
    }
    const territoryName = nameCol >= 0 ? (row[nameCol] ?? '').trim() : '';
    figures.push(...rowFigures(ctx, row, line, cols, { territory: code, territoryName, kind: territory, year: (c) => c.year ?? fileYear!, sourceLabel, empty: options.empty ?? 'absent' }));
  });
  return { figures, warnings: [], producer, vintage };
}
