// How fast the workbooks are built: one 25-quartier agglomeration, then a
// national-sized run (~1 300 quartiers in ~300 agglomerations, one workbook
// per commune convention and one per agglomeration). Synthetic rows cloned
// from the bundled quartiers. Prints figures on stdout.
//
//   npx tsx bench/workbooks-speed.ts [--quartiers 1300] [--epci 300] [--images]

import { performance } from 'node:perf_hooks';
import { Resvg } from '@resvg/resvg-js';
import { readSourcesDir } from '../pipeline/read-sources-dir.ts';
import { readSources } from '../lib/ingest/read-sources.ts';
import { normalizeAgainstBaseline } from '../lib/measures/baseline.ts';
import { buildReportModel, type ReportModel } from '../lib/report/model.ts';
import type { Quartier } from '../lib/model/types.ts';
import { planWorkbooks } from '../lib/render/workbook/plan.ts';
import { buildWorkbook, type ChartImage } from '../lib/render/workbook/build-workbook.ts';
import { createTextLayout } from '../lib/render/workbook/text-layout.ts';
import { loadChartFonts } from '../pipeline/fonts.ts';

const fonts = loadChartFonts();
const layout = createTextLayout({ regular: fonts.regular.bytes, bold: fonts.bold.bytes });

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const withImages = args.includes('--images');

const { files } = await readSourcesDir(new URL('../sources/', import.meta.url).pathname);
const sources = readSources(files);
const baseRows = normalizeAgainstBaseline(sources);
const base = buildReportModel({ sources, rows: baseRows, year: 2024, generatedAt: '2026-01-01T00:00:00Z', toolVersion: 'bench' });

/** `n` quartiers in `epcis` agglomerations, about 1.5 quartiers per commune convention. */
function syntheticModel(n: number, epcis: number): ReportModel {
  const quartiers: Quartier[] = [];
  const rows = [];
  for (let k = 0; k < n; k++) {
    const template = base.quartiers[k % base.quartiers.length]!;
    const e = k % epcis;
    const code = `QN${String(k).padStart(6, '0')}`;
    const commune = `Commune ${e}-${Math.floor(k / epcis / 1.5)}`;
    const q: Quartier = {
      ...template.quartier!, code, code2015: '', name: `Quartier ${k} de ${commune}`, conventionCommune: commune,
      communes: [{ code: String(10000 + k), name: commune }], epci: { code: String(200000000 + e), name: `Agglomération ${e}`, shortName: `CA${e}` },
    };
    quartiers.push(q);
    for (const r of template.rows) rows.push({ ...r, quartier_code: code, quartier: q.name, commune_convention: commune, epci_code: q.epci.code, epci: q.epci.name });
  }
  const s = { ...sources, registry: { ...sources.registry, quartiers } };
  return buildReportModel({ sources: s, rows, year: 2024, generatedAt: base.generatedAt, toolVersion: 'bench' });
}

const png = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="700" height="400"><rect width="700" height="400" fill="#36c"/><circle cx="350" cy="200" r="150" fill="#fc3"/></svg>`, { font: { loadSystemFonts: false } }).render().asPng();

async function measure(label: string, model: ReportModel): Promise<void> {
  const { plans } = planWorkbooks(model);
  const charts = new Map<string, ChartImage[]>();
  if (withImages) for (const q of model.quartiers) charts.set(q.code, [1, 2, 3].map((i) => ({ file: `graphiques/${q.code}/c${i}.png`, png, title: `Graphique ${i}`, description: '' })));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let bytes = 0;
  let sheets = 0;
  const perKind = new Map<string, { n: number; ms: number }>();
  for (const plan of plans) {
    const t = performance.now();
    bytes += (await buildWorkbook(plan, model, charts, { layout })).length;
    sheets += plan.quartiers.length;
    const k = perKind.get(plan.kind) ?? { n: 0, ms: 0 };
    k.n++;
    k.ms += performance.now() - t;
    perKind.set(plan.kind, k);
  }
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const kinds = plans.reduce<Record<string, number>>((m, p) => ((m[p.kind] = (m[p.kind] ?? 0) + 1), m), {});
  console.log(
    `${label}: ${model.quartiers.length} quartiers, ${model.rows.length} lignes, ${plans.length} classeurs (${Object.entries(kinds).map(([k, v]) => `${v} ${k}`).join(', ')}), ` +
      `${[...perKind].map(([kind, k]) => `${kind} ${(k.ms / k.n).toFixed(0)} ms/classeur`).join(', ')}; ` +
      `${sheets} feuilles quartier${withImages ? ', 3 images par quartier' : ''} : ${s.toFixed(2)} s écoulées (${cpu.toFixed(2)} s CPU), ${(plans.length / s).toFixed(1)} classeurs/s (${(plans.length / cpu).toFixed(1)} par s CPU), ${(bytes / 1e6).toFixed(1)} Mo`,
  );
}

await measure('warm-up', syntheticModel(4, 1));
await measure('agglomération de 25 quartiers', syntheticModel(25, 1));
await measure('national', syntheticModel(opt('--quartiers', 1300), opt('--epci', 300)));
