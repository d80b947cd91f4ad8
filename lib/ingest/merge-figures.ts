// The same territory × indicator × year read from two files: equal figures
// are one figure (the first file keeps the provenance), different ones are a
// conflict unless a precedence rule (priorites.csv) says which source wins.

import type { Figure, Provenance } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg, where } from '../messages/index.ts';

export interface Overridden {
  kept: Provenance;
  dropped: Provenance;
}

export interface MergeResult {
  figures: Figure[];
  errors: DataError[];
  /** Figures given twice with the same value, kept once. */
  duplicates: number;
  /** Conflicts settled by the precedence rules. */
  overridden: Overridden[];
}

/** `precedence`: path prefixes, the earliest listed wins a conflict. */
export function mergeFigures(figures: Figure[], precedence: string[]): MergeResult {
  const byKey = new Map<string, Map<string, number>>();
  const merged: Figure[] = [];
  const errors: DataError[] = [];
  const overridden: Overridden[] = [];
  let duplicates = 0;
  const rank = (f: Figure) => {
    const i = precedence.findIndex((p) => f.at.file.startsWith(p));
    return i < 0 ? Infinity : i;
  };
  for (const f of figures) {
    // territory, then indicator·year: a short key per figure rather than a long one.
    let ofTerritory = byKey.get(f.territory);
    if (!ofTerritory) byKey.set(f.territory, (ofTerritory = new Map()));
    const key = `${f.indicator}\u0000${f.year}`;
    const at = ofTerritory.get(key);
    if (at === undefined) {
      ofTerritory.set(key, merged.length);
      merged.push(f);
      continue;
    }
    const prev = merged[at]!;
    if (prev.value === f.value && prev.bound === f.bound && prev.state === f.state) {
      duplicates++;
      continue;
    }
    const [rp, rf] = [rank(prev), rank(f)];
    if (rp !== rf) {
      const [kept, dropped] = rf < rp ? [f, prev] : [prev, f];
      merged[at] = kept;
      overridden.push({ kept: kept.at, dropped: dropped.at });
      continue;
    }
    errors.push(
      new DataError(
        msg.conflict(f.indicator, f.territory, f.year, where(prev.at.file, prev.at.line, prev.at.column), prev.sourceText, where(f.at.file, f.at.line, f.at.column), f.sourceText),
        { file: f.at.file, line: f.at.line, column: f.at.column },
      ),
    );
  }
  return { figures: merged, errors, duplicates, overridden };
}
