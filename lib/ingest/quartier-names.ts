// Quartiers absent from the registry take their name from the reference
// lists of the sources (INSEE/ANCT), when the figure's own file gave none.

import type { Figure } from '../model/types.ts';
import type { QuartierListEntry } from './source-context.ts';

/** Sets the names in place (the figures were created by this run's readers). */
export function nameUnknownQuartiers(figures: Figure[], list: QuartierListEntry[], registryCodes: ReadonlySet<string>): void {
  if (list.length === 0) return;
  const names = new Map<string, string>();
  for (const e of list) if (e.name && !names.has(e.code)) names.set(e.code, e.name);
  for (const f of figures) {
    if (f.level !== 'quartier' || f.territoryName || registryCodes.has(f.territory)) continue;
    const name = names.get(f.territory) ?? (f.quartierCode ? names.get(f.quartierCode) : undefined);
    if (name) f.territoryName = name;
  }
}
