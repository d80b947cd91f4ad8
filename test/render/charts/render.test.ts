import { describe, expect, it } from 'vitest';
import { createChartRenderer, pngScale, PNG_PIXEL_BUDGET } from '../../../lib/render/charts/render.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import fc from 'fast-check';
import { decodePng } from './png-pixels.ts';

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

  it('draws a chart over the pixel budget at 1×, with the same pixels through resvg’s own encoder', () => {
    // 800 × 3400 at 1× is 2.72 Mpx: over the budget, so resvg encodes it (no copy of its pixels in JavaScript).
    const tall = (h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${h}"><rect x="0" y="0" width="800" height="${h}" fill="#ffffff"/><rect x="100" y="${h - 300}" width="50" height="200" fill="#c0392b"/></svg>`;
    expect(800 * 3400).toBeGreaterThan(PNG_PIXEL_BUDGET);
    const big = decodePng(Buffer.from(renderer.png(tall(3400))));
    expect([big.width, big.height]).toEqual([800, 3400]);
    // The same drawing under the budget, encoded by our encoder: the red block has the same pixels.
    const small = decodePng(Buffer.from(renderer.png(tall(1000), { scale: 1 })));
    const pixel = (img: typeof big, x: number, y: number) => [...img.pixels.subarray((y * img.width + x) * img.channels, (y * img.width + x) * img.channels + 3)];
    expect(pixel(big, 120, 3400 - 200)).toEqual([0xc0, 0x39, 0x2b]);
    expect(pixel(big, 120, 3400 - 200)).toEqual(pixel(small, 120, 1000 - 200));
    expect(pixel(big, 400, 50)).toEqual([255, 255, 255]);
  });
});

describe('pngScale', () => {
  const svg = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`;

  it('keeps 2× for ordinary charts and steps down for tall ones', () => {
    expect(pngScale(svg(763, 412))).toBe(2);
    expect(pngScale(svg(879, 1186))).toBe(1.5);
    expect(pngScale(svg(800, 6000))).toBe(1);
    expect(pngScale('<svg>')).toBe(2);
  });

  it('is a quarter step in [1, 2] that fits the pixel budget unless 1× does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 5000 }), fc.integer({ min: 10, max: 20000 }), (w, h) => {
        const z = pngScale(svg(w, h));
        expect(z).toBeGreaterThanOrEqual(1);
        expect(z).toBeLessThanOrEqual(2);
        expect((z * 4) % 1).toBe(0);
        if (z > 1) expect(w * h * z * z).toBeLessThanOrEqual(PNG_PIXEL_BUDGET);
        if (z < 2) expect(w * h * (z + 0.25) ** 2).toBeGreaterThan(PNG_PIXEL_BUDGET);
      }),
    );
  });
});
