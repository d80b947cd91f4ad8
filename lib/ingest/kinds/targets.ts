// The contract's targets: one row per quartier × indicator, a target year
// and either a value (`cible_valeur`) or a gap to the reference (`cible_ecart`).

import type { Target, TargetDirection } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { matchIndicator } from '../catalogue.ts';
import { columnIndex } from '../columns.ts';
import { parseYear } from '../header-names.ts';
import { findQuartierByName, type DataKind, type ReadContext } from '../source-context.ts';
import { parseFrenchNumber } from '../../text/french-number.ts';

export function isTargetsHeader(header: string[]): boolean {
  const has = (n: string) => columnIndex(header, n) >= 0;
  return has('quartier') && has('indicateur') && has('annee_cible') && (has('cible_valeur') || has('cible_ecart'));
}

/** The quartier's 2024 code, from its 2024 code, its 2015 code or its name; throws where it is unknown. */
export function quartierCodeAt(text: string, ctx: ReadContext, line: number, column: string): string {
  const q = findQuartierByName(text, ctx.quartiers);
  if (!q) throw new DataError(msg.unknownQuartierCode(ctx.file, line, column, text), { file: ctx.file, line, column });
  return q.code;
}

/** The indicator id, from its id or any of its catalogue names; throws where it is unknown. */
export function indicatorIdAt(text: string, ctx: ReadContext, line: number, column: string): string {
  const id = ctx.indicators.has(text) ? text : matchIndicator(text, ctx.aliases)?.indicator;
  if (!id) throw new DataError(msg.unknownIndicatorId(ctx.file, line, column, text), { file: ctx.file, line, column });
  return id;
}

const DIRECTION_OF_BOUND: Partial<Record<string, TargetDirection>> = { '<=': 'au_plus', '>=': 'au_moins' };

/** « au plus », « au moins » (or ≤, ≥) in a `sens_cible` column; undefined when empty, null when unreadable. */
function directionWords(text: string): TargetDirection | undefined | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  if (t === 'au plus' || t === 'au_plus' || t === '≤' || t === '<=' || t === 'maximum') return 'au_plus';
  if (t === 'au moins' || t === 'au_moins' || t === '≥' || t === '>=' || t === 'minimum') return 'au_moins';
  return null;
}

export function readTargets(ctx: ReadContext): Target[] {
  const { table, file } = ctx;
  const col = (n: string) => columnIndex(table.header, n);
  const [q, ind, year, value, gap, side] = [col('quartier'), col('indicateur'), col('annee_cible'), col('cible_valeur'), col('cible_ecart'), col('sens_cible')];
  return table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const cell = (k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
    const at = (k: number) => ({ file, line, column: table.header[k]! });
    const y = parseYear(cell(year));
    if (y === undefined) throw new DataError(msg.badYear(file, line, table.header[year]!, cell(year)), at(year));
    const given = [value, gap].filter((k) => cell(k) !== '');
    if (given.length !== 1) throw new DataError(msg.targetValueCount(file, line), { file, line });
    const k = given[0]!;
    const n = parseFrenchNumber(cell(k));
    // « au plus 35 » / « au moins -12 » say the direction in the cell itself.
    const bounded = n.state === 'valeur' && 'bound' in n ? (n.bound === '=' ? undefined : DIRECTION_OF_BOUND[n.bound]) : undefined;
    if (n.state !== 'valeur' || !('bound' in n) || (n.bound !== '=' && !bounded) || n.value === null) throw new DataError(msg.badTargetNumber(file, line, table.header[k]!, cell(k)), at(k));
    const stated = directionWords(cell(side));
    if (stated === null) throw new DataError(msg.badTargetDirection(file, line, table.header[side]!, cell(side)), at(side));
    if (stated && bounded && stated !== bounded) throw new DataError(msg.badTargetDirection(file, line, table.header[side]!, cell(side)), at(side));
    const indicator = indicatorIdAt(cell(ind), ctx, line, table.header[ind]!);
    const direction = stated ?? bounded;
    if (!direction && ctx.indicators.get(indicator)?.polarity === 'neutre') throw new DataError(msg.targetDirectionNeeded(file, line, table.header[k]!, indicator), at(k));
    return {
      quartier: quartierCodeAt(cell(q), ctx, line, table.header[q]!),
      indicator,
      year: y,
      kind: k === value ? 'valeur' : 'ecart',
      value: n.value,
      ...(direction ? { direction } : {}),
      at: at(k),
    };
  });
}

export const targetsKind: DataKind = {
  id: 'cibles',
  label: 'Cibles du contrat',
  detect: (header) => isTargetsHeader(header),
  read: (ctx) => ({ targets: readTargets(ctx) }),
};
