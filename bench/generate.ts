// The national sources folder of the benchmark, generated deterministically:
//   referentiel/quartiers.csv           registry (QPV 2015 of the Filosofi panel + QIC)
//   referentiel/indicateurs.csv         the bundled catalogue, copied
//   insee/filosofi_qpv_2012_2021.csv    the real INSEE panel, lines unchanged
//   insee/filosofi_epci_2012_2021.csv   EPCI baselines of the Filosofi indicators
//   sigville/AAAA/sigville_AAAA_export_national.csv
//                                       one SIG Ville-style wide export per year (`;`,
//                                       decimal commas, title rows, Windows-1252 up to 2016,
//                                       secrets `s`/`NS`, « environ 2 700 »), quartiers + EPCI
//   education/ips_territoires_2012_2021.csv
//                                       IPS long panel by school year (« 2016-2017 »), 2024 codes
//   rpls/parc_social_qpv_2012_2021.csv  social housing long panel (`,`, quoted "84,2")
//   prefecture/prefecture_DD_qic_AAAA.csv
//                                       préfecture sheets of the QIC (« + de 30 % », « environ 990 »)
// Run alone: `tsx bench/generate.ts --out DIR [--quartiers N] [--graine TEXTE]`.

import { promises as fs, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeography, type BenchCommune, type BenchEpci, type BenchQuartier, type Geography, type RealTexts } from './national-geography.ts';
import { createRandom } from './prng.ts';
import { csvLine, dotNumber, encodeText, frenchNumber, type FileEncoding } from './source-files.ts';
import { FILOSOFI_INDICATORS, YEARS, decimalsOf, deprivationOf, epciValue, quartierValue, type EpciIndicator } from './synthetic-values.ts';

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_SEED = 'quartiers-bench-1';

export interface GeneratedFile {
  path: string;
  bytes: Uint8Array;
}

export interface GeneratedSources {
  files: GeneratedFile[];
  geography: Geography;
  /** Figures written (cells that hold a value, a secret or a bound), per file kind. */
  cells: number;
}

const REAL_FILES: Record<keyof RealTexts, string> = {
  filosofi: 'filosofi_qpv_2012_2021.csv',
  qpv2015Communes: 'qpv_2015_noms_communes.csv',
  qpv2024Epci: 'qpv_2024_communes_epci.csv',
  correspondence: 'correspondance_qp2024_qp2015.csv',
};

/** The real files: the copies in bench/data, else ../shared/data/real beside the repository. */
export function loadRealTexts(root = REPO_ROOT): RealTexts {
  const dirs = [path.join(root, 'bench', 'data'), path.resolve(root, '..', 'shared', 'data', 'real')];
  const out: Partial<RealTexts> = {};
  for (const [key, name] of Object.entries(REAL_FILES) as [keyof RealTexts, string][]) {
    const found = dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
    if (!found) throw new Error(`fichier réel introuvable : ${name} (cherché dans ${dirs.join(' et ')})`);
    out[key] = readFileSync(found, 'utf8');
  }
  return out as RealTexts;
}

