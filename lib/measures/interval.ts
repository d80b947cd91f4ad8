// A bounded value as the interval of numbers it allows: "plus de 30" is
// (30, +∞), "environ 990" and "40,2" are the point itself. Comparing two
// intervals says "smaller", "larger", "equal" or, when they overlap without
// being the same point, that the bounds cannot decide.

import type { DerivedBound } from './bounded.ts';

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export function intervalOf(value: number, bound: DerivedBound): Interval {
  switch (bound) {
    case '>': return { lo: value, hi: Infinity, loOpen: true, hiOpen: true };
    case '>=': return { lo: value, hi: Infinity, loOpen: false, hiOpen: true };
    case '<': return { lo: -Infinity, hi: value, loOpen: true, hiOpen: true };
    case '<=': return { lo: -Infinity, hi: value, loOpen: true, hiOpen: false };
    case '?': return { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };
    default: return { lo: value, hi: value, loOpen: false, hiOpen: false };
  }
}

/** The interval of |x| for x in i. */
export function absInterval(i: Interval): Interval {
  if (i.lo >= 0) return i;
  if (i.hi <= 0) return { lo: -i.hi, hi: -i.lo, loOpen: i.hiOpen, hiOpen: i.loOpen };
  const up = Math.max(-i.lo, i.hi);
  const open = -i.lo > i.hi ? i.loOpen : i.hi > -i.lo ? i.hiOpen : i.loOpen && i.hiOpen;
  return { lo: 0, hi: up, loOpen: false, hiOpen: open };
}

function isPoint(i: Interval): boolean {
  return i.lo === i.hi && !i.loOpen && !i.hiOpen;
}

/** -1 when every value of a is below every value of b, 1 when above, 0 when both are the same point, null otherwise. */
export function compareIntervals(a: Interval, b: Interval): -1 | 0 | 1 | null {
  if (isPoint(a) && isPoint(b) && a.lo === b.lo) return 0;
  if (a.hi < b.lo || (a.hi === b.lo && (a.hiOpen || b.loOpen))) return -1;
  if (a.lo > b.hi || (a.lo === b.hi && (a.loOpen || b.hiOpen))) return 1;
  return null;
}
