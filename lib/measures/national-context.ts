// Where a quartier stands among the quartiers of France that the national
// files give (SIG Ville's « ensemble des QPV » reading): its rank by the
// indicator's polarity and the median of those quartiers, for each published
// row. In bulk: one sort per indicator × year × perimeter vintage, then a
// binary search per row, never a pass over the country per quartier.

import type { Figure, Indicator } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';
import { clean } from './bounded.ts';

/**
 * Fewer quartiers than this for an indicator and year is not a national
 * comparison: the registry's own quartiers, a prefecture's sheet, or a
 * regional extract (the largest region, Île-de-France, has fewer than 300
 * QPV; the Occitanie extract 105), which the portraits would otherwise
 * present « parmi les quartiers de France ». A national file lists about
 * 1 300 QPV (2015) or 1 600 (2024), still over 1 000 once its secrets are
 * left out.
 */
export const NATIONAL_MINIMUM = 500;

interface Panel {
  /** Values ascending. */
  sorted: Float64Array;
  median: number;
}

const key = (indicator: string, year: number, perimeter: string) => `${indicator}\u0000${year}\u0000${perimeter}`;

/**
 * The values compared: exact (or approximate, « environ ») values of
 * quartiers; secrets, absent values and bounds (« moins de 5 ») are not ranked.
 */
function ranked(f: Pick<Figure, 'state' | 'value' | 'bound'>): boolean {
  return f.state === 'valeur' && f.value !== null && (f.bound === '=' || f.bound === '~');
}

function panels(figures: readonly Figure[], minimum: number): Map<string, Panel> {
  const values = new Map<string, number[]>();
  for (const f of figures) {
    if (f.level !== 'quartier' || !ranked(f)) continue;
    const k = key(f.indicator, f.year, f.perimeter);
    const list = values.get(k);
    if (list) list.push(f.value!);
    else values.set(k, [f.value!]);
  }
  const out = new Map<string, Panel>();
  for (const [k, list] of values) {
    if (list.length < minimum) continue;
    const sorted = Float64Array.from(list).sort();
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    out.set(k, { sorted, median: clean(median) });
  }
  return out;
}

/** Index of the first value > v (values ascending). */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value >= v. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fills `rang_national`, `rang_national_sur`, `mediane_qpv` and
 * `ecart_mediane_qpv` in place. Rank 1 is the most unfavourable value by
 * the indicator's polarity (for a neutral one, the highest); ties share the
 * best rank: 1 + the number of strictly more unfavourable values.
 */
export function addNationalContext(
  rows: TidyRow[],
  figures: readonly Figure[],
  indicators: ReadonlyMap<string, Pick<Indicator, 'polarity'>>,
  /** Quartiers valued for an indicator × year × perimeter below which there is no national comparison. */
  minimum = NATIONAL_MINIMUM,
): void {
  const byGroup = panels(figures, minimum);
  if (byGroup.size === 0) return;
  for (const r of rows) {
    const p = byGroup.get(key(r.indicateur, r.annee, r.perimetre));
    if (!p) continue;
    r.mediane_qpv = p.median;
    if (r.etat !== 'valeur' || r.valeur === null || (r.borne !== '=' && r.borne !== '~')) continue;
    const n = p.sorted.length;
    // Lower values are the unfavourable ones when a rise is favourable; otherwise the higher ones.
    const worse = indicators.get(r.indicateur)?.polarity === 'hausse_favorable' ? lowerBound(p.sorted, r.valeur) : n - upperBound(p.sorted, r.valeur);
    r.rang_national = 1 + worse;
    r.rang_national_sur = n;
    r.ecart_mediane_qpv = clean(r.valeur - p.median);
  }
}
