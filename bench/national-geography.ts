// The quartiers of the national data set and the communes and EPCIs they
// belong to, from real files: the QPV 2015 of the Filosofi panel, their
// commune (INSEE table of QPV 2015), the commune's EPCI where the QPV 2024
// list names it, the code 2024 where the ANCT correspondence is one to one.
//
// There is no QPV 2015 → EPCI file. A commune that the QPV 2024 list does not
// cover (about one in six) is put in a synthetic EPCI of its département
// (SIREN 2999 + département on 3 digits + 00, « Intercommunalité synthétique
// du département NN »). Communes that keep at least two QPV get one
// quartier d'intérêt communautaire (QIC), whose figures come from a
// préfecture-style sheet.

import { parse } from 'csv-parse/sync';
import { createRandom } from './prng.ts';

export interface BenchEpci {
  siren: string;
  name: string;
  shortName: string;
  synthetic: boolean;
}

export interface BenchCommune {
  code: string;
  name: string;
  departement: string;
  epci: BenchEpci;
}

export interface BenchQuartier {
  /** Registry key: the QPV 2024 code when the correspondence is one to one, else the 2015 code (or the QIC's local code). */
  code: string;
  code2015: string;
  name: string;
  status: 'QPV' | 'QIC';
  commune: BenchCommune;
}

export interface Geography {
  quartiers: BenchQuartier[];
  communes: BenchCommune[];
  epcis: BenchEpci[];
}

export interface RealTexts {
  filosofi: string;
  qpv2015Communes: string;
  qpv2024Epci: string;
  correspondence: string;
}

type Row = Record<string, string>;

function readCsv(text: string): Row[] {
  return parse(text, { columns: true, bom: true, relax_quotes: true, skip_empty_lines: true }) as Row[];
}

/** Windows-1252 « œ » read as Latin-1 upstream (U+009C, see data/PROVENANCE.md). */
function repairOe(s: string): string {
  return s.replace(/\u009c/g, 'œ').trim();
}

export function shortEpciName(name: string): string {
  return name
    .replace(/^Communauté d'agglomération( du| de la| de l'| des| de)?\s*/i, 'CA ')
    .replace(/^Communauté de communes( du| de la| de l'| des| de)?\s*/i, 'CC ')
    .replace(/^Communauté urbaine( du| de la| de l'| des| de)?\s*/i, 'CU ')
    .replace(/^Métropole( du| de la| de l'| des| de)?\s*/i, 'Métropole ')
    .trim();
}

function departementOf(commune: string): string {
  return commune.slice(0, 2);
}

function syntheticEpci(dep: string): BenchEpci {
  const digits = dep === '2A' ? '201' : dep === '2B' ? '202' : dep.padStart(3, '0');
  return {
    siren: `2999${digits}00`,
    name: `Intercommunalité synthétique du département ${dep}`,
    shortName: `EPCI-S ${dep}`,
    synthetic: true,
  };
}

const QIC_NAMES = ['Cité des Fleurs', 'Résidence du Parc', 'Cité Gambetta', 'Les Tilleuls', 'Cité Jean-Jaurès', 'Le Moulin', 'Cité de la Gare', 'Les Peupliers', 'Cité Pasteur', 'Le Champ de Foire'];

/** `maxQpv`: keep only the first N QPV by code (and the QIC of their communes). */
export function buildGeography(texts: RealTexts, options: { maxQpv?: number; seed: string }): Geography {
  const filosofiCodes = [...new Set(readCsv(texts.filosofi).map((r) => r.code!))].sort();
  const selected = options.maxQpv === undefined ? filosofiCodes : filosofiCodes.slice(0, options.maxQpv);

  const qpv2015 = new Map(readCsv(texts.qpv2015Communes).map((r) => [r.code!, r]));
  const communeEpci = new Map<string, { communeName: string; siren: string; epciName: string }>();
  for (const r of readCsv(texts.qpv2024Epci)) {
    if (!/^\d{9}$/.test(r.siren_epci ?? '')) continue;
    communeEpci.set(r.insee_com!, { communeName: repairOe(r.lib_com!), siren: r.siren_epci!, epciName: repairOe(r.lib_epci!) });
  }
  // QP2015 → QN2024 only when each side names exactly one of the other.
  const toQn = new Map<string, string[]>();
  const qnSources = new Map<string, number>();
  for (const r of readCsv(texts.correspondence)) {
    const olds = [r.qp2015_1, r.qp2015_2, r.qp2015_3].filter((c): c is string => !!c);
    qnSources.set(r.qp2024!, olds.length);
    for (const o of olds) toQn.set(o, [...(toQn.get(o) ?? []), r.qp2024!]);
  }
  const code2024Of = (code2015: string) => {
    const qns = toQn.get(code2015) ?? [];
    return qns.length === 1 && qnSources.get(qns[0]!) === 1 ? qns[0]! : code2015;
  };

  const epcis = new Map<string, BenchEpci>();
  const communes = new Map<string, BenchCommune>();
  const communeOf = (code: string): BenchCommune => {
    const known = communes.get(code);
    if (known) return known;
    const real = communeEpci.get(code);
    const dep = departementOf(code);
    let epci = real ? { siren: real.siren, name: real.epciName, shortName: shortEpciName(real.epciName), synthetic: false } : syntheticEpci(dep);
    epci = epcis.get(epci.siren) ?? epci;
    epcis.set(epci.siren, epci);
    const commune = { code, name: real?.communeName ?? `Commune ${code}`, departement: dep, epci };
    communes.set(code, commune);
    return commune;
  };

  const quartiers: BenchQuartier[] = [];
  const qpvPerCommune = new Map<string, number>();
  for (const code2015 of selected) {
    const info = qpv2015.get(code2015);
    if (!info) throw new Error(`${code2015} : absent de qpv_2015_noms_communes.csv`);
    const commune = communeOf(info.insee_com!);
    qpvPerCommune.set(commune.code, (qpvPerCommune.get(commune.code) ?? 0) + 1);
    quartiers.push({ code: code2024Of(code2015), code2015, name: info.nom_qp!.trim(), status: 'QPV', commune });
  }
  for (const [code, n] of [...qpvPerCommune].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (n < 2) continue;
    const commune = communes.get(code)!;
    const name = createRandom(`${options.seed}|qic|${code}`).pick(QIC_NAMES);
    quartiers.push({ code: `QIC-${code}-01`, code2015: '', name: `${name} (${commune.name})`, status: 'QIC', commune });
  }
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    quartiers,
    communes: [...communes.values()].sort(byCode),
    epcis: [...epcis.values()].sort((a, b) => (a.siren < b.siren ? -1 : 1)),
  };
}