export function generateNationalSources(options: { texts: RealTexts; catalogue: Uint8Array; maxQpv?: number; seed?: string }): GeneratedSources {
  const seed = options.seed ?? DEFAULT_SEED;
  const geography = buildGeography(options.texts, { maxQpv: options.maxQpv, seed });
  const files: GeneratedFile[] = [];
  let cells = 0;
  const add = (p: string, lines: string[], encoding: FileEncoding, eol = '\n') => {
    files.push({ path: p, bytes: encodeText(lines.join(eol) + eol, encoding) });
  };
  const count = (cell: string) => {
    if (cell !== '') cells++;
    return cell;
  };

  const qpv = geography.quartiers.filter((q) => q.status === 'QPV');
  const qic = geography.quartiers.filter((q) => q.status === 'QIC');
  const poverty = meanPoverty(options.texts.filosofi);
  const deprivation = (q: BenchQuartier) =>
    q.status === 'QPV' ? deprivationOf(poverty.get(q.code2015) ?? 35) : createRandom(`${seed}|${q.code}|deprivation`).between(0.25, 0.7);

  // Registry and catalogue.
  add('referentiel/quartiers.csv', [
    csvLine(['code_2024', 'code_2015', 'nom', 'statut', 'communes_insee', 'communes_noms', 'commune_convention', 'epci_siren', 'epci_nom', 'epci_sigle'], ';'),
    ...geography.quartiers.map((q) =>
      csvLine([q.code, q.code2015, q.name, q.status, q.commune.code, q.commune.name, q.commune.name, q.commune.epci.siren, q.commune.epci.name, q.commune.epci.shortName], ';'),
    ),
  ], 'utf-8');
  files.push({ path: 'referentiel/indicateurs.csv', bytes: options.catalogue });

  // The real Filosofi panel, only the lines of the selected quartiers.
  const codes2015 = new Set(qpv.map((q) => q.code2015));
  const panel = options.texts.filosofi.split('\n').filter((l, i) => i === 0 || (l !== '' && codes2015.has(l.slice(0, l.indexOf(',')))));
  for (const line of panel.slice(1)) cells += line.split(',').slice(1, 5).filter((c) => c !== '').length;
  files.push({ path: 'insee/filosofi_qpv_2012_2021.csv', bytes: encodeText(panel.join('\n') + '\n', 'utf-8') });

  // EPCI baselines of the Filosofi indicators, same shape as the real panel.
  const filosofiColumns: [string, EpciIndicator][] = [['revenu_median', 'revenu_median'], ['taux_pauvrete', 'taux_pauvrete'], ['gini', 'indice_gini'], ['s80s20', 'rapport_s80s20']];
  add('insee/filosofi_epci_2012_2021.csv', [
    ['code', ...filosofiColumns.map(([c]) => c), 'annee'].join(','),
    ...geography.epcis.flatMap((e) =>
      YEARS.map((y) => [e.siren, ...filosofiColumns.map(([, id]) => count(epciCell(seed, e, id, y, 'dot'))), String(y)].join(',')),
    ),
  ], 'utf-8');

  // SIG Ville-style wide exports, one per year.
  const sigColumns: [string, 'population' | 'surface' | 'part_moins_25_ans' | 'part_familles_monoparentales' | 'taux_emploi_15_64' | 'part_16_25_neet'][] = [
    ['Population municipale', 'population'],
    ['Surface (ha)', 'surface'],
    ['Part des moins de 25 ans (%)', 'part_moins_25_ans'],
    ['Part des familles monoparentales (%)', 'part_familles_monoparentales'],
    ["Taux d'emploi des 15-64 ans (%)", 'taux_emploi_15_64'],
    ['Part des 16-25 ans non scolarisés et sans emploi (%)', 'part_16_25_neet'],
  ];
  for (const year of YEARS) {
    const lines = [
      csvLine(["SIG Ville - Système d'information géographique de la politique de la ville", ...sigColumns.map(() => ''), '', ''], ';'),
      csvLine([`Données sigville ${year} basées sur l'ancien périmètre (quartiers prioritaires 2015)`, ...sigColumns.map(() => ''), '', ''], ';'),
      csvLine(['Territoire : France métropolitaine, quartiers prioritaires et EPCI de rattachement', ...sigColumns.map(() => ''), '', ''], ';'),
      csvLine(['Source : SIG Ville', ...sigColumns.map(() => ''), '', ''], ';'),
      csvLine(['', ...sigColumns.map(() => ''), '', ''], ';'),
      csvLine(['Code géographique', 'Libellé géographique', 'Niveau géographique', ...sigColumns.map(([h]) => h)], ';'),
    ];
    for (const q of qpv) {
      const pop = quartierValue(seed, q.code, 0, 'population', year);
      const r = createRandom(`${seed}|${q.code}|sigville|${year}`);
      const cellsOf = sigColumns.map(([, id]) => {
        if (id === 'population') return r.chance(0.02) ? `environ ${frenchNumber(Math.round(pop / 100) * 100, 0, ' ')}` : frenchNumber(pop, 0, r.chance(0.5) ? ' ' : '\u00a0');
        if (id === 'part_16_25_neet' && pop < 1300) return 's';
        if (r.chance(0.01)) return r.pick(['s', 'NS', 'nd']);
        return frenchNumber(quartierValue(seed, q.code, deprivation(q), id, year), decimalsOf(id));
      });
      lines.push(csvLine([q.code2015, q.name, 'Quartier prioritaire', ...cellsOf.map(count)], ';'));
    }
    for (const e of geography.epcis) {
      lines.push(csvLine([e.siren, e.name, 'EPCI', ...sigColumns.map(([, id]) => count(epciCell(seed, e, id, year, 'comma')))], ';'));
    }
    add(`sigville/${year}/sigville_${year}_export_national.csv`, lines, year <= 2016 ? 'windows-1252' : 'utf-8-bom', '\r\n');
  }

  // IPS by school year, with the registry's (2024) codes.
  const ipsLines = [csvLine(['Code territoire', 'Libellé', 'Rentrée scolaire', 'IPS moyen des établissements scolaires'], ';')];
  for (const year of YEARS) {
    const school = `${year}-${year + 1}`;
    for (const q of qpv) {
      const ns = createRandom(`${seed}|${q.code}|ips-ns|${year}`).chance(0.01);
      ipsLines.push(csvLine([q.code, q.name, school, count(ns ? 'NS' : dotNumber(quartierValue(seed, q.code, deprivation(q), 'ips', year), 1))], ';'));
    }
    for (const e of geography.epcis) ipsLines.push(csvLine([e.siren, e.name, school, count(epciCell(seed, e, 'ips', year, 'dot'))], ';'));
  }
  add('education/ips_territoires_2012_2021.csv', ipsLines, 'utf-8');

  // Social housing: RPLS-like long panel, quoted decimal commas, empty cells.
  const rplsLines = ['CodGeo,annee,tx_lls'];
  for (const q of qpv) {
    for (const year of YEARS) {
      const missing = createRandom(`${seed}|${q.code}|rpls|${year}`).chance(0.03);
      rplsLines.push(csvLine([q.code2015, String(year), count(missing ? '' : frenchNumber(quartierValue(seed, q.code, deprivation(q), 'part_parc_social', year), 1))], ','));
    }
  }
  for (const e of geography.epcis) for (const year of YEARS) rplsLines.push(csvLine([e.siren, String(year), count(epciCell(seed, e, 'part_parc_social', year, 'comma'))], ','));
  add('rpls/parc_social_qpv_2012_2021.csv', rplsLines, 'utf-8');

  // Préfecture sheets of the QIC, per département, two vintages.
  const byDep = new Map<string, BenchQuartier[]>();
  for (const q of qic) byDep.set(q.commune.departement, [...(byDep.get(q.commune.departement) ?? []), q]);
  for (const [dep, list] of [...byDep].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const year of [2019, 2021]) {
      const lines = [
        `Préfecture du département ${dep} - Direction départementale de l'emploi, du travail et des solidarités`,
        `Quartiers d'intérêt communautaire : données ${year}`,
        `Source : Préfecture du département ${dep}`,
        '',
        csvLine(['Quartier', 'Commune', 'Indicateur', 'Valeur quartier', 'Valeur agglomération'], ';'),
      ];
      for (const q of list) lines.push(...prefectureRows(seed, q, deprivation(q), year).map((cells) => csvLine(cells.map((c, k) => (k >= 3 ? count(c) : c)), ';')));
      add(`prefecture/prefecture_${dep}_qic_${year}.csv`, lines, 'utf-8', '\r\n');
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, geography, cells };
}

