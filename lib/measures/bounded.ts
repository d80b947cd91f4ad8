// Arithmetic on values that may be bounds or approximations. A bound never
// becomes an equality; a comparison a bound cannot decide says so.

import type { Bound, DerivedBound } from '../model/types.ts';

export type { DerivedBound };

export interface Quantity {
  value: number;
  bound: Bound;
}

const LOWER = new Set<Bound>(['>', '>=']);
const UPPER = new Set<Bound>(['<', '<=']);

function direction(b: Bound): 'lower' | 'upper' | 'point' {
  return LOWER.has(b) ? 'lower' : UPPER.has(b) ? 'upper' : 'point';
}

function flip(b: Bound): Bound {
  return ({ '>': '<', '>=': '<=', '<': '>', '<=': '>=', '=': '=', '~': '~' } as const)[b];
}

function strict(a: Bound, b: Bound, lower: boolean): Bound {
  const s = a === (lower ? '>' : '<') || b === (lower ? '>' : '<');
  return lower ? (s ? '>' : '>=') : s ? '<' : '<=';
}

/**
 * Bound of f(x, y) for f increasing in x and decreasing in y (a difference or
 * a ratio of positive numbers): a lower bound of x and an upper bound of y
 * give a lower bound of f.
 */
export function boundOfIncreasingDecreasing(x: Bound, y: Bound): DerivedBound {
  const dx = direction(x);
  const dy = direction(flip(y));
  if (dx === 'point' && dy === 'point') return x === '~' || y === '~' ? '~' : '=';
  if (dx === 'point') return strict(flip(y), flip(y), dy === 'lower');
  if (dy === 'point') return x;
  if (dx === dy) return strict(x, flip(y), dx === 'lower');
  return '?';
}

export function difference(a: Quantity, b: Quantity): { value: number; bound: DerivedBound } {
  return { value: clean(a.value - b.value), bound: boundOfIncreasingDecreasing(a.bound, b.bound) };
}

export function ratio(a: Quantity, b: Quantity): { value: number; bound: DerivedBound } | null {
  if (b.value === 0) return null;
  if (a.value < 0 || b.value < 0) return { value: clean(a.value / b.value), bound: a.bound === '=' && b.bound === '=' ? '=' : '?' };
  return { value: clean(a.value / b.value), bound: boundOfIncreasingDecreasing(a.bound, b.bound) };
}

/** Sign of a bounded quantity: +1, -1, 0, or null when the bound cannot tell. */
export function signOf(value: number, bound: DerivedBound): 1 | -1 | 0 | null {
  if (bound === '?') return null;
  if (bound === '=' || bound === '~') return value > 0 ? 1 : value < 0 ? -1 : 0;
  if (bound === '>' || bound === '>=') {
    if (value > 0 || (value === 0 && bound === '>')) return 1;
    return null;
  }
  if (value < 0 || (value === 0 && bound === '<')) return -1;
  return null;
}

/** Removes floating-point noise (40.2 − 18.8 = 21.400000000000002). */
export function clean(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  // Ten decimals keep at least eleven significant digits below 10 000 and are cheaper than toPrecision.
  return Math.abs(x) < 1e4 ? Math.round(x * 1e10) / 1e10 : Number(x.toPrecision(12));
}

/** Difference of two quantities whose bounds may already be undecided ('?'). */
export function differenceOfDerived(a: { value: number; bound: DerivedBound }, b: { value: number; bound: DerivedBound }): { value: number; bound: DerivedBound } {
  if (a.bound === '?' || b.bound === '?') return { value: clean(a.value - b.value), bound: '?' };
  return difference({ value: a.value, bound: a.bound }, { value: b.value, bound: b.bound });
}
