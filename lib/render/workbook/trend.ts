// Change of a quartier's indicator since its baseline: the first year with a
// value on the same perimeter as the latest figure (a change across the 2015
// → 2024 redrawing of the quartiers would compare two different places).

import type { Indicator } from '../../model/types.ts';
import type { Reading, TidyRow } from '../../model/tidy-row.ts';
import { difference, type DerivedBound } from '../../measures/bounded.ts';
import { readingOf } from '../../measures/baseline.ts';

export interface Trend {
  baseYear: number;
  change: number;
  bound: DerivedBound;
  decimals: number;
  reading: Reading;
}

/** `rows`: every row of one quartier × indicator; `latest`: the row shown for the report year. */
export function trendSinceBaseline(rows: TidyRow[], latest: TidyRow, indicator: Pick<Indicator, 'polarity'>): Trend | null {
  if (latest.etat !== 'valeur' || latest.valeur === null) return null;
  let base: TidyRow | undefined;
  for (const r of rows) {
    if (r.etat !== 'valeur' || r.valeur === null || r.perimetre !== latest.perimetre || r.annee >= latest.annee) continue;
    if (!base || r.annee < base.annee) base = r;
  }
  if (!base) return null;
  const d = difference({ value: latest.valeur, bound: latest.borne }, { value: base.valeur!, bound: base.borne });
  return { baseYear: base.annee, change: d.value, bound: d.bound, decimals: Math.max(latest.decimales, base.decimales), reading: readingOf(d.value, d.bound, indicator) };
}
