// Renderings: golden SVGs for the convention's two quartiers, no truncated
// text, bounds and secrets drawn as such, PNGs of the expected size and not
// blank, byte-identical output on a second render and from a worker thread.

import { describe, expect, it, afterAll } from 'vitest';
import path from 'node:path';
import { planCharts, type PlannedChart } from '../../../lib/render/charts/chart-plan.ts';
import { createChartJobRunner, withAccessibleText } from '../../../lib/render/charts/chart-job.ts';
import { createChartRenderer, pngScale, PNG_PIXEL_BUDGET } from '../../../lib/render/charts/render.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { createChartPool } from '../../../pipeline/chart-pool.ts';
import { specText } from '../../../pipeline/phases/charts.ts';
import { bundledModel, quirksModel, QUIRKS_CODE } from './fixture.ts';
import { decodePng, inkShare } from './png-pixels.ts';
import { expectGolden } from '../../helpers/golden.ts';

const run = createChartJobRunner(loadChartFonts());
const both = { svg: true, png: true };

const bundled = planCharts(await bundledModel()).charts;
const quirks = planCharts(await quirksModel()).charts;
async function renderAll(charts: PlannedChart[]): Promise<Map<string, { svg: string; png: Uint8Array }>> {
  const out = new Map<string, { svg: string; png: Uint8Array }>();
  for (const c of charts) {
    const r = await run(c.spec, both);
    out.set(c.path, { svg: r.svg!, png: r.png! });
  }
  return out;
}
const rendered = await renderAll(bundled);
const renderedQuirks = await renderAll(quirks);
const svgOf = (p: string) => rendered.get(p)!.svg;
const quirkSvg = (p: string) => renderedQuirks.get(p)!.svg;

