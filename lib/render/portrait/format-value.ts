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

/**
 * The decimals a QPV median is printed with, in every output: those of the
 * values (« 45,0 % » beside « 54,1 % »), one more for a rate whose median
 * falls between two values (42,45 between 42,4 and 42,5); a count or an
 * amount is rounded (no « 2 021,5 habitants »).
 */
export function medianDecimals(median: number, decimals: number, unit: Unit): number {
  const written = String(median).split('.')[1]?.length ?? 0;
  const extra = unit === 'pct' || unit === 'indice' ? 1 : 0;
  return Math.max(decimals, Math.min(written, decimals + extra));
}
