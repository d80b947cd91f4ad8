// Trajectories: each row against the previous available year of the same
// quartier × indicator, against the latest year at least `longStep` years
// earlier (INSEE: two consecutive infra-communal vintages are not an
// evolution), and against the contract's baseline year. Arquero finds the
// rows to compare (dedupe, window lag, group minimum, lookup); the as-of
// match of the long step and the bounded arithmetic are done row by row.

import * as aq from 'arquero';
import type { Bound } from '../model/types.ts';
import type { Convergence, TidyRow } from '../model/tidy-row.ts';
import { differenceOfDerived, type DerivedBound } from './bounded.ts';
import { absInterval, compareIntervals, intervalOf } from './interval.ts';

const op = aq.op;

export interface TrajectoryOptions {
  /** First year of the contract: the baseline is the first year from this one with a figure. */
  baselineFrom?: number;
  /** Minimum number of years between two vintages for the long-step comparison. */
  longStep?: number;
}

export const DEFAULT_BASELINE_FROM = 2024;
export const DEFAULT_LONG_STEP = 5;

/** Codes of `alerte_evolution` and `alerte_base`. */
export const ALERTS = {
  consecutive: 'millesimes_consecutifs',
  perimeter: 'perimetres_differents',
  source: 'sources_differentes',
} as const;

type Quantity = { value: number; bound: DerivedBound };

/** How the gap moved: narrowed when its absolute value is smaller now. Bounds that cannot decide say `indetermine`. */
export function convergenceOf(now: Quantity | null, before: Quantity | null): Convergence {
  if (!now || !before) return '';
  const c = compareIntervals(absInterval(intervalOf(now.value, now.bound)), absInterval(intervalOf(before.value, before.bound)));
  return c === null ? 'indetermine' : c < 0 ? 'resserre' : c > 0 ? 'creuse' : 'stable';
}

/**
 * The producer of a source label without its vintage or its detail:
 * « INSEE Filosofi 2021 » → « INSEE Filosofi » ; « IPS calculé (écoles
 * 2021-2022) : moyenne simple… » → « IPS calculé ».
 */
export function producerOf(label: string): string {
  return label.replace(/\s*:.*$/s, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/\s*\d{4}(?:\s*[-–]\s*\d{4})?\s*$/, '').trim();
}

/**
 * A source label without its vintages, to tell a change of source from a
 * new year of the same one: « SIG Ville 2022 » → « SIG Ville ». The computed
 * IPS keeps its method and school count, so that a change of weighting or of
 * school list reads as a change of source.
 */
function sourceWithoutVintage(label: string): string {
  return label.replace(/\s*\d{4}(?:\s*[-–]\s*\d{4})?/g, '').trim();
}

/** Why two figures of a series are not comparable: another producer, another perimeter. */
export type BreakReason = typeof ALERTS.perimeter | typeof ALERTS.source;

/** Where a series breaks between two of its figures: the reasons, empty when they are comparable. */
export function breakBetween(now: Pick<TidyRow, 'perimetre' | 'source'>, before: Pick<TidyRow, 'perimetre' | 'source'>): BreakReason[] {
  const out: BreakReason[] = [];
  if (now.perimetre && before.perimetre && now.perimetre !== before.perimetre) out.push(ALERTS.perimeter);
  if (sourceWithoutVintage(now.source) !== sourceWithoutVintage(before.source)) out.push(ALERTS.source);
  return out;
}

/** Why comparing these two rows needs care, codes joined by `|`. */
export function alertsBetween(now: TidyRow, before: TidyRow): string {
  const out: string[] = [];
  if (now.annee - before.annee === 1) out.push(ALERTS.consecutive);
  out.push(...breakBetween(now, before));
  return out.join('|');
}

/**
 * The segments of a quartier × indicator series, in year order: a new
 * segment starts wherever the figure is not comparable with the previous
 * one (another producer, another perimeter). Charts cut their lines there and
 * workbooks mark the year; each entry gives the segment and, at a break, why.
 */
export function seriesSegments<T extends Pick<TidyRow, 'annee' | 'perimetre' | 'source' | 'etat'>>(series: readonly T[]): { row: T; segment: number; breaks: BreakReason[] }[] {
  let segment = 0;
  let previous: T | undefined;
  return series.map((row) => {
    if (row.etat !== 'valeur') return { row, segment, breaks: [] };
    const breaks = previous ? breakBetween(row, previous) : [];
    if (breaks.length) segment++;
    previous = row;
    return { row, segment, breaks };
  });
}

const quantity = (value: number | null, bound: DerivedBound | ''): Quantity | null => (value === null || bound === '' ? null : { value, bound });
const hasValue = (r: TidyRow) => r.etat === 'valeur' && r.valeur !== null;
const seriesKey = (r: TidyRow) => `${r.quartier_code}\u0000${r.indicateur}`;

