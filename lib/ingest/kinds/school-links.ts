// Which schools the children of each quartier attend: one row per quartier
// × school (UAI), with the share of the quartier's pupils in that school
// when it is known (0–1, or a percentage).

import type { SchoolLink } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { columnIndex } from '../columns.ts';
import type { DataKind, ReadContext } from '../source-context.ts';
import { parseFrenchNumber } from '../../text/french-number.ts';
import { quartierCodeAt } from './targets.ts';

const SHARE_COLUMNS = ['part_eleves', 'part des eleves', 'part', 'part_eleves_quartier'];

export function isSchoolLinksHeader(header: string[]): boolean {
  return columnIndex(header, 'quartier') >= 0 && columnIndex(header, 'uai') >= 0;
}

export function readSchoolLinks(ctx: ReadContext): SchoolLink[] {
  const { table, file } = ctx;
  const [q, uai, share] = [columnIndex(table.header, 'quartier'), columnIndex(table.header, 'uai'), columnIndex(table.header, ...SHARE_COLUMNS)];
  return table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const cell = (k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
    const code = cell(uai).toUpperCase();
    if (!/^\d{7}[A-Z]$/.test(code)) throw new DataError(msg.badUai(file, line, table.header[uai]!, cell(uai)), { file, line, column: table.header[uai]! });
    let part: number | null = null;
    if (cell(share) !== '') {
      const n = parseFrenchNumber(cell(share));
      const v = n.state === 'valeur' && 'percent' in n && n.value !== null ? (n.percent || n.value > 1 ? n.value / 100 : n.value) : NaN;
      if (!(v >= 0 && v <= 1)) throw new DataError(msg.badShare(file, line, table.header[share]!, cell(share)), { file, line, column: table.header[share]! });
      part = v;
    }
    return { quartier: quartierCodeAt(cell(q), ctx, line, table.header[q]!), uai: code, share: part, at: { file, line, column: table.header[uai]! } };
  });
}

export const schoolLinksKind: DataKind = {
  id: 'ecoles',
  label: 'Établissements scolaires des quartiers',
  detect: (header) => isSchoolLinksHeader(header),
  read: (ctx) => ({ schoolLinks: readSchoolLinks(ctx) }),
};
