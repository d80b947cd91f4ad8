// The quartier's IPS computed from the schools its children attend: the
// mean of the schools' IPS weighted by the share of the quartier's pupils
// in each school when the school list gives it for every school, else by
// the schools' pupils (effectifs) when the IPS file gives them for every
// school, else a simple mean. Masked schools (NS) are excluded and counted.
// The agglomeration's reference is computed the same way over the schools
// of the EPCI's communes known to the registry.
//
// Rule against stated figures: every computed figure is indicator
// `ips_calcule`. It is also copied into `ips` for an agglomeration × year
// when the sources state no `ips` for that EPCI nor for any of its
// quartiers that year, so that an `ips` gap never compares a stated figure
// with a computed one.

import * as aq from 'arquero';
import type { Figure, Indicator, Provenance, Registry, SchoolIps, SchoolLink } from '../model/types.ts';
import { msg } from '../messages/index.ts';
import type { IpsWeighting, SchoolLevel } from '../messages/measures.ts';
import { clean } from './bounded.ts';
import { quartierIndex } from './references.ts';

export const DERIVED_IPS = 'ips_calcule';

/** The catalogue entry of `ips_calcule` when the catalogue does not declare it. */
export function derivedIpsIndicator(ips: Indicator | undefined): Indicator {
  return {
    id: DERIVED_IPS,
    label: 'IPS calculé des établissements fréquentés par les enfants du quartier',
    portraitLabel: 'IPS calculé des établissements scolaires où sont scolarisés les enfants du quartier',
    unit: 'indice',
    polarity: ips?.polarity ?? 'hausse_favorable',
    order: (ips?.order ?? 60) + 1,
    aliases: [],
    referencePhrase: ips?.referencePhrase ?? "sur l'ensemble des établissements de l'agglomération",
    inPortrait: false,
    // The ministry publishes IPS with one decimal, and so is the computed one rounded.
    decimals: ips?.decimals ?? 1,
  };
}

interface Group {
  code: string;
  year: number;
  valued: number;
  masked: number;
  withShare: number;
  withPupils: number;
  sumShareIps: number;
  sumShare: number;
  sumPupilsIps: number;
  sumPupils: number;
  sumIps: number;
}

const ROLLUP = {
  valued: 'd => op.sum(d.valued)',
  masked: 'd => op.sum(d.valued ? 0 : 1)',
  withShare: 'd => op.sum(d.valued && d.share != null ? 1 : 0)',
  withPupils: 'd => op.sum(d.valued && d.pupils != null ? 1 : 0)',
  sumShareIps: 'd => op.sum(d.valued && d.share != null ? d.share * d.ips : 0)',
  sumShare: 'd => op.sum(d.valued && d.share != null ? d.share : 0)',
  sumPupilsIps: 'd => op.sum(d.valued && d.pupils != null ? d.pupils * d.ips : 0)',
  sumPupils: 'd => op.sum(d.valued && d.pupils != null ? d.pupils : 0)',
  sumIps: 'd => op.sum(d.valued ? d.ips : 0)',
};

/** The weighted mean of a group and the weighting used. */
export function weightedIps(g: Omit<Group, 'code' | 'year'>): { value: number | null; weighting: IpsWeighting } {
  if (g.valued === 0) return { value: null, weighting: 'egal' };
  if (g.withShare === g.valued && g.sumShare > 0) return { value: g.sumShareIps / g.sumShare, weighting: 'part' };
  if (g.withPupils === g.valued && g.sumPupils > 0) return { value: g.sumPupilsIps / g.sumPupils, weighting: 'effectifs' };
  return { value: g.sumIps / g.valued, weighting: 'egal' };
}

function schoolTable(schools: SchoolIps[]) {
  return aq.table({
    uai: schools.map((s) => s.uai),
    year: schools.map((s) => s.year),
    commune: schools.map((s) => s.communeCode),
    ips: schools.map((s) => s.ips),
    pupils: schools.map((s) => s.pupils),
    valued: schools.map((s) => (s.state === 'valeur' && s.ips !== null ? 1 : 0)),
  });
}

function groups(t: ReturnType<typeof aq.table>, key: string): Group[] {
  return (t.groupby(key, 'year').rollup(ROLLUP).objects() as (Omit<Group, 'code'> & Record<string, unknown>)[]).map((g) => ({ ...g, code: g[key] as string }));
}

function frenchDecimal(x: number): string {
  return x.toFixed(1).replace('.', ',');
}

function figure(territory: string, level: 'quartier' | 'epci', year: number, value: number | null, masked: boolean, label: string, at: Provenance, coverage?: string): Figure {
  const v = value === null ? null : Math.round(clean(value * 10)) / 10;
  return {
    territory, level, territoryName: '', indicator: DERIVED_IPS, year, value: v, bound: '=', state: v === null ? (masked ? 'secret' : 'absent') : 'valeur',
    decimals: 1, sourceText: v === null ? (masked ? 'NS' : '') : frenchDecimal(v), perimeter: level === 'quartier' ? '2024' : '', sourceLabel: label, at,
    ...(coverage ? { coverage } : {}),
  };
}

