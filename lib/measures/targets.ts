// Distance to the contract's 2030 targets, the yearly pace needed to reach
// them and the pace observed, and whether the current pace reaches them.

import type { Indicator, Polarity, Registry, Target } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';
import { clean, type DerivedBound } from './bounded.ts';
import { intervalOf, type Interval } from './interval.ts';
import { quartierIndex } from './references.ts';

type Quantity = { value: number; bound: DerivedBound };

/** The pace observed up to this row: since the baseline, else over the long step, else since the previous year. */
export function observedPace(r: TidyRow, kind: Target['kind']): { pace: Quantity; since: number } | null {
  const per = (change: number | null, bound: DerivedBound | '', since: number | null) =>
    change === null || bound === '' || since === null || since >= r.annee ? null : { pace: { value: clean(change / (r.annee - since)), bound }, since };
  if (kind === 'valeur') {
    return (r.situation_base === 'depuis_base' ? per(r.evolution_base, r.borne_evolution_base, r.annee_base) : null)
      ?? per(r.evolution_pas_long, r.borne_evolution_pas_long, r.annee_pas_long)
      ?? per(r.evolution, r.borne_evolution, r.annee_precedente);
  }
  if (r.situation_base === 'depuis_base' && r.ecart_points !== null && r.ecart_base !== null && r.borne_ecart !== '' && r.borne_ecart_base !== '') {
    const bound: DerivedBound = r.borne_ecart === '?' || r.borne_ecart_base === '?' ? '?' : boundOfChange(r.borne_ecart, r.borne_ecart_base);
    const p = per(clean(r.ecart_points - r.ecart_base), bound, r.annee_base);
    if (p) return p;
  }
  return per(r.evolution_ecart, r.borne_evolution_ecart, r.annee_precedente);
}

function boundOfChange(now: DerivedBound, before: DerivedBound): DerivedBound {
  const lower = (b: DerivedBound) => b === '>' || b === '>=';
  const upper = (b: DerivedBound) => b === '<' || b === '<=';
  const point = (b: DerivedBound) => b === '=' || b === '~';
  if (point(now) && point(before)) return now === '~' || before === '~' ? '~' : '=';
  if ((lower(now) || point(now)) && (upper(before) || point(before))) return '>';
  if ((upper(now) || point(now)) && (lower(before) || point(before))) return '<';
  return '?';
}

/** Does the interval of projected values meet the target on the favourable side? */
export function meetsTarget(projected: Interval, target: number, polarity: Polarity, current: number): 'oui' | 'non' | 'indetermine' {
  const downward = polarity === 'baisse_favorable' || (polarity === 'neutre' && target < current);
  if (downward) {
    if (projected.hi <= target) return 'oui';
    if (projected.lo > target || (projected.lo === target && projected.loOpen)) return 'non';
    return 'indetermine';
  }
  if (projected.lo >= target) return 'oui';
  if (projected.hi < target || (projected.hi === target && projected.hiOpen)) return 'non';
  return 'indetermine';
}

/** Fills the target columns of the given rows (in place) and returns them. */
export function addTargets(rows: TidyRow[], targets: Target[], registry: Registry, indicators: Map<string, Indicator>): TidyRow[] {
  if (targets.length === 0) return rows;
  const quartiers = quartierIndex(registry);
  const byKey = new Map<string, Target>();
  for (const t of targets) byKey.set(`${quartiers.get(t.quartier)?.code ?? t.quartier}\u0000${t.indicator}`, t);
  for (const r of rows) {
    const t = byKey.get(`${r.quartier_code}\u0000${r.indicateur}`);
    if (!t) continue;
    r.cible_annee = t.year;
    r.cible_type = t.kind;
    r.cible = t.value;
    const value = t.kind === 'valeur' ? r.valeur : r.ecart_points;
    const bound = t.kind === 'valeur' ? (r.etat === 'valeur' ? r.borne : '') : r.borne_ecart;
    if (value === null || bound === '' || r.etat !== 'valeur') continue;
    r.distance_cible = clean(value - t.value);
    r.borne_distance_cible = bound;
    const years = t.year - r.annee;
    if (years > 0) r.rythme_requis = clean((t.value - value) / years);
    const observed = observedPace(r, t.kind);
    if (observed) {
      r.rythme_observe = observed.pace.value;
      r.annee_rythme = observed.since;
    }
    if (years > 0 && !observed) {
      r.atteignable = 'indetermine';
      continue;
    }
    const now = intervalOf(value, bound);
    const pace = observed ? intervalOf(observed.pace.value, observed.pace.bound) : intervalOf(0, '=');
    const span = Math.max(years, 0);
    const projected: Interval = {
      lo: span === 0 ? now.lo : now.lo + pace.lo * span,
      hi: span === 0 ? now.hi : now.hi + pace.hi * span,
      loOpen: now.loOpen || (span > 0 && pace.loOpen),
      hiOpen: now.hiOpen || (span > 0 && pace.hiOpen),
    };
    r.atteignable = meetsTarget(projected, t.value, indicators.get(r.indicateur)?.polarity ?? 'neutre', value);
  }
  return rows;
}
