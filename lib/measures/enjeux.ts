// The contract's enjeux and strategic objectives each indicator speaks to.

import type { EnjeuLink } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';

export const LINK_SEPARATOR = ' | ';

/** Per indicator, its links in the order of the enjeux file. */
export function enjeuxByIndicator(links: EnjeuLink[]): Map<string, EnjeuLink[]> {
  const m = new Map<string, EnjeuLink[]>();
  for (const l of links) {
    const list = m.get(l.indicator) ?? [];
    if (!list.some((x) => x.enjeu === l.enjeu && x.objective === l.objective)) list.push(l);
    m.set(l.indicator, list);
  }
  return m;
}

/** Fills `enjeu`, `enjeu_libelle`, `objectif` (several links joined by ` | `, aligned) in place and returns the rows. */
export function addEnjeux(rows: TidyRow[], links: EnjeuLink[]): TidyRow[] {
  if (links.length === 0) return rows;
  const byIndicator = enjeuxByIndicator(links);
  for (const r of rows) {
    const list = byIndicator.get(r.indicateur);
    if (!list) continue;
    r.enjeu = list.map((l) => l.enjeu).join(LINK_SEPARATOR);
    r.enjeu_libelle = list.map((l) => l.enjeuLabel).join(LINK_SEPARATOR);
    r.objectif = list.map((l) => l.objective).join(LINK_SEPARATOR);
  }
  return rows;
}
