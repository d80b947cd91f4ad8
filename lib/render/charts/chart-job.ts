// One chart from its Vega-Lite spec to its renderings: compiled through the
// structure cache, drawn to SVG with the shipped font, rasterised to PNG.
// Used in-process and inside each chart worker.

import type { TopLevelSpec } from 'vega-lite';
import { createChartRenderer, type ChartFonts } from './render.ts';
import { createCompileCache } from './compile-cache.ts';

export interface ChartWanted {
  svg: boolean;
  png: boolean;
}

export interface ChartRendering {
  svg?: string;
  png?: Uint8Array;
}

export type ChartJobRunner = (spec: object, wanted: ChartWanted) => Promise<ChartRendering>;

export function createChartJobRunner(fonts: ChartFonts): ChartJobRunner {
  const renderer = createChartRenderer(fonts);
  const cache = createCompileCache();
  return async (spec, wanted) => {
    if (!wanted.svg && !wanted.png) return {};
    const svg = await renderer.svgFromVega(cache.compile(spec as TopLevelSpec));
    return { svg: wanted.svg ? svg : undefined, png: wanted.png ? renderer.png(svg) : undefined };
  };
}
