// The contract's enjeux and strategic objectives, transcribed from the
// convention, with the indicators that speak to each objective. Rows with
// no indicator transcribe objectives that no indicator measures: they are
// kept in the file, not in the links.

import type { EnjeuLink } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { columnIndex, requireColumns } from '../columns.ts';
import type { DataKind, ReadContext } from '../source-context.ts';
import { indicatorIdAt } from './targets.ts';

export function isEnjeuxHeader(header: string[]): boolean {
  const has = (n: string) => columnIndex(header, n) >= 0;
  return has('enjeu') && has('enjeu_libelle') && has('objectif_strategique') && has('indicateur');
}

export function readEnjeux(ctx: ReadContext): EnjeuLink[] {
  const { table, file } = ctx;
  requireColumns(table, file, ['enjeu', 'enjeu_libelle', 'objectif_strategique', 'indicateur']);
  const col = (n: string) => columnIndex(table.header, n);
  const [enjeu, label, objective, ind] = [col('enjeu'), col('enjeu_libelle'), col('objectif_strategique'), col('indicateur')];
  const out: EnjeuLink[] = [];
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const cell = (k: number) => (row[k] ?? '').trim();
    for (const k of [enjeu, label, objective]) {
      if (!cell(k)) throw new DataError(msg.emptyCell(file, line, table.header[k]!), { file, line, column: table.header[k]! });
    }
    if (!cell(ind)) return;
    out.push({ enjeu: cell(enjeu), enjeuLabel: cell(label), objective: cell(objective), indicator: indicatorIdAt(cell(ind), ctx, line, table.header[ind]!) });
  });
  return out;
}

export const enjeuxKind: DataKind = {
  id: 'enjeux',
  label: 'Enjeux et objectifs du contrat',
  detect: (header) => isEnjeuxHeader(header),
  read: (ctx) => ({ enjeux: readEnjeux(ctx) }),
};
