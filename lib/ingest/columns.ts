// Finding columns by name in a header, whatever their case and accents.

import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { normalizeName } from './header-names.ts';

export function columnIndex(header: string[], ...names: string[]): number {
  const wanted = names.map(normalizeName);
  const normalized = header.map(normalizeName);
  for (const w of wanted) {
    const i = normalized.indexOf(w);
    if (i >= 0) return i;
  }
  return -1;
}

export function requireColumns(table: CsvTable, file: string, names: string[]): void {
  for (const n of names) {
    if (columnIndex(table.header, n) < 0) throw new DataError(msg.missingColumn(file, n), { file, line: table.headerLine, column: n });
  }
}

/** Column names that hold a territory code in known exports. */
export const CODE_COLUMNS = [
  'code_qp', 'code quartier', 'code_quartier', 'code du quartier', 'codgeo', 'code geographique', 'code', 'qp', 'cod_qp',
  'code_qpv', 'code qpv', 'quartier_code', 'code_2024', 'code territoire', 'code_territoire', 'qp2024', 'qp2015', 'code insee', 'codeinsee',
];

export const YEAR_COLUMNS = ['annee', 'année', 'year', 'millesime', 'millésime', 'an', 'rentree scolaire', 'rentrée scolaire'];
