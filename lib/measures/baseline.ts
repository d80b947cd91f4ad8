// The tidy table: every quartier figure against its references (EPCI,
// commune, France), its trajectory (previous year, long step, the
// contract's baseline), its rank in the agglomeration and among the
// quartiers of France, its 2030 target and the contract's enjeux. Each step fills its columns of the rows built here.

import type { Catalogue, EnjeuLink, Figure, Indicator, Registry, SchoolIps, SchoolLink, Target } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';
import { DERIVED_IPS, deriveSchoolIps, derivedIpsIndicator } from './derived-ips.ts';
import { addEnjeux } from './enjeux.ts';
import { addNationalContext } from './national-context.ts';
import { addAgglomerationConvergence, addRanks } from './rank.ts';
import { measureAgainstReferences } from './references.ts';
import { addTargets } from './targets.ts';
import { addTrajectories, type TrajectoryOptions } from './trajectory.ts';

export { readingOf } from './references.ts';

export interface BaselineInput {
  figures: Figure[];
  registry: Registry;
  catalogue: Catalogue;
  schools?: SchoolIps[];
  schoolLinks?: SchoolLink[];
  targets?: Target[];
  enjeux?: EnjeuLink[];
}

export interface MeasureOptions extends TrajectoryOptions {
  /**
   * The quartiers the report is about (`--quartier`): only they and the
   * other quartiers of their agglomerations are measured. Every measure is
   * per quartier or per agglomeration (ranks, convergence), so their rows
   * are those of a whole run; a commune's convention then no longer pays
   * for measuring the whole country.
   */
  scope?: readonly string[];
  /**
   * Rows for quartiers outside the registry too (`--tous-les-quartiers`, or
   * no registry at all). Otherwise the registry decides what is published and
   * the other quartiers' figures are context only.
   */
  publishAll?: boolean;
}

/** The catalogue's indicators by id, with `ips_calcule` added when the catalogue does not declare it. */
export function indicatorsWithDerived(catalogue: Catalogue): Map<string, Indicator> {
  const m = new Map(catalogue.indicators.map((i) => [i.id, i]));
  if (!m.has(DERIVED_IPS)) m.set(DERIVED_IPS, derivedIpsIndicator(m.get('ips')));
  return m;
}

/** The tidy table: quartier figures with every measure, sorted by quartier, catalogue order, year. */
export function normalizeAgainstBaseline(input: BaselineInput, options: MeasureOptions = {}): TidyRow[] {
  const { registry, catalogue } = input;
  const indicators = indicatorsWithDerived(catalogue);
  const figures = [...input.figures, ...deriveSchoolIps(input.schools ?? [], input.schoolLinks ?? [], registry, input.figures)];
  const rows = measureAgainstReferences(figures, registry, indicators, options.scope, options.publishAll ?? registry.quartiers.length === 0);
  const order = new Map([...indicators.values()].map((i) => [i.id, i.order]));
  rows.sort((a, b) => cmp(a.quartier_code, b.quartier_code) || order.get(a.indicateur)! - order.get(b.indicateur)! || cmp(a.indicateur, b.indicateur) || a.annee - b.annee || cmp(a.perimetre, b.perimetre));
  addTrajectories(rows, options);
  addRanks(rows, indicators);
  addAgglomerationConvergence(rows);
  addNationalContext(rows, input.figures, indicators);
  addTargets(rows, input.targets ?? [], registry, indicators);
  addEnjeux(rows, input.enjeux ?? []);
  return rows;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