/** Indices of the rows to compare with: previous available year, long step, baseline (by row index). */
export function comparisonIndices(rows: TidyRow[], options: TrajectoryOptions = {}) {
  const from = options.baselineFrom ?? DEFAULT_BASELINE_FROM;
  const step = options.longStep ?? DEFAULT_LONG_STEP;
  const cols = { i: [] as number[], k: [] as string[], annee: [] as number[], p: [] as number[] };
  rows.forEach((r, i) => {
    if (!hasValue(r)) return;
    cols.i.push(i);
    cols.k.push(seriesKey(r));
    cols.annee.push(r.annee);
    // A year read on both perimeters: the 2024 one is compared with.
    cols.p.push(r.perimetre === '2024' ? 0 : 1);
  });
  const all = aq.table(cols);
  const series = all.orderby('k', 'annee', 'p').dedupe('k', 'annee');
  const lagged = series.groupby('k').orderby('annee').derive({ prev: op.lag('i') as unknown as string }).ungroup();
  // As-of match (latest year at least `step` years earlier), which arquero has no verb for: one pass over the ordered series.
  const ordered = lagged.orderby('k', 'annee');
  const [ok, oy, oi] = [ordered.array('k') as string[], ordered.array('annee') as number[], ordered.array('i') as number[]];
  // Row index → row index compared with, -1 when there is none (typed arrays: no garbage at national scale).
  const longOf = new Int32Array(rows.length).fill(-1);
  for (let n = 0, first = 0; n < ok.length; n++) {
    if (n > 0 && ok[n] !== ok[n - 1]) first = n;
    let m = n - 1;
    while (m >= first && oy[m]! > oy[n]! - step) m--;
    if (m >= first) longOf[oi[n]!] = oi[m]!;
  }
  const base = series
    .params({ from })
    .filter('(d, $) => d.annee >= $.from')
    .groupby('k')
    .filter('d => d.annee === op.min(d.annee)')
    .ungroup()
    .select('k', { i: 'base' });
  // Rows of a year read on two perimeters share the comparisons of the row kept.
  const on: [string[], string[]] = [['k', 'annee'], ['k', 'annee']];
  const joined = all.lookup(lagged.rename({ i: 'kept' }), on, 'prev', 'kept');
  const col = (c: string) => joined.array(c) as (number | undefined)[];
  const [i, prev, kept] = [col('i'), col('prev'), col('kept')];
  const prevOf = new Int32Array(rows.length).fill(-1);
  const longStepOf = new Int32Array(rows.length).fill(-1);
  for (let n = 0; n < i.length; n++) {
    prevOf[i[n]!] = prev[n] ?? -1;
    longStepOf[i[n]!] = longOf[kept[n]!]!;
  }
  const baseByKey = new Map<string, number>();
  const [bk, bi] = [base.array('k') as string[], base.array('base') as number[]];
  bk.forEach((k, n) => baseByKey.set(k, bi[n]!));
  return { prevOf, longOf: longStepOf, baseByKey };
}

/** Fills the trajectory columns of the given rows (in place) and returns them. */
export function addTrajectories(rows: TidyRow[], options: TrajectoryOptions = {}): TidyRow[] {
  const { prevOf, longOf, baseByKey } = comparisonIndices(rows, options);
  rows.forEach((r, idx) => {
    const baseIdx = baseByKey.get(seriesKey(r));
    const base = baseIdx === undefined ? undefined : rows[baseIdx];
    r.annee_base = base ? base.annee : null;
    r.situation_base = !base ? 'pas_de_base' : r.annee === base.annee ? 'annee_de_base' : r.annee > base.annee ? 'depuis_base' : 'avant_base';
    if (base) {
      r.valeur_base = base.valeur;
      r.borne_base = base.borne;
      r.ecart_base = base.ecart_points;
      r.borne_ecart_base = base.borne_ecart;
    }
    if (!hasValue(r)) return;
    const at = { prev: prevOf[idx]!, long: longOf[idx]! };
    const value = { value: r.valeur!, bound: r.borne as DerivedBound };
    const gap = quantity(r.ecart_points, r.borne_ecart);
    if (at.prev >= 0) {
      const p = rows[at.prev]!;
      r.annee_precedente = p.annee;
      r.valeur_precedente = p.valeur;
      r.borne_precedente = p.borne;
      const e = differenceOfDerived(value, { value: p.valeur!, bound: p.borne as Bound });
      r.evolution = e.value;
      r.borne_evolution = e.bound;
      r.ecart_precedent = p.ecart_points;
      r.borne_ecart_precedent = p.borne_ecart;
      const pg = quantity(p.ecart_points, p.borne_ecart);
      if (gap && pg) {
        const eg = differenceOfDerived(gap, pg);
        r.evolution_ecart = eg.value;
        r.borne_evolution_ecart = eg.bound;
      }
      r.convergence = convergenceOf(gap, pg);
      r.alerte_evolution = alertsBetween(r, p);
    }
    if (at.long >= 0) {
      const l = rows[at.long]!;
      r.annee_pas_long = l.annee;
      const e = differenceOfDerived(value, { value: l.valeur!, bound: l.borne as Bound });
      r.evolution_pas_long = e.value;
      r.borne_evolution_pas_long = e.bound;
      r.convergence_pas_long = convergenceOf(gap, quantity(l.ecart_points, l.borne_ecart));
    }
    if (base && r.situation_base === 'depuis_base') {
      const e = differenceOfDerived(value, { value: base.valeur!, bound: base.borne as Bound });
      r.evolution_base = e.value;
      r.borne_evolution_base = e.bound;
      r.convergence_base = convergenceOf(gap, quantity(base.ecart_points, base.borne_ecart));
      r.alerte_base = alertsBetween(r, base);
    }
  });
  return rows;
}
