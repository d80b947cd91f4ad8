// Excel number format codes, written in en-US syntax so that each reader's
// Excel or LibreOffice shows its own separators (« 40,2 % » in French).
// Our percentages are numbers from 0 to 100, so « % » is a quoted literal,
// never the `%` code (which would multiply by 100). A bound or an
// approximation is part of the format (« > 30 % », « ≈ 2 700 »): the cell
// stays a number that sorts and filters.

import type { Unit } from '../../model/types.ts';
import type { DerivedBound } from '../../measures/bounded.ts';

/** How a bound or an approximation is written before a number. */
export const BOUND_PREFIX: Record<string, string> = { '=': '', '': '', '>': '> ', '>=': '≥ ', '<': '< ', '<=': '≤ ', '~': '≈ ', '?': '' };

/** The unit written after a value (other units are named in the column or the label). */
export const VALUE_SUFFIX: Record<Unit, string> = { pct: ' %', euros: ' €', habitants: '', hectares: '', indice: '', nombre: '' };

function digits(decimals: number): string {
  const d = Math.max(0, Math.min(decimals, 6));
  return d ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

function quoted(text: string): string {
  return text ? `"${text.replace(/"/g, '')}"` : '';
}

/** Format of a value of the indicator's unit, with its bound. */
export function valueFormat(unit: Unit, decimals: number, bound: DerivedBound | '' = '='): string {
  return `${quoted(BOUND_PREFIX[bound] ?? '')}${digits(decimals)}${quoted(VALUE_SUFFIX[unit])}`;
}

/** Format of a gap: signed, in points for percentages. */
export function gapFormat(unit: Unit, decimals: number, bound: DerivedBound | '' = '='): string {
  const prefix = quoted(BOUND_PREFIX[bound] ?? '');
  const suffix = quoted(unit === 'pct' ? ' pts' : VALUE_SUFFIX[unit]);
  const body = digits(decimals);
  return `${prefix}+${body}${suffix};${prefix}-${body}${suffix};${prefix}${body}${suffix}`;
}

/** Format of an index (reference = 100). */
export function indexFormat(bound: DerivedBound | '' = '='): string {
  return `${quoted(BOUND_PREFIX[bound] ?? '')}0`;
}