function epciCell(seed: string, e: BenchEpci, id: EpciIndicator, year: number, style: 'dot' | 'comma'): string {
  const v = epciValue(seed, e.siren, id, year);
  const d = decimalsOf(id);
  return style === 'dot' ? dotNumber(v, d) : frenchNumber(v, d, id === 'population' || id === 'surface' ? ' ' : '');
}

function prefectureRows(seed: string, q: BenchQuartier, deprivation: number, year: number): string[][] {
  const e = q.commune.epci;
  const pct = (v: number) => `${frenchNumber(v, 1)}%`;
  const poverty = Number((20 + 30 * deprivation + createRandom(`${seed}|${q.code}|pauvrete|${year}`).noise(2)).toFixed(1));
  const pop = quartierValue(seed, q.code, deprivation, 'population', year);
  const row = (label: string, value: string, reference: string) => [q.name, q.commune.name, label, value, reference];
  return [
    row('Population', `environ ${frenchNumber(Math.round(pop / 10) * 10, 0, ' ')}`, ''),
    row('Taux de pauvreté', poverty > 30 ? '+ de 30 %' : pct(poverty), pct(epciValue(seed, e.siren, 'taux_pauvrete', year))),
    row('Part des familles monoparentales', pct(quartierValue(seed, q.code, deprivation, 'part_familles_monoparentales', year)), pct(epciValue(seed, e.siren, 'part_familles_monoparentales', year))),
    row('IPS des établissements scolaires', frenchNumber(quartierValue(seed, q.code, deprivation, 'ips', year), 1), frenchNumber(epciValue(seed, e.siren, 'ips', year), 1)),
    row('Part du parc social', pct(quartierValue(seed, q.code, deprivation, 'part_parc_social', year)), pct(epciValue(seed, e.siren, 'part_parc_social', year))),
  ];
}

