// Which source wins when two files give different figures for the same
// territory × indicator × year: `priorites.csv`, one line per path prefix
// (relative to sources/), rank 1 first.

import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { columnIndex } from './columns.ts';
import { normalizeName } from './header-names.ts';

export function isPrecedenceHeader(header: string[]): boolean {
  const n = new Set(header.map(normalizeName));
  return n.has('rang') && n.has('chemin');
}

export interface PrecedenceRule {
  rank: number;
  prefix: string;
}

export function readPrecedence(table: CsvTable, file: string): PrecedenceRule[] {
  const rankCol = columnIndex(table.header, 'rang');
  const pathCol = columnIndex(table.header, 'chemin');
  return table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const rankText = (row[rankCol] ?? '').trim();
    const rank = Number(rankText);
    if (!/^\d+$/.test(rankText) || rank < 1) {
      throw new DataError(msg.badEnum(file, line, table.header[rankCol]!, rankText, ['un rang entier à partir de 1 (1 l\'emporte)']), { file, line, column: table.header[rankCol] });
    }
    const prefix = (row[pathCol] ?? '').trim().replace(/\\/g, '/').replace(/^\.?\//, '');
    if (!prefix) throw new DataError(msg.emptyCell(file, line, table.header[pathCol]!), { file, line, column: table.header[pathCol] });
    return { rank, prefix };
  });
}

/** Path prefixes in order, the first wins. */
export function precedenceOrder(rules: PrecedenceRule[]): string[] {
  return [...rules].sort((a, b) => a.rank - b.rank || (a.prefix < b.prefix ? -1 : 1)).map((r) => r.prefix);
}
