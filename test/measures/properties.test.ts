// Invariants of the measures, over random bounded values.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Bound, Polarity } from '../../lib/model/types.ts';
import { differenceOfDerived, type DerivedBound } from '../../lib/measures/bounded.ts';
import { gapAgainst, readingOf } from '../../lib/measures/references.ts';
import { convergenceOf } from '../../lib/measures/trajectory.ts';
import { compareIntervals, intervalOf } from '../../lib/measures/interval.ts';

const bound = fc.constantFrom<Bound>('=', '>', '>=', '<', '<=', '~');
const derived = fc.constantFrom<DerivedBound>('=', '>', '>=', '<', '<=', '~', '?');
// Values as sources write them: one decimal, positive for rates and indices.
const positive = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 10);
const signed = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10);
const FLIP: Record<Polarity, Polarity> = { hausse_favorable: 'baisse_favorable', baisse_favorable: 'hausse_favorable', neutre: 'neutre' };

describe('invariants of gaps, ratios and indices', () => {
  it('index = 100 × ratio', () => {
    fc.assert(fc.property(positive, bound, positive, bound, (v, b, r, rb) => {
      const g = gapAgainst(v, b, r, rb);
      // Equal to ten significant digits (both are cleaned of floating-point noise), same bound for both.
      expect(Math.abs(g.indice! - 100 * g.ratio!)).toBeLessThanOrEqual(1e-10 * Math.abs(g.indice!));
    }));
  });

  it('a bound never becomes an equality (gap, ratio, evolution)', () => {
    fc.assert(fc.property(positive, bound, positive, bound, (v, b, r, rb) => {
      const g = gapAgainst(v, b, r, rb);
      if (b !== '=' || rb !== '=') {
        expect(g.borneEcart).not.toBe('=');
        expect(g.borneRatio).not.toBe('=');
      } else {
        expect(g.borneEcart).toBe('=');
      }
    }));
    fc.assert(fc.property(signed, derived, signed, derived, (a, ab, c, cb) => {
      const d = differenceOfDerived({ value: a, bound: ab }, { value: c, bound: cb });
      if (ab !== '=' || cb !== '=') expect(d.bound).not.toBe('=');
    }));
  });

  it('the bound of a gap holds for every true value the bounds allow', () => {
    fc.assert(fc.property(positive, bound, positive, bound, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (v, b, r, rb, dv, dr) => {
      // A true value inside each bound ('~' and '=' as the point itself).
      const inside = (x: number, bd: Bound, d: number) => (bd === '>' ? x + d + 1e-6 : bd === '>=' ? x + d : bd === '<' ? x - d - 1e-6 : bd === '<=' ? x - d : x);
      const trueGap = inside(v, b, dv) - inside(r, rb, dr);
      const g = gapAgainst(v, b, r, rb);
      const iv = intervalOf(g.ecart!, g.borneEcart as DerivedBound);
      expect(trueGap >= iv.lo - 1e-9 && trueGap <= iv.hi + 1e-9).toBe(true);
    }));
  });

  it('the reading flips with the polarity, and stays neutral for a neutral indicator', () => {
    fc.assert(fc.property(signed, derived, fc.constantFrom<Polarity>('hausse_favorable', 'baisse_favorable', 'neutre'), (gap, b, p) => {
      const here = readingOf(gap, b, { polarity: p });
      const there = readingOf(gap, b, { polarity: FLIP[p] });
      const swap: Record<string, string> = { favorable: 'defavorable', defavorable: 'favorable', neutre: 'neutre', indetermine: 'indetermine' };
      if (p === 'neutre') expect(here).toBe('neutre');
      else expect(there).toBe(swap[here]);
    }));
  });

  it('convergence is antisymmetric, and a bound that cannot decide says indetermine', () => {
    fc.assert(fc.property(signed, derived, signed, derived, (a, ab, c, cb) => {
      const now = { value: a, bound: ab };
      const before = { value: c, bound: cb };
      const forward = convergenceOf(now, before);
      const backward = convergenceOf(before, now);
      const swap: Record<string, string> = { resserre: 'creuse', creuse: 'resserre', stable: 'stable', indetermine: 'indetermine' };
      expect(backward).toBe(swap[forward]);
      if (forward === 'stable') expect([ab, cb].every((x) => x === '=' || x === '~')).toBe(true);
      if (ab === '?' || cb === '?') expect(['indetermine']).toContain(forward);
    }));
  });

  it('interval comparison agrees with the numbers for exact values', () => {
    fc.assert(fc.property(signed, signed, (a, c) => {
      expect(compareIntervals(intervalOf(a, '='), intervalOf(c, '='))).toBe(Math.sign(a - c) || 0);
    }));
  });
});
