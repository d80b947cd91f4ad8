// Charts per second, single thread and on worker threads, for a synthetic
// set of quartiers cloned (deterministically jittered) from the bundled QPV.
// Usage: tsx bench/charts-speed.ts [quartiers=120] [quartiers-per-epci=6]
// Prints plain lines: what was measured, the figure.

import * as vega from 'vega';
import { availableParallelism } from 'node:os';
import { readSourcesDir } from '../pipeline/read-sources-dir.ts';
import { readSources } from '../lib/ingest/read-sources.ts';
import { normalizeAgainstBaseline } from '../lib/measures/baseline.ts';
import { buildReportModel } from '../lib/report/model.ts';
import type { TidyRow } from '../lib/model/tidy-row.ts';
import { planCharts, type PlannedChart } from '../lib/render/charts/chart-plan.ts';
import { createChartRenderer, compileStrict } from '../lib/render/charts/render.ts';
import { createChartJobRunner } from '../lib/render/charts/chart-job.ts';
import { Resvg } from '@resvg/resvg-js';
import { loadChartFonts } from '../pipeline/fonts.ts';
import { createChartPool } from '../pipeline/chart-pool.ts';

const quartiers = Number(process.argv[2] ?? 120);
const perEpci = Number(process.argv[3] ?? 6);

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const { files } = await readSourcesDir(new URL('../sources/', import.meta.url).pathname);
const sources = readSources(files);
const base = normalizeAgainstBaseline(sources).filter((r) => r.quartier_code === 'QN06205M');
const rand = seeded(42);
const rows: TidyRow[] = [];
for (let i = 0; i < quartiers; i++) {
  const code = `QN${String(i).padStart(5, '0')}B`;
  const epci = String(200000000 + Math.floor(i / perEpci));
  for (const r of base) {
    const k = 0.8 + rand() * 0.4;
    const valeur = r.valeur === null ? null : Number((r.valeur * k).toFixed(r.decimales));
    const ecart = valeur !== null && r.valeur_reference !== null ? Number((valeur - r.valeur_reference).toFixed(1)) : null;
    rows.push({
      ...r, quartier_code: code, quartier_code_2015: '', quartier: `Quartier de banc d’essai n° ${i + 1}`, statut: i % 5 === 4 ? 'QIC' : 'QPV', epci_code: epci, epci: `CA ${epci}`,
      valeur, ecart_points: ecart, indice: ecart === null ? null : (valeur! / r.valeur_reference!) * 100,
    });
  }
}
const model = buildReportModel({ sources: { ...sources, registry: { ...sources.registry, quartiers: [] } }, rows, year: 2024, generatedAt: '2024-01-01T00:00:00Z', toolVersion: 'bench' });

let t = performance.now();
const plan = planCharts(model);
const planMs = performance.now() - t;
const charts = plan.charts;
console.log(`quartiers: ${quartiers}, EPCI: ${Math.ceil(quartiers / perEpci)}, graphiques: ${charts.length}, coeurs: ${availableParallelism()}`);
console.log(`planification (specs Vega-Lite): ${planMs.toFixed(0)} ms, ${(charts.length / (planMs / 1000)).toFixed(0)} specs/s`);

const fonts = loadChartFonts();
const renderer = createChartRenderer(fonts);
const sample = charts.slice(0, Math.min(charts.length, 60));
const avg = async (list: PlannedChart[], fn: (c: PlannedChart) => Promise<unknown>) => {
  const t0 = performance.now();
  for (const c of list) await fn(c);
  return (performance.now() - t0) / list.length;
};

// SVG: compile + parse every chart, vs one parsed runtime per structure and a new view per chart
// (what the pipeline does), vs the bare data swap of one view (no relayout).
const fresh = await avg(sample, (c) => renderer.svg(c.spec as never));
const svgOnly = createChartJobRunner(fonts);
await avg(sample, (c) => svgOnly(c.spec, { svg: true, png: false }));
const perStructure = await avg(sample, (c) => svgOnly(c.spec, { svg: true, png: false }));
const same = charts.filter((c) => c.chart === 'quartier-agglomeration').slice(0, 30);
const vg0 = compileStrict(same[0]!.spec as never);
const view = new vega.View(vega.parse(vg0), { renderer: 'none' });
const dataName = (vg0.data ?? []).find((d) => Array.isArray((d as { values?: unknown }).values))!.name;
const swap = await avg(same, async (c) => {
  view.data(dataName, ((c.spec.data as { values: object[] }).values).map((v) => ({ ...v })));
  await view.runAsync();
  await view.toSVG();
});
view.finalize();
console.log(`SVG par graphique : ${fresh.toFixed(1)} ms en compilant et parsant chaque graphique, ${perStructure.toFixed(1)} ms avec un runtime Vega par structure et une vue neuve par graphique (retenu, deuxième passe), ${swap.toFixed(1)} ms pour le seul échange de données d'une vue (graphique quartier-agglomeration)`);

// PNG: resvg with the font files vs text drawn from cached glyph outlines (retained).
const svgs = await Promise.all(sample.slice(0, 20).map(async (c) => (await svgOnly(c.spec, { svg: true, png: false })).svg!));
let t0 = performance.now();
for (const svg of svgs) new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { loadSystemFonts: false, fontFiles: [fonts.regular.path, fonts.bold.path], defaultFontFamily: fonts.family } }).render().asPng();
const withFonts = (performance.now() - t0) / svgs.length;
t0 = performance.now();
for (const svg of svgs) renderer.png(svg);
const outlined = (performance.now() - t0) / svgs.length;
console.log(`PNG par graphique (2×) : ${withFonts.toFixed(1)} ms avec les fichiers de police, ${outlined.toFixed(1)} ms avec les contours de glyphes (retenu)`);

// Single thread, SVG + PNG, as the pipeline does it.
const full = createChartJobRunner(fonts);
let bytes = 0;
const perChart = await avg(sample, async (c) => { bytes += (await full(c.spec, { svg: true, png: true })).png!.length; });
console.log(`un seul fil : ${(1000 / perChart).toFixed(1)} graphiques/s SVG+PNG (${perChart.toFixed(1)} ms par graphique, PNG moyen ${(bytes / sample.length / 1024).toFixed(0)} Ko)`);

// Worker threads, every chart.
{
  t = performance.now();
  const pool = await createChartPool(availableParallelism());
  const start = performance.now() - t;
  t = performance.now();
  await Promise.all(charts.map((c) => pool.render(c.spec, { svg: true, png: true })));
  const ms = performance.now() - t;
  await pool.close();
  console.log(`${pool.workers} processus de rendu : ${(charts.length / (ms / 1000)).toFixed(1)} graphiques/s SVG+PNG (${charts.length} graphiques en ${(ms / 1000).toFixed(1)} s, démarrage des processus ${start.toFixed(0)} ms)${pool.fallbackReason ? ` [repli : ${pool.fallbackReason}]` : ''}`);
  const national = 1300 * 4 + 2 * 400;
  console.log(`projection nationale (${national} graphiques) à ce débit : ~${(national / (charts.length / (ms / 1000))).toFixed(0)} s`);
}