/** The levels, communes and school years of the schools averaged for each key × year. */
class SchoolsSeen {
  private readonly seen = new Map<string, { levels: Set<SchoolLevel>; communes: Set<string>; schoolYears: Set<string> }>();
  add(key: string, s: SchoolIps): void {
    const k = `${key}\u0000${s.year}`;
    const e = this.seen.get(k) ?? { levels: new Set(), communes: new Set(), schoolYears: new Set() };
    e.levels.add(s.level);
    e.communes.add(s.communeCode);
    e.schoolYears.add(s.schoolYear || String(s.year));
    this.seen.set(k, e);
  }
  of(key: string, year: number) {
    const e = this.seen.get(`${key}\u0000${year}`);
    const order: SchoolLevel[] = ['ecole', 'college', 'lycee'];
    return { levels: order.filter((l) => e?.levels.has(l)), communes: [...(e?.communes ?? [])], schoolYears: [...(e?.schoolYears ?? [])].sort() };
  }
}

/** Computed IPS figures (`ips_calcule`, and `ips` where the sources state none) of quartiers and their agglomerations. */
export function deriveSchoolIps(schools: SchoolIps[], links: SchoolLink[], registry: Registry, stated: Figure[]): Figure[] {
  if (schools.length === 0 || links.length === 0) return [];
  const quartiers = quartierIndex(registry);
  const schoolsT = schoolTable(schools);
  const linksT = aq.table({
    quartier: links.map((l) => quartiers.get(l.quartier)?.code ?? l.quartier),
    uai: links.map((l) => l.uai),
    share: links.map((l) => l.share),
  });
  const linked = linksT.join(schoolsT, 'uai');
  // Schools of the list found in no IPS file at all (a closed school, a mistyped UAI).
  const known = new Set(schools.map((s) => s.uai));
  const missingBy = new Map<string, number>();
  for (const l of links) {
    const code = quartiers.get(l.quartier)?.code ?? l.quartier;
    if (!known.has(l.uai)) missingBy.set(code, (missingBy.get(code) ?? 0) + 1);
  }
  const firstLink = new Map<string, SchoolLink>();
  for (const l of links) {
    const code = quartiers.get(l.quartier)?.code ?? l.quartier;
    if (!firstLink.has(code)) firstLink.set(code, l);
  }
  const byUai = new Map<string, SchoolIps[]>();
  for (const s of schools) byUai.set(s.uai, [...(byUai.get(s.uai) ?? []), s]);
  const quartierSchools = new SchoolsSeen();
  for (const l of links) for (const s of byUai.get(l.uai) ?? []) quartierSchools.add(quartiers.get(l.quartier)?.code ?? l.quartier, s);
  const out: Figure[] = [];
  for (const g of groups(linked, 'quartier')) {
    const { value, weighting } = weightedIps(g);
    const l = firstLink.get(g.code)!;
    const seen = quartierSchools.of(g.code, g.year);
    out.push(figure(g.code, 'quartier', g.year, value, g.masked > 0, msg.derivedIpsLabel(weighting, g.valued, g.masked, missingBy.get(g.code) ?? 0, msg.schoolsOfYear(seen.levels, seen.schoolYears)), l.at));
  }
  // The agglomeration: schools of the EPCI's communes known to the registry.
  const communeEpci = new Map<string, string>();
  const communeName = new Map<string, string>();
  for (const q of registry.quartiers) {
    for (const c of q.communes) {
      communeEpci.set(c.code, q.epci.code);
      communeName.set(c.code, c.name);
    }
  }
  const epciSchools = new SchoolsSeen();
  for (const s of schools) {
    const e = communeEpci.get(s.communeCode);
    if (e !== undefined) epciSchools.add(e, s);
  }
  const communesPerEpci = new Map<string, number>();
  for (const e of communeEpci.values()) communesPerEpci.set(e, (communesPerEpci.get(e) ?? 0) + 1);
  const epciT = aq.table({ commune: [...communeEpci.keys()], epci: [...communeEpci.values()] });
  const firstSchool = schools[0]!.at;
  for (const g of groups(schoolsT.join(epciT, 'commune').derive({ share: 'd => null' }), 'epci')) {
    const { value, weighting } = weightedIps(g);
    const label = msg.derivedIpsReferenceLabel(weighting, g.valued, g.masked, communesPerEpci.get(g.code) ?? 0);
    const seen = epciSchools.of(g.code, g.year);
    const names = seen.communes.map((c) => communeName.get(c) ?? c).sort((a, b) => a.localeCompare(b, 'fr'));
    const coverage = msg.derivedIpsCoverage(seen.levels, names, seen.schoolYears);
    out.push(figure(g.code, 'epci', g.year, value, g.masked > 0, label, { file: firstSchool.file, line: 0, column: 'IPS' }, coverage));
  }
  return [...out, ...asStatedIps(out, registry, stated)];
}

/** Copies of the computed figures as `ips` for the agglomeration × years where the sources state no `ips`. */
function asStatedIps(derived: Figure[], registry: Registry, stated: Figure[]): Figure[] {
  const quartiers = quartierIndex(registry);
  const epciOf = (f: Figure) => (f.level === 'epci' ? f.territory : quartiers.get(f.territory)?.epci.code);
  const covered = new Set(stated.filter((f) => f.indicator === 'ips').map((f) => `${epciOf(f)}\u0000${f.year}`));
  return derived.filter((f) => !covered.has(`${epciOf(f)}\u0000${f.year}`)).map((f) => ({ ...f, indicator: 'ips' }));
}