/** Texts drawn in an SVG, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'));
}


describe('chart renderings', () => {
  it.each(bundled.map((c) => [c.path] as const))('%s matches its golden SVG', (p) => {
    expectGolden(`charts/${p.replace(/^graphiques\//, '')}.svg`, svgOf(p));
  });

  it('writes specs whose text is stable (the .vl.json golden of one chart)', () => {
    const c = bundled.find((x) => x.path === 'graphiques/QIC-62555-01/quartier-agglomeration')!;
    expectGolden('charts/QIC-62555-01/quartier-agglomeration.vl.json', specText(c.spec));
  });

  it.each([...bundled.map((c) => ['bundled', c.path] as const), ...quirks.map((c) => ['quirks', c.path] as const)])('%s %s has no truncated text and French numbers', (set, p) => {
    const ts = texts(set === 'bundled' ? svgOf(p) : quirkSvg(p));
    expect(ts.length).toBeGreaterThan(3);
    expect(ts.filter((t) => t.includes('…'))).toEqual([]);
    // No English decimal point in a number label (years and codes aside).
    expect(ts.filter((t) => /\d\.\d/.test(t))).toEqual([]);
  });

  it('draws a bound as an arrow with its words, never as a plain value', () => {
    const qa = quirks.find((c) => c.path === `graphiques/${QUIRKS_CODE}/quartier-agglomeration`)!;
    const neet = (qa.spec.data as { values: { indicateur: string; forme: string; fleche: number | null; etiquette: string }[] }).values.find((d) => d.indicateur === 'part_16_25_neet')!;
    expect(neet).toMatchObject({ forme: 'maximum', etiquette: 'moins de 20\u00a0%' });
    expect(neet.fleche).toBeLessThan(20);
    const svg = quirkSvg(qa.path);
    expect(texts(svg)).toContain('moins de 20\u00a0%');
    expect(svg).toMatch(/stroke-dasharray="4,3"/);
    // The QIC's « plus de 30 % »: an open marker and a dashed arrow, an open gap bar.
    expect(texts(svgOf('graphiques/QIC-62555-01/quartier-agglomeration'))).toContain('plus de 30\u00a0%');
    expect(texts(svgOf('graphiques/QIC-62555-01/ecarts'))).toContain('plus de +11,2\u00a0points');
    expect(svgOf('graphiques/QIC-62555-01/ecarts')).toMatch(/fill="transparent"[^>]*stroke-dasharray|stroke-dasharray[^>]*fill="transparent"|fill="none"/);
    expect(texts(svgOf('graphiques/indices'))).toContain('> 160');
  });

  it('labels a secret « secret statistique » and draws no zero for it', () => {
    const qa = quirks.find((c) => c.path === `graphiques/${QUIRKS_CODE}/quartier-agglomeration`)!;
    const emploi = (qa.spec.data as { values: { indicateur: string; valeur: number | null; etiquette: string }[] }).values.find((d) => d.indicateur === 'taux_emploi_15_64')!;
    expect(emploi).toMatchObject({ valeur: null, etiquette: 'secret statistique' });
    expect(texts(quirkSvg(qa.path))).toContain('secret statistique');
    expect(texts(quirkSvg(`graphiques/${QUIRKS_CODE}/enjeux`))).toContain('secret statistique');
    expect(texts(quirkSvg(`graphiques/${QUIRKS_CODE}/trajectoires`))).toContain('secret statistique');
    expect(texts(quirkSvg('graphiques/epci-200000001/indices'))).toContain('secret');
    // Bundled quartiers: one label « 0 % » would betray a secret drawn as zero.
    for (const r of [...rendered.values(), ...renderedQuirks.values()]) expect(texts(r.svg)).not.toContain('0\u00a0%');
  });

  it('draws the 2030 target and the contract period', () => {
    const ts = texts(quirkSvg(`graphiques/${QUIRKS_CODE}/trajectoires`));
    expect(ts).toContain('cible 2030 : 35,0\u00a0% au plus');
    expect(texts(svgOf('graphiques/QN06205M/trajectoires'))).toContain('2030');
    // The bundled (illustrative) target of QN06205M: 35 % at most in 2030.
    expect(texts(svgOf('graphiques/QN06205M/trajectoires'))).toContain('cible 2030 : 35,0\u00a0% au plus');
    // An « écart » target is drawn as a gap (+15 points at most), not as the reference 18,8 + 15 = 33,8 %.
    const gapTexts = texts(quirkSvg('graphiques/QN06205M/trajectoires'));
    expect(gapTexts).toContain('cible 2030 : écart de +15,0\u00a0points au plus');
    expect(gapTexts.some((t) => t.includes('33,8'))).toBe(false);
  });

  it.each([...bundled].map((c) => [c.path] as const))('%s PNG is at the zoom of its size (2× here), not blank, a few hundred KB at most', (p) => {
    const { svg, png } = rendered.get(p)!;
    const w = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
    const h = Number(/<svg[^>]*height="([\d.]+)"/.exec(svg)![1]);
    const img = decodePng(png);
    // The convention's charts are small enough for 2×; pngScale's own test covers the tall ones.
    const zoom = pngScale(svg);
    expect(zoom).toBe(2);
    expect([img.width, img.height]).toEqual([Math.ceil(w * zoom), Math.ceil(h * zoom)]);
    expect(img.width * img.height).toBeLessThanOrEqual(PNG_PIXEL_BUDGET * 1.01);
    const ink = inkShare(png);
    expect(ink).toBeGreaterThan(0.03);
    expect(ink).toBeLessThan(0.8);
    expect(png.length).toBeLessThan(400_000);
  });

  it('renders through a shared view exactly what a fresh compilation renders', async () => {
    const fresh = createChartRenderer(loadChartFonts());
    for (const c of [...bundled, ...quirks]) {
      const s = c.spec as { title: { text: string }; description: string };
      const expected = withAccessibleText(await fresh.svg(c.spec as never), s.title.text, s.description);
      const got = bundled.includes(c) ? svgOf(c.path) : quirkSvg(c.path);
      expect(got === expected, c.path).toBe(true);
    }
  });

  it('puts the title and the description inside the SVG', () => {
    const svg = svgOf('graphiques/QN06205M/ecarts');
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="Cités 5, de Marles et du Rond-Point : écarts à l&#x27;agglomération, 2022|^<svg[^>]* role="img" aria-label="Cités 5, de Marles et du Rond-Point : écarts à l'agglomération, 2022/);
    expect(svg).toContain('<desc>Barres divergentes');
  });

  it('renders byte-identical SVG and PNG a second time, after other charts', async () => {
    for (const c of bundled) {
      const again = await run(c.spec, both);
      expect(again.svg).toBe(svgOf(c.path));
      expect(Buffer.from(again.png!).equals(Buffer.from(rendered.get(c.path)!.png))).toBe(true);
    }
  });

  it('renders the same bytes in worker threads', async () => {
    const pool = await createChartPool(2);
    afterAll(() => pool.close());
    expect(pool.fallbackReason).toBeUndefined();
    expect(pool.workers).toBe(2);
    const out = await Promise.all(bundled.map((c: PlannedChart) => pool.render(c.spec, both)));
    out.forEach((r, i) => {
      expect(r.svg).toBe(svgOf(bundled[i]!.path));
      expect(Buffer.from(r.png!).equals(Buffer.from(rendered.get(bundled[i]!.path)!.png))).toBe(true);
    });
  });
});
