// A tidy value as a cell: a number with a format that shows its unit and its
// bound, « secret » as text, nothing when absent. `shown` is what the reader
// sees, used to size the column and for the readable text of bounded values.

import type { Bound, CellState, Unit } from '../../model/types.ts';
import type { DerivedBound } from '../../measures/bounded.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { BOUND_PREFIX, VALUE_SUFFIX, gapFormat, indexFormat, valueFormat } from './number-format.ts';
import type { CellValue } from './sheet-layout.ts';
import type { TidyRow } from '../../model/tidy-row.ts';

export interface ShownCell {
  value: CellValue;
  numFmt?: string;
  shown: string;
}

const SYMBOL = BOUND_PREFIX;
const SUFFIX = VALUE_SUFFIX;

export interface TidyValue {
  state: CellState;
  value: number | null;
  bound: Bound | '';
  decimals: number;
  unit: Unit;
}

/** « > 30 % », « ≈ 2 700 », « 40,2 % »: the value as text, in French. */
export function readableValue(v: TidyValue): string {
  if (v.state === 'secret') return t.secret;
  if (v.state !== 'valeur' || v.value === null) return '';
  return `${SYMBOL[v.bound] ?? ''}${formatFrenchNumber(v.value, v.decimals)}${SUFFIX[v.unit]}`;
}

export function valueCell(v: TidyValue): ShownCell {
  if (v.state === 'secret') return { value: t.secret, shown: t.secret };
  if (v.state !== 'valeur' || v.value === null) return { value: null, shown: '' };
  return { value: v.value, numFmt: valueFormat(v.unit, v.decimals, v.bound), shown: readableValue(v) };
}

export function gapCell(gap: number | null, bound: DerivedBound | '', decimals: number, unit: Unit): ShownCell {
  if (gap === null) return { value: null, shown: '' };
  if (bound === '?') return { value: t.readings.indetermine!, shown: t.readings.indetermine! };
  const shown = `${SYMBOL[bound] ?? ''}${formatFrenchNumber(gap, decimals, { sign: true })}${unit === 'pct' ? ' pts' : SUFFIX[unit]}`;
  return { value: gap, numFmt: gapFormat(unit, decimals, bound), shown };
}

export function indexCell(index: number | null, bound: DerivedBound | ''): ShownCell {
  if (index === null) return { value: null, shown: '' };
  if (bound === '?') return { value: t.readings.indetermine!, shown: t.readings.indetermine! };
  return { value: index, numFmt: indexFormat(bound), shown: `${SYMBOL[bound] ?? ''}${Math.round(index)}` };
}

/** The contract's target, a bound: « ≤ 35 % » (au plus), « ≥ −12 pts » (au moins), on the value or on the gap. */
export function targetCell(row: Pick<TidyRow, 'cible' | 'cible_type' | 'cible_sens' | 'decimales' | 'unite'>): ShownCell | null {
  if (row.cible === null) return null;
  const bound = row.cible_sens === 'au_plus' ? '<=' : row.cible_sens === 'au_moins' ? '>=' : '=';
  return row.cible_type === 'ecart' ? gapCell(row.cible, bound, row.decimales, row.unite) : valueCell({ state: 'valeur', value: row.cible, bound, decimals: row.decimales, unit: row.unite });
}
