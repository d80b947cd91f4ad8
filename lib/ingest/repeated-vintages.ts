// An export may repeat an older vintage under a newer year: the SIG Ville
// « 2022 » export gives QP062005's poverty rate as 40,2 %, the INSEE Filosofi
// 2019 figure. When one file's value for year Y equals, to the precision it
// was published with, another file's value for the same territory and
// indicator at an earlier year, the run warns (coincidences happen: the
// figure is not changed).

import type { Figure, Warning } from '../model/types.ts';
import { msg } from '../messages/index.ts';

export interface RepeatedVintage {
  later: Figure;
  earlier: Figure;
}

/** Rounds to `decimals` decimals, as a source that published the figure with that precision would. */
function published(value: number, decimals: number): number {
  const f = 10 ** Math.min(Math.max(decimals, 0), 10);
  return Math.round(value * f) / f;
}

/** Figures of a later year equal to another file's figure of an earlier year (the latest such year). */
export function findRepeatedVintages(figures: readonly Figure[]): RepeatedVintage[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.state !== 'valeur' || f.value === null || f.bound !== '=') continue;
    const key = `${f.quartierCode ?? f.territory}\u0000${f.indicator}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const out: RepeatedVintage[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    for (const later of g) {
      let match: Figure | undefined;
      for (const earlier of g) {
        if (earlier.year >= later.year || earlier.at.file === later.at.file) continue;
        // Compared at the later file's precision: 40,2 against 40.2, 33 against 33.0.
        if (published(earlier.value!, later.decimals) !== published(later.value!, later.decimals)) continue;
        if (!match || earlier.year > match.year) match = earlier;
      }
      if (match) out.push({ later, earlier: match });
    }
  }
  return out.sort((a, b) => (a.later.at.file < b.later.at.file ? -1 : a.later.at.file > b.later.at.file ? 1 : a.later.at.line - b.later.at.line));
}

/** One warning per file whose figures repeat an earlier vintage of another source, with a few examples. */
export function repeatedVintageWarnings(figures: readonly Figure[]): Warning[] {
  const byFile = new Map<string, RepeatedVintage[]>();
  for (const r of findRepeatedVintages(figures)) byFile.set(r.later.at.file, [...(byFile.get(r.later.at.file) ?? []), r]);
  return [...byFile].map(([file, repeats]) => ({ code: 'millesime-repete', message: msg.repeatedVintage(file, repeats) }));
}
