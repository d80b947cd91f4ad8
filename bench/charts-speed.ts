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
import { createCompileCache } from '../lib/render/charts/compile-cache.ts';
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
const sample = charts.slice(0, Math.min(charts.length, 80));

// Compilation: Vega-Lite every time vs once per structure.
t = performance.now();
for (const c of sample) compileStrict(c.spec as never);
const fresh = (performance.now() - t) / sample.length;
const cache = createCompileCache();
t = performance.now();
for (const c of sample) cache.compile(c.spec as never);
const cached = (performance.now() - t) / sample.length;
console.log(`compilation Vega-Lite: ${fresh.toFixed(1)} ms/graphique à chaque fois, ${cached.toFixed(1)} ms/graphique avec le cache de structure (${cache.stats.compiled} compilations pour ${sample.length} graphiques)`);

// Data swap: re-parse the patched Vega spec vs one View fed with view.data().
const same = charts.filter((c) => c.chart === 'quartier-agglomeration').slice(0, 40);
const vgs = same.map((c) => cache.compile(c.spec as never));
t = performance.now();
for (const vg of vgs) await renderer.svgFromVega(vg);
const reparse = (performance.now() - t) / vgs.length;
const view = new vega.View(vega.parse(vgs[0]!), { renderer: 'none' });
const dataName = (vgs[0]!.data ?? []).find((d) => Array.isArray((d as { values?: unknown }).values))!.name;
t = performance.now();
for (const vg of vgs) {
  const values = (vg.data ?? []).find((d) => d.name === dataName) as { values: object[] };
  view.data(dataName, values.values.map((v) => ({ ...v })));
  await view.runAsync();
  await view.toSVG();
}
const swap = (performance.now() - t) / vgs.length;
view.finalize();
console.log(`SVG d'un graphique « quartier-agglomeration » : ${reparse.toFixed(1)} ms en re-parsant la spec Vega, ${swap.toFixed(1)} ms en changeant les données d'une même vue`);

// Single thread, SVG + PNG.
async function single(list: PlannedChart[]): Promise<{ svgMs: number; pngMs: number; bytes: number }> {
  let svgMs = 0, pngMs = 0, bytes = 0;
  const c2 = createCompileCache();
  for (const c of list) {
    let t0 = performance.now();
    const svg = await renderer.svgFromVega(c2.compile(c.spec as never));
    svgMs += performance.now() - t0;
    t0 = performance.now();
    bytes += renderer.png(svg).length;
    pngMs += performance.now() - t0;
  }
  return { svgMs, pngMs, bytes };
}
const s = await single(sample);
const perChart = (s.svgMs + s.pngMs) / sample.length;
console.log(`un seul fil : ${(1000 / perChart).toFixed(1)} graphiques/s (SVG ${(s.svgMs / sample.length).toFixed(1)} ms + PNG ${(s.pngMs / sample.length).toFixed(1)} ms par graphique, PNG moyen ${(s.bytes / sample.length / 1024).toFixed(0)} Ko)`);

// Worker threads, every chart.
for (const n of [availableParallelism()]) {
  t = performance.now();
  const pool = await createChartPool(n);
  const start = performance.now() - t;
  t = performance.now();
  await Promise.all(charts.map((c) => pool.render(c.spec, { svg: true, png: true })));
  const ms = performance.now() - t;
  await pool.close();
  console.log(`${pool.workers} processus de rendu : ${(charts.length / (ms / 1000)).toFixed(1)} graphiques/s (${charts.length} graphiques en ${(ms / 1000).toFixed(1)} s, démarrage ${start.toFixed(0)} ms)${pool.fallbackReason ? ` [repli : ${pool.fallbackReason}]` : ''}`);
}
const projected = (1300 * 4 + 2 * 400) * (perChart / 1000) / availableParallelism();
console.log(`projection national (1 300 quartiers × 4 + 400 EPCI × 2, SVG+PNG, ${availableParallelism()} cœurs) : ~${projected.toFixed(0)} s`);
