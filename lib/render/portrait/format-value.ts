// A tidy value in the convention's French: "40,2 %", "plus de 30 %",
// "environ 2 700 habitants", "secret statistique".

import type { Bound, CellState, Unit } from '../../model/types.ts';
import { NBSP, boundWords, formatFrenchNumber } from '../../text/french-number.ts';

const UNIT_SUFFIX: Record<Unit, (n: number) => string> = {
  pct: () => `${NBSP}%`,
  habitants: (n) => `${NBSP}habitant${Math.abs(n) >= 2 ? 's' : ''}`,
  hectares: (n) => `${NBSP}hectare${Math.abs(n) >= 2 ? 's' : ''}`,
  euros: () => `${NBSP}€`,
  indice: () => '',
  nombre: () => '',
};

export interface ValueToFormat {
  state: CellState;
  value: number | null;
  bound: Bound | '';
  decimals: number;
  unit: Unit;
}

export function formatValue(v: ValueToFormat, options: { unit?: boolean } = {}): string {
  if (v.state === 'secret') return 'secret statistique';
  if (v.state === 'absent' || v.value === null) return 'non disponible';
  const words = v.bound ? boundWords(v.bound) : '';
  const suffix = options.unit === false ? '' : UNIT_SUFFIX[v.unit](v.value);
  return `${words}${formatFrenchNumber(v.value, v.decimals)}${suffix}`;
}

/** Unit of a gap: points for percentages, the indicator's unit otherwise. */
export function formatGap(gap: number, bound: string, decimals: number, unit: Unit): string {
  const words = bound === '>' ? 'plus de ' : bound === '>=' ? 'au moins ' : bound === '<' ? 'moins de ' : bound === '<=' ? 'au plus ' : bound === '~' ? 'environ ' : '';
  const n = formatFrenchNumber(gap, decimals, { sign: true });
  const u = unit === 'pct' ? `${NBSP}point${Math.abs(gap) >= 2 ? 's' : ''}` : UNIT_SUFFIX[unit](gap);
  return `${words}${n}${u}`;
}
