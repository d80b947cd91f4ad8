// Vega-Lite spec → SVG → PNG, headless and deterministic: text measured with
// the glyph widths of the shipped font (no canvas), the same font given to
// resvg, SVG definition ids reset before each render, French locale.
// The font bytes and paths are handed in by the pipeline.

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { advanceWidthMeter, parseFont } from '../font-metrics.ts';
import { resetSvgDefinitionIds, setVegaTextAndLocale } from './vega-globals.ts';
import { createTextOutliner } from './text-outlines.ts';
import { createPngEncoder } from './png-encode.ts';

export interface ChartFonts {
  family: string;
  regular: { bytes: Uint8Array; path: string };
  bold: { bytes: Uint8Array; path: string };
}

export interface ChartRenderer {
  /** Compiles a Vega-Lite spec; throws on any compiler warning. */
  toVega(spec: TopLevelSpec): vega.Spec;
  svg(spec: TopLevelSpec): Promise<string>;
  /** Renders an already compiled Vega spec (compile once, swap data, render many). */
  svgFromVega(spec: vega.Spec): Promise<string>;
  png(svg: string, options?: { scale?: number }): Uint8Array;
  /** Width in pixels of a text in the shipped font. */
  textWidth(text: string, fontSize: number, bold?: boolean): number;
}

export function createChartRenderer(fonts: ChartFonts): ChartRenderer {
  // Each worker thread has a renderer: glyphs are parsed lazily (see parseFont).
  const regularFont = parseFont(fonts.regular.bytes);
  const boldFont = parseFont(fonts.bold.bytes);
  const regular = advanceWidthMeter(regularFont);
  const bold = advanceWidthMeter(boldFont);
  const outline = createTextOutliner({ regular: regularFont, bold: boldFont });
  const encodePng = createPngEncoder();
  const textWidth = (text: string, size: number, isBold = false) => (isBold ? bold : regular)(text, size);

  setVegaTextAndLocale(textWidth);

  const toVega = (spec: TopLevelSpec): vega.Spec => compileStrict(spec);

  const svgFromVega = async (spec: vega.Spec): Promise<string> => {
    resetSvgDefinitionIds();
    const view = new vega.View(vega.parse(spec), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };

  return {
    toVega,
    svgFromVega,
    svg: (spec) => svgFromVega(toVega(spec)),
    png(svg, options = {}) {
      // Text drawn as the font's outlines: resvg then never loads a font file.
      const outlined = outline(svg);
      const r = new Resvg(outlined, {
        fitTo: { mode: 'zoom', value: options.scale ?? pngScale(svg) },
        background: '#ffffff',
        font: {
          loadSystemFonts: false,
          fontFiles: outlined.includes('<text') ? [fonts.regular.path, fonts.bold.path] : [],
          defaultFontFamily: fonts.family,
          sansSerifFamily: fonts.family,
        },
      });
      const image = r.render();
      // Over the pixel budget are only charts already at 1× (the rankings of
      // the largest agglomerations, up to 1230 × 11 752): resvg's own encoder
      // reads the pixels where they are, where ours needs them copied into
      // JavaScript and once more as scanlines (2 × 58 MB for the largest).
      if (image.width * image.height > PNG_PIXEL_BUDGET) return image.asPng();
      return encodePng(image.pixels, image.width, image.height);
    },
    textWidth,
  };
}

/** Raised when Vega-Lite warns while compiling one of our specs: a chart bug, not a data problem. */
export class ChartCompileWarning extends Error {}

/** Compiles with Vega-Lite's logger captured: any warning or error throws. */
export function compileStrict(spec: TopLevelSpec): vega.Spec {
  const messages: string[] = [];
  const note = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    return logger;
  };
  const logger = { level: () => logger, warn: note, info: () => logger, debug: () => logger, error: note } as unknown as Parameters<typeof compile>[1] extends infer O ? O extends { logger?: infer L } ? L : never : never;
  const out = compile(spec, { logger }).spec;
  if (messages.length) throw new ChartCompileWarning(`Vega-Lite : ${messages.join(' | ')}`);
  return out;
}

/**
 * Pixels a PNG may hold at most: 2× keeps text sharp in print, but the tall
 * charts (eleven small trajectories, long rankings) reached 4 to 17
 * megapixels at 2×, and drawing, encoding and embedding them in workbooks
 * cost in proportion (docs/benchmark.md).
 */
export const PNG_PIXEL_BUDGET = 2_500_000;

/** PNG zoom: 2×, or for large charts the largest quarter step that fits the pixel budget, never below 1×. */
export function pngScale(svg: string): number {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) return 2;
  const area = Number(m[1]) * Number(m[2]);
  const fit = Math.floor(Math.sqrt(PNG_PIXEL_BUDGET / area) * 4) / 4;
  return Math.min(2, Math.max(1, fit));
}
