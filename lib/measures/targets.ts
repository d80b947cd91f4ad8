// Distance to the contract's 2030 targets, the yearly pace needed to reach
// them and the pace observed, and whether the current pace reaches them.

import type { Indicator, Polarity, Registry, Target, TargetDirection } from '../model/types.ts';
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

/** The side a target is reached from: stated by the targets file, else the favourable direction of the indicator. */
export function targetDirection(t: Pick<Target, 'direction'>, polarity: Polarity): TargetDirection | null {
  if (t.direction) return t.direction;
  return polarity === 'baisse_favorable' ? 'au_plus' : polarity === 'hausse_favorable' ? 'au_moins' : null;
}

/** Is every value of the interval on the target's side (`oui`), none of them (`non`), or do bounds leave it open? */
export function meetsTarget(values: Interval, target: number, direction: TargetDirection): 'oui' | 'non' | 'indetermine' {
  if (direction === 'au_plus') {
    if (values.hi <= target) return 'oui';
    if (values.lo > target || (values.lo === target && values.loOpen)) return 'non';
    return 'indetermine';
  }
  if (values.lo >= target) return 'oui';
  if (values.hi < target || (values.hi === target && values.hiOpen)) return 'non';
  return 'indetermine';
}

/**
 * Fills the target columns of the given rows (in place) and returns them.
 * A target is a bound: a quartier already on its side has reached it
 * (`atteignable` = `atteinte`) and needs no pace.
 */
export function addTargets(rows: TidyRow[], targets: Target[], registry: Registry, indicators: Map<string, Indicator>): TidyRow[] {
  if (targets.length === 0) return rows;
  const quartiers = quartierIndex(registry);
  const byKey = new Map<string, Target>();
  for (const t of targets) byKey.set(`${quartiers.get(t.quartier)?.code ?? t.quartier}\u0000${t.indicator}`, t);
  for (const r of rows) {
    const t = byKey.get(`${r.quartier_code}\u0000${r.indicateur}`);
    if (!t) continue;
    const direction = targetDirection(t, indicators.get(r.indicateur)?.polarity ?? 'neutre');
    r.cible_annee = t.year;
    r.cible_type = t.kind;
    r.cible = t.value;
    r.cible_sens = direction ?? '';
    const value = t.kind === 'valeur' ? r.valeur : r.ecart_points;
    const bound = t.kind === 'valeur' ? (r.etat === 'valeur' ? r.borne : '') : r.borne_ecart;
    if (value === null || bound === '' || r.etat !== 'valeur' || !direction) continue;
    r.distance_cible = clean(value - t.value);
    r.borne_distance_cible = bound;
    const now = intervalOf(value, bound);
    const met = meetsTarget(now, t.value, direction);
    if (met === 'oui') {
      r.atteignable = 'atteinte';
      continue;
    }
    const years = t.year - r.annee;
    if (years > 0) r.rythme_requis = clean((t.value - value) / years);
    const observed = observedPace(r, t.kind);
    if (observed) {
      r.rythme_observe = observed.pace.value;
      r.annee_rythme = observed.since;
    }
    if (years <= 0) {
      r.atteignable = met === 'non' ? 'non' : 'indetermine';
      continue;
    }
    if (!observed) {
      r.atteignable = 'indetermine';
      continue;
    }
    const pace = intervalOf(observed.pace.value, observed.pace.bound);
    const projected: Interval = {
      lo: now.lo + pace.lo * years,
      hi: now.hi + pace.hi * years,
      loOpen: now.loOpen || pace.loOpen,
      hiOpen: now.hiOpen || pace.hiOpen,
    };
    r.atteignable = meetsTarget(projected, t.value, direction);
  }
  return rows;
}
