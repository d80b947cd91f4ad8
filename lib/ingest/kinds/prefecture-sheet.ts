// Préfecture figures: one row per quartier × indicator, the value and the
// agglomeration's value written as text ("+ de 30%", "environ 990", "12%").

import type { Figure } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { matchIndicator } from '../catalogue.ts';
import { YEAR_COLUMNS, columnIndex } from '../columns.ts';
import { cellToFigure } from '../figure-cell.ts';
import { normalizeName, parseYear, vintageOf, yearFromFileName } from '../header-names.ts';
import { findQuartierByName, producerFromPreamble, territoryOf, type DataKind, type ReadContext, type ReadResult } from '../source-context.ts';

const QUARTIER_COLUMNS = ['code quartier', 'code_quartier', 'quartier', 'nom du quartier', 'quartier prioritaire'];
const VALUE_COLUMNS = ['valeur quartier', 'valeur du quartier', 'valeur', 'valeur qpv', 'valeur qic', 'donnee', 'donnée'];
const REFERENCE_COLUMNS = ['valeur agglomeration', "valeur de l'agglomération", 'valeur agglomération', 'agglomeration', 'agglomération', 'valeur epci', 'reference', 'référence', 'valeur reference'];

export function isPrefectureSheet(header: string[]): boolean {
  const hasIndicator = columnIndex(header, 'indicateur', 'libelle indicateur', 'libellé de l\'indicateur') >= 0;
  return hasIndicator && columnIndex(header, ...QUARTIER_COLUMNS) >= 0 && columnIndex(header, ...VALUE_COLUMNS) >= 0;
}

export function readPrefectureSheet(ctx: ReadContext): ReadResult {
  const { table, file } = ctx;
  const codeCol = columnIndex(table.header, 'code quartier', 'code_quartier');
  const nameCol = columnIndex(table.header, 'quartier', 'nom du quartier', 'quartier prioritaire');
  const indCol = columnIndex(table.header, 'indicateur', 'libelle indicateur', 'libellé de l\'indicateur');
  const valCol = columnIndex(table.header, ...VALUE_COLUMNS);
  const refCol = columnIndex(table.header, ...REFERENCE_COLUMNS);
  const yearCol = columnIndex(table.header, ...YEAR_COLUMNS);
  const fileYear = ctx.sidecarYear ?? yearFromFileName(file);
  if (yearCol < 0 && fileYear === undefined) throw new DataError(msg.noYear(file), { file });
  const producer = producerFromPreamble(table.preamble, 'Préfecture');
  const figures: Figure[] = [];
  const years = new Set<number>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const cell = (k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
    let year = fileYear;
    if (yearCol >= 0) {
      year = parseYear(cell(yearCol));
      if (year === undefined) throw new DataError(msg.badYear(file, line, table.header[yearCol]!, cell(yearCol)), { file, line, column: table.header[yearCol] });
    }
    years.add(year!);
    const indText = cell(indCol);
    const match = matchIndicator(indText, ctx.aliases);
    if (!match) throw new DataError(msg.unknownIndicator(file, line, table.header[indCol]!, indText), { file, line, column: table.header[indCol] });
    const indicator = ctx.indicators.get(match.indicator)!;
    const codeText = cell(codeCol);
    const nameText = cell(nameCol);
    const quartier = findQuartierByName(codeText || nameText, ctx.quartiers);
    let code = quartier?.code ?? codeText;
    if (!code) {
      const col = table.header[nameCol >= 0 ? nameCol : codeCol]!;
      throw new DataError(msg.unknownQuartierName(file, line, col, nameText), { file, line, column: col });
    }
    const kind = territoryOf(code, ctx) ?? { level: 'quartier' as const, perimeter: '2024' as const };
    if (quartier && normalizeName(code) === normalizeName(quartier.code2015)) code = quartier.code2015;
    const sourceLabel = `${producer} ${year}`;
    const valueText = cell(valCol);
    if (valueText !== '') {
      figures.push(
        cellToFigure(
          valueText,
          { territory: code, territoryName: nameText || quartier?.name || '', level: kind.level, perimeter: kind.perimeter, indicator, year: year! },
          { file, line, column: table.header[valCol]!, sourceLabel },
        ),
      );
    }
    const refText = cell(refCol);
    if (refCol >= 0 && refText !== '' && quartier) {
      figures.push(
        cellToFigure(
          refText,
          { territory: quartier.epci.code, territoryName: quartier.epci.name, level: 'epci', perimeter: '', indicator, year: year! },
          { file, line, column: table.header[refCol]!, sourceLabel },
        ),
      );
    }
  });
  const vintage = vintageOf(years);
  return { figures, warnings: [], producer, vintage };
}

export const prefectureSheetKind: DataKind = {
  id: 'prefecture',
  label: 'Chiffres préfecture (une ligne par indicateur)',
  detect: (header) => isPrefectureSheet(header),
  read: readPrefectureSheet,
};
