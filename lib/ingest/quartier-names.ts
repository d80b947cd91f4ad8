// Quartiers absent from the registry take their name from the reference
// lists of the sources (INSEE/ANCT), when the figure's own file gave none.

import type { Figure } from '../model/types.ts';
import type { QuartierListEntry } from './source-context.ts';

export function nameUnknownQuartiers(figures: Figure[], list: QuartierListEntry[], registryCodes: ReadonlySet<string>): Figure[] {
  if (list.length === 0) return figures;
  const names = new Map<string, string>();
  for (const e of list) if (e.name && !names.has(e.code)) names.set(e.code, e.name);
  return figures.map((f) => {
    if (f.level !== 'quartier' || f.territoryName || registryCodes.has(f.territory)) return f;
    const name = names.get(f.territory) ?? (f.quartierCode ? names.get(f.quartierCode) : undefined);
    return name ? { ...f, territoryName: name } : f;
  });
}
