// A tidy value as a cell: a number with a format that shows its unit and its
// bound, « secret » as text, nothing when absent. `shown` is what the reader
// sees, used to size the column and for the readable text of bounded values.

import type { Bound, CellState, Unit } from '../../model/types.ts';
import type { DerivedBound } from '../../measures/bounded.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { BOUND_PREFIX, VALUE_SUFFIX, gapFormat, indexFormat, valueFormat } from './number-format.ts';
import type { CellValue } from './sheet-layout.ts';

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
