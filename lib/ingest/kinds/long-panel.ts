// Long panels: a code column, a year column, indicator columns
// (INSEE Filosofi by QPV 2012-2021).

import type { Figure } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { CODE_COLUMNS, YEAR_COLUMNS, columnIndex } from '../columns.ts';
import { parseYear, vintageOf } from '../header-names.ts';
import { producerFromPreamble, territoryOf, type DataKind, type ReadContext, type ReadResult } from '../source-context.ts';
import { NAME_COLUMNS, defaultProducer, emptyMeaning, ignoredColumnsNote, indicatorColumns, rowFigures } from './wide-export.ts';

export function isLongPanel(header: string[], ctx: Pick<ReadContext, 'aliases'>): boolean {
  return columnIndex(header, ...CODE_COLUMNS) >= 0 && columnIndex(header, ...YEAR_COLUMNS) >= 0 && indicatorColumns(header, ctx).length > 0;
}

export function readLongPanel(ctx: ReadContext, options: { empty?: 'secret' | 'absent' } = {}): ReadResult & { notes: string[] } {
  const { table, file } = ctx;
  const codeCol = columnIndex(table.header, ...CODE_COLUMNS);
  const yearCol = columnIndex(table.header, ...YEAR_COLUMNS);
  const nameCol = columnIndex(table.header, ...NAME_COLUMNS);
  const cols = indicatorColumns(table.header, ctx);
  const producer = producerFromPreamble(table.preamble, defaultProducer(file));
  // INSEE panels mask secrets with empty cells.
  const empty = options.empty ?? emptyMeaning(file, table.preamble);
  const figures: Figure[] = [];
  let minYear = Infinity;
  let maxYear = -Infinity;
  // A panel repeats a handful of year texts: parse each once.
  const yearOf = new Map<string, number | undefined>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const code = (row[codeCol] ?? '').trim();
    if (!code) throw new DataError(msg.noCode(file, line, table.header[codeCol]!), { file, line, column: table.header[codeCol] });
    const yearText = row[yearCol] ?? '';
    let year = yearOf.get(yearText);
    if (year === undefined && !yearOf.has(yearText)) {
      year = parseYear(yearText);
      yearOf.set(yearText, year);
    }
    if (year === undefined) throw new DataError(msg.badYear(file, line, table.header[yearCol]!, yearText), { file, line, column: table.header[yearCol] });
    minYear = Math.min(minYear, year);
    maxYear = Math.max(maxYear, year);
    const territory = territoryOf(code, ctx);
    if (!territory) {
      throw new DataError(msg.badEnum(file, line, table.header[codeCol]!, code, ['un code de quartier, de commune, d\'EPCI, de département ou « FRM »']), { file, line, column: table.header[codeCol] });
    }
    const territoryName = nameCol >= 0 ? (row[nameCol] ?? '').trim() : '';
    figures.push(...rowFigures(ctx, row, line, cols, { territory: code, territoryName, kind: territory, year: () => year, sourceLabel: `${producer} ${year}`, empty }));
  });
  const vintage = vintageOf([minYear, maxYear]);
  const notes = ignoredColumnsNote(table.header, [codeCol, yearCol, nameCol, ...cols.map((c) => c.index)]);
  return { figures, warnings: [], producer, vintage, notes };
}

export const longPanelKind: DataKind = {
  id: 'panel',
  label: 'Panel long (code, année, indicateurs)',
  detect: isLongPanel,
  read: (ctx) => readLongPanel(ctx),
};
