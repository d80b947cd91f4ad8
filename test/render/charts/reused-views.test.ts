// One view reused per chart structure must give the bytes of a new view per
// chart, whatever the charts rendered before: forward, backward, and with
// the same chart drawn between every other (its axes, sizes and legends
// differ from theirs).

import { describe, expect, it } from 'vitest';
import { planCharts, type PlannedChart } from '../../../lib/render/charts/chart-plan.ts';
import { createChartJobRunner } from '../../../lib/render/charts/chart-job.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { loadBundled } from '../../helpers/bundled.ts';
import { buildReportModel } from '../../../lib/report/model.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const fonts = loadChartFonts();
const svgOnly = { svg: true, png: false };

/** Quartiers cloned from the bundled QPV with values, names and agglomerations that differ (axes, widths, row counts). */
async function variedModel() {
  const { sources, rows } = await loadBundled();
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: TidyRow[] = [];
  for (let i = 0; i < 8; i++) {
    for (const r of rows.filter((x) => x.quartier_code === 'QN06205M')) {
      if (rand() < 0.15) continue;
      const valeur = r.valeur === null || rand() < 0.1 ? null : Number((r.valeur * (0.3 + rand() * 2.5)).toFixed(r.decimales));
      const ecart = valeur !== null && r.valeur_reference !== null ? Number((valeur - r.valeur_reference).toFixed(1)) : null;
      out.push({ ...r, quartier_code: `QN0000${i}X`, quartier_code_2015: '', quartier: `Quartier ${'des Tilleuls '.repeat(1 + (i % 3))}${i}`, epci_code: String(200000010 + (i < 2 ? 0 : 1)), epci: `CA ${i < 2 ? 0 : 1}`, valeur, ecart_points: ecart, indice: ecart === null ? null : (valeur! / r.valeur_reference!) * 100 });
    }
  }
  return buildReportModel({ sources: { ...sources, registry: { ...sources.registry, quartiers: [] } }, rows: out, year: 2024, generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'test' });
}

const charts: PlannedChart[] = [...planCharts(await quirksModel()).charts, ...planCharts(await bundledModel()).charts, ...planCharts(await variedModel()).charts];

async function reference(): Promise<Map<string, string>> {
  const fresh = createChartJobRunner(fonts, { reuseViews: false });
  const out = new Map<string, string>();
  for (const c of charts) out.set(c.path + '#' + charts.indexOf(c), (await fresh(c.spec, svgOnly)).svg!);
  return out;
}

describe('reused chart views', () => {
  it('draw the same SVG as a new view per chart, in any order', async () => {
    const expected = await reference();
    const keyed = charts.map((c, i) => ({ c, key: c.path + '#' + i }));
    const orders = [keyed, [...keyed].reverse(), keyed.flatMap((k) => [k, keyed[0]!])];
    for (const order of orders) {
      const reused = createChartJobRunner(fonts, { reuseViews: true });
      for (const { c, key } of order) expect((await reused(c.spec, svgOnly)).svg, key).toBe(expected.get(key));
    }
  });

  it('are exercised: several charts share a structure', () => {
    const structures = new Set(charts.map((c) => {
      const { data: _d, title: _t, description: _x, ...rest } = c.spec as Record<string, unknown>;
      return JSON.stringify(rest);
    }));
    expect(structures.size).toBeLessThan(charts.length);
  });
});