/** Mean poverty rate of each QPV over the years the panel gives it. */
function meanPoverty(panel: string): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const line of panel.split('\n').slice(1)) {
    const [code, , tp] = line.split(',');
    if (!code || !tp) continue;
    const s = sums.get(code) ?? [0, 0];
    s[0] += Number(tp);
    s[1]++;
    sums.set(code, s);
  }
  return new Map([...sums].map(([c, [t, n]]) => [c, t / n]));
}

/** The commune convention the benchmark times alone: the most quartiers among communes of at most 4 QPV. */
export function typicalCommune(geography: Geography, code?: string): { commune: BenchCommune; quartiers: BenchQuartier[] } {
  const byCommune = new Map<string, BenchQuartier[]>();
  for (const q of geography.quartiers) byCommune.set(q.commune.code, [...(byCommune.get(q.commune.code) ?? []), q]);
  if (code) {
    const list = byCommune.get(code);
    if (!list) throw new Error(`commune ${code} : aucun quartier dans le jeu généré`);
    return { commune: list[0]!.commune, quartiers: list };
  }
  let best: BenchQuartier[] = [];
  for (const [, list] of [...byCommune].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const nQpv = list.filter((q) => q.status === 'QPV').length;
    if (nQpv <= 4 && list.length > best.length) best = list;
  }
  return { commune: best[0]!.commune, quartiers: best };
}

export async function writeSources(dir: string, files: GeneratedFile[]): Promise<number> {
  let bytes = 0;
  for (const f of files) {
    const full = path.join(dir, f.path);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, f.bytes);
    bytes += f.bytes.length;
  }
  return bytes;
}

export function bundledCatalogue(root = REPO_ROOT): Uint8Array {
  return readFileSync(path.join(root, 'sources', 'referentiel', 'indicateurs.csv'));
}

async function main(argv: string[]): Promise<void> {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = value('--out');
  if (!out) throw new Error('usage : tsx bench/generate.ts --out DOSSIER [--quartiers N] [--graine TEXTE]');
  const n = value('--quartiers');
  const generated = generateNationalSources({ texts: loadRealTexts(), catalogue: bundledCatalogue(), maxQpv: n ? Number(n) : undefined, seed: value('--graine') });
  const bytes = await writeSources(out, generated.files);
  const g = generated.geography;
  process.stdout.write(`${g.quartiers.length} quartiers, ${g.communes.length} communes, ${g.epcis.length} EPCI, ${generated.files.length} fichiers, ${bytes} octets → ${out}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
