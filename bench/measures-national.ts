// Speed of the measures at national scale: ~1 300 quartiers in ~320
// agglomerations × 12 indicators × 10 years ≈ 156 000 quartier rows, plus
// EPCI, commune and France figures, some bounded values and 2030 targets.
// Prints figures; asserts nothing. Run: npx tsx bench/measures-national.ts

import { normalizeAgainstBaseline } from '../lib/measures/baseline.ts';
import type { Bound, Catalogue, Figure, Indicator, Quartier, Target } from '../lib/model/types.ts';

const QUARTIERS = Number(process.env.QUARTIERS ?? 1300);
const YEARS = Array.from({ length: 10 }, (_, k) => 2017 + k);
const ids = ['population', 'taux_pauvrete', 'part_moins_25_ans', 'ips', 'taux_emploi_15_64', 'part_16_25_neet', 'part_parc_social', 'part_familles_monoparentales', 'revenu_median', 'indice_gini', 'rapport_s80s20', 'surface'];
const polarity = (k: number): Indicator['polarity'] => (k % 3 === 0 ? 'neutre' : k % 3 === 1 ? 'baisse_favorable' : 'hausse_favorable');
const catalogue: Catalogue = { indicators: ids.map((id, k) => ({ id, label: id, portraitLabel: id, unit: 'pct', polarity: polarity(k), order: k, aliases: [], referencePhrase: '', inPortrait: true })) };

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const at = { file: 'bench.csv', line: 1, column: 'x' };
const figure = (territory: string, level: Figure['level'], indicator: string, year: number, value: number, bound: Bound = '='): Figure => ({
  territory, level, territoryName: '', indicator, year, value, bound, state: 'valeur', decimals: 1, sourceText: String(value), perimeter: level === 'quartier' ? '2024' : '', sourceLabel: `Bench ${year}`, at,
});

const quartiers: Quartier[] = [];
const figures: Figure[] = [];
const targets: Target[] = [];
for (let q = 0; q < QUARTIERS; q++) {
  const epci = String(200000000 + Math.floor(q / 4));
  const commune = String(10000 + Math.floor(q / 2));
  const code = `QN${String(q).padStart(6, '0')}`;
  quartiers.push({ code, code2015: '', name: code, status: q % 3 ? 'QPV' : 'QIC', communes: [{ code: commune, name: commune }], conventionCommune: commune, epci: { code: epci, name: epci, shortName: epci } });
  for (const id of ids) {
    for (const y of YEARS) figures.push(figure(code, 'quartier', id, y, Math.round(random() * 900) / 10, random() < 0.02 ? '>' : '='));
  }
  targets.push({ quartier: code, indicator: 'taux_pauvrete', year: 2030, kind: 'valeur', value: 30, at });
}
for (const e of new Set(quartiers.map((q) => q.epci.code))) for (const id of ids) for (const y of YEARS) figures.push(figure(e, 'epci', id, y, Math.round(random() * 900) / 10));
for (const c of new Set(quartiers.map((q) => q.communes[0]!.code))) for (const id of ids) for (const y of YEARS) figures.push(figure(c, 'commune', id, y, Math.round(random() * 900) / 10));
for (const id of ids) for (const y of YEARS) figures.push(figure('FRM', 'france', id, y, 15));

const registry = { quartiers, precedence: [] };
/** The generated input, for profiling one step at a time (set BENCH_EXPORT=1 to skip the runs). */
export const benchInput = { figures, registry, catalogue, targets };
for (let run = 1; run <= (process.env.BENCH_EXPORT ? 0 : 3); run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const rows = normalizeAgainstBaseline({ figures, registry, catalogue, targets });
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  console.log(`run ${run}: ${rows.length} rows, wall ${s.toFixed(2)} s (${Math.round(rows.length / s)} rows/s), cpu ${cpu.toFixed(2)} s (${Math.round(rows.length / cpu)} rows/s); ${figures.length} figures in`);
}
