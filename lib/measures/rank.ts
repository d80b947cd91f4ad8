// Rank of each quartier among the quartiers of its agglomeration, for each
// indicator × year (1 = most favourable by the indicator's polarity; the
// highest value first for a neutral indicator; ties share a rank), and per
// agglomeration × indicator × year the share of quartiers whose gap narrowed.

import * as aq from 'arquero';
import type { Indicator } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';
import { clean } from './bounded.ts';
import { compareIntervals, intervalOf, type Interval } from './interval.ts';

const op = aq.op;

const groupKey = (r: TidyRow) => `${r.epci_code}\u0000${r.indicateur}\u0000${r.annee}`;

/** Fills `rang`, `rang_sur`, `rang_certain`, `ordre_rang` of the given rows (in place) and returns them. */
export function addRanks(rows: TidyRow[], indicators: Map<string, Indicator>): TidyRow[] {
  const cols = { i: [] as number[], g: [] as string[], q: [] as string[], p: [] as number[], key: [] as number[], bounded: [] as number[] };
  rows.forEach((r, i) => {
    if (r.etat !== 'valeur' || r.valeur === null || !r.epci_code) return;
    const polarity = indicators.get(r.indicateur)?.polarity ?? 'neutre';
    cols.i.push(i);
    cols.g.push(groupKey(r));
    cols.q.push(r.quartier_code);
    cols.p.push(r.perimetre === '2024' ? 0 : 1);
    cols.key.push(polarity === 'baisse_favorable' ? r.valeur : -r.valeur);
    cols.bounded.push(r.borne === '=' || r.borne === '~' ? 0 : 1);
  });
  if (cols.i.length === 0) return rows;
  const ranked = aq
    .table(cols)
    // A quartier read on both perimeters the same year is ranked once, on the 2024 one.
    .orderby('g', 'q', 'p')
    .dedupe('g', 'q')
    .groupby('g')
    .derive({ n: op.count() as unknown as string, bounded_in_group: op.sum('bounded') as unknown as string })
    .orderby('key')
    .derive({ rang: op.rank() as unknown as string })
    .ungroup();
  const col = (c: string) => ranked.array(c) as unknown[];
  const [i, n, rang, boundedInGroup, g] = [col('i'), col('n'), col('rang'), col('bounded_in_group'), col('g')];
  const uncertainGroups = new Map<string, number[]>();
  for (let k = 0; k < i.length; k++) {
    const r = rows[i[k] as number]!;
    r.rang = rang[k] as number;
    r.rang_sur = n[k] as number;
    r.rang_certain = 'oui';
    r.ordre_rang = indicators.get(r.indicateur)?.polarity === 'neutre' ? 'valeur_decroissante' : 'favorable_d_abord';
    if ((boundedInGroup[k] as number) > 0) {
      const list = uncertainGroups.get(g[k] as string) ?? [];
      list.push(i[k] as number);
      uncertainGroups.set(g[k] as string, list);
    }
  }
  // A bound ("plus de 30 %") that cannot be ordered against another value makes the rank uncertain.
  for (const members of uncertainGroups.values()) {
    const intervals: Interval[] = members.map((m) => intervalOf(rows[m]!.valeur!, rows[m]!.borne));
    members.forEach((m, a) => {
      if (intervals.some((iv, b) => b !== a && compareIntervals(intervals[a]!, iv) === null)) rows[m]!.rang_certain = 'non';
    });
  }
  return rows;
}

export interface AgglomerationConvergence {
  epci_code: string;
  indicateur: string;
  annee: number;
  quartiers_compares: number;
  quartiers_resserres: number;
  part_quartiers_resserres: number | null;
  quartiers_compares_base: number;
  quartiers_resserres_base: number;
  part_quartiers_resserres_base: number | null;
}

/** Per agglomeration × indicator × year: how many quartiers were compared, how many saw their gap narrow. */
export function agglomerationConvergence(rows: TidyRow[]): AgglomerationConvergence[] {
  const cols = { epci_code: [] as string[], indicateur: [] as string[], annee: [] as number[], q: [] as string[], p: [] as number[], c: [] as string[], cb: [] as string[] };
  for (const r of rows) {
    if (!r.epci_code) continue;
    cols.q.push(r.quartier_code);
    cols.p.push(r.perimetre === '2024' ? 0 : 1);
    cols.epci_code.push(r.epci_code);
    cols.indicateur.push(r.indicateur);
    cols.annee.push(r.annee);
    cols.c.push(r.convergence);
    cols.cb.push(r.convergence_base);
  }
  if (cols.c.length === 0) return [];
  const t = aq
    .table(cols)
    .orderby('epci_code', 'indicateur', 'annee', 'q', 'p')
    .dedupe('epci_code', 'indicateur', 'annee', 'q')
    .groupby('epci_code', 'indicateur', 'annee')
    .rollup({
      quartiers_compares: "d => op.sum(d.c !== '' ? 1 : 0)",
      quartiers_resserres: "d => op.sum(d.c === 'resserre' ? 1 : 0)",
      quartiers_compares_base: "d => op.sum(d.cb !== '' ? 1 : 0)",
      quartiers_resserres_base: "d => op.sum(d.cb === 'resserre' ? 1 : 0)",
    })
    .derive({
      part_quartiers_resserres: 'd => d.quartiers_compares > 0 ? 100 * d.quartiers_resserres / d.quartiers_compares : null',
      part_quartiers_resserres_base: 'd => d.quartiers_compares_base > 0 ? 100 * d.quartiers_resserres_base / d.quartiers_compares_base : null',
    });
  return (t.objects() as AgglomerationConvergence[]).map((a) => ({
    ...a,
    part_quartiers_resserres: a.part_quartiers_resserres === null ? null : clean(a.part_quartiers_resserres),
    part_quartiers_resserres_base: a.part_quartiers_resserres_base === null ? null : clean(a.part_quartiers_resserres_base),
  }));
}

/** Copies the agglomeration's shares onto each of its rows (in place) and returns them. */
export function addAgglomerationConvergence(rows: TidyRow[]): TidyRow[] {
  const byGroup = new Map(agglomerationConvergence(rows).map((a) => [`${a.epci_code}\u0000${a.indicateur}\u0000${a.annee}`, a]));
  for (const r of rows) {
    const a = r.epci_code ? byGroup.get(groupKey(r)) : undefined;
    if (!a) continue;
    r.quartiers_compares = a.quartiers_compares;
    r.quartiers_resserres = a.quartiers_resserres;
    r.part_quartiers_resserres = a.part_quartiers_resserres;
    r.quartiers_compares_base = a.quartiers_compares_base;
    r.quartiers_resserres_base = a.quartiers_resserres_base;
    r.part_quartiers_resserres_base = a.part_quartiers_resserres_base;
  }
  return rows;
}
