import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../lib/render/charts/render.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';

const renderer = createChartRenderer(loadChartFonts());

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 200,
  height: 100,
  config: { font: 'DejaVu Sans' },
  data: { values: [{ t: 'Provence-Alpes-Côte d’Azur', v: 40.2 }, { t: 'Marles', v: 2700 }] },
  mark: 'bar',
  encoding: { y: { field: 't', type: 'nominal', title: null }, x: { field: 'v', type: 'quantitative', axis: { format: ',.1f' } } },
} as const;

describe('chart renderer', () => {
  it('measures text with the shipped font, not the 0.8 × length estimate', () => {
    const w = renderer.textWidth('iiii', 10);
    const W = renderer.textWidth('WWWW', 10);
    expect(W).toBeGreaterThan(2 * w);
  });

  it('renders the same SVG twice, untruncated, with French numbers', async () => {
    const a = await renderer.svg(spec as never);
    const b = await renderer.svg(spec as never);
    expect(a).toBe(b);
    expect(a).toContain('Provence-Alpes-Côte d’Azur');
    expect(a).not.toContain('…');
    expect(a).toMatch(/2\u202f500,0|2\u202f000,0/);
  });

  it('rasterises to a PNG of twice the SVG size', async () => {
    const svg = await renderer.svg(spec as never);
    const png = renderer.png(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    const width = Buffer.from(png).readUInt32BE(16);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width).toBe(svgWidth * 2);
  });
});
