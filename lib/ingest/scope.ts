// Which quartiers a run publishes. The registry decides: its quartiers are
// published, every other quartier a national file holds is context only
// (national rank, median of the QPV). With `--tous-les-quartiers`, or when
// the sources hold no registry, every quartier found is published; those
// outside the registry take their commune and EPCI from a reference list of
// quartiers (ANCT QPV 2024) when the sources hold one, else none.

import type { Figure, Quartier, Registry, Warning } from '../model/types.ts';
import type { QuartierListEntry } from './source-context.ts';
import { msg } from '../messages/index.ts';

export type ScopeMode = 'referentiel' | 'tous';

export interface Scope {
  mode: ScopeMode;
  /** The registry the measures use: the sources' own, plus listed quartiers in `tous` mode. */
  registry: Registry;
  /** Quartiers of the sources outside the registry, context only in `referentiel` mode. */
  contextQuartiers: number;
  /** One-line facts about the scope, for the terminal and the journal. */
  notes: string[];
  /** The sources' warnings that concern what is published, and the scope's own. */
  warnings: Warning[];
}

/** Warnings about the 2015 ↔ 2024 passage of quartiers outside the registry: moot when those are context only. */
const OUTSIDE_REGISTRY_WARNINGS = new Set(['quartiers-decoupes', 'quartiers-fusionnes']);

export interface ScopeInput {
  registry: Registry;
  figures: readonly Figure[];
  /** Schools attended by each quartier's pupils: a quartier they name gets a derived IPS. */
  schoolLinks?: readonly { quartier: string }[];
  quartierList: readonly QuartierListEntry[];
  /** The sources' warnings: the scope keeps those that concern what is published. */
  warnings: readonly Warning[];
}

export function decideScope(input: ScopeInput, options: { all?: boolean } = {}): Scope {
  const { registry, figures, quartierList: list } = input;
  const known = new Set(registry.quartiers.flatMap((q) => [q.code, q.code2015].filter(Boolean)));
  // Quartiers outside the registry, by the code their rows will carry (2024 when the correspondence gives it).
  const outside = new Map<string, Figure>();
  for (const f of figures) {
    if (f.level !== 'quartier' || known.has(f.territory) || (f.quartierCode && known.has(f.quartierCode))) continue;
    const code = f.quartierCode ?? f.territory;
    if (!outside.has(code)) outside.set(code, f);
  }
  const noRegistry = registry.quartiers.length === 0;
  const empty = registryQuartiersWithoutFigures(input);
  const emptyWarning: Warning[] = empty.length ? [{ code: 'quartiers-sans-valeur', message: msg.registryQuartiersWithoutFigures(registry.quartiers.length, empty) }] : [];
  if (!options.all && !noRegistry) {
    const notes = outside.size ? [msg.scopeRegistry(registry.quartiers.length - empty.length, registry.quartiers.length, outside.size)] : [];
    // The registry's quartiers keep the codes it gives them: the passage warnings concern only context quartiers.
    const warnings = [...input.warnings.filter((w) => !OUTSIDE_REGISTRY_WARNINGS.has(w.code)), ...emptyWarning];
    return { mode: 'referentiel', registry, contextQuartiers: outside.size, notes, warnings };
  }
  const byCode = new Map<string, QuartierListEntry>();
  for (const e of list) if (!byCode.has(e.code)) byCode.set(e.code, e);
  const added: Quartier[] = [];
  const unplaced: string[] = [];
  for (const [code, f] of [...outside].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entry = byCode.get(code) ?? byCode.get(f.territory);
    if (!entry || (!entry.communeCode && !entry.epciCode)) {
      unplaced.push(code);
      continue;
    }
    added.push({
      code,
      code2015: f.perimeter === '2015' ? f.territory : '',
      name: entry.name || f.territoryName || code,
      status: 'QPV',
      communes: entry.communeCode ? [{ code: entry.communeCode, name: entry.communeName || entry.communeCode }] : [],
      conventionCommune: entry.communeName,
      epci: { code: entry.epciCode, name: entry.epciName, shortName: entry.epciName || entry.epciCode },
    });
  }
  const notes = [noRegistry ? msg.scopeNoRegistry(outside.size) : msg.scopeAll(registry.quartiers.length + outside.size)];
  const warnings: Warning[] = [...input.warnings, ...emptyWarning];
  if (unplaced.length) warnings.push({ code: 'quartiers-sans-territoire', message: msg.quartiersWithoutTerritory(unplaced.length, unplaced) });
  return { mode: 'tous', registry: { ...registry, quartiers: [...registry.quartiers, ...added] }, contextQuartiers: 0, notes, warnings };
}

/**
 * The registry's quartiers that no source gives a figure (nor a school for a
 * derived IPS): they are not published. Most often a quartier new in 2024
 * (no 2015 code) while the files describe the 2015 perimeters.
 */
function registryQuartiersWithoutFigures(input: ScopeInput): { code: string; name: string; code2015: string }[] {
  const seen = new Set<string>();
  for (const f of input.figures) {
    if (f.level !== 'quartier') continue;
    seen.add(f.territory);
    if (f.quartierCode) seen.add(f.quartierCode);
  }
  for (const l of input.schoolLinks ?? []) seen.add(l.quartier);
  return input.registry.quartiers.filter((q) => !seen.has(q.code) && !(q.code2015 && seen.has(q.code2015))).map((q) => ({ code: q.code, name: q.name, code2015: q.code2015 }));
}
