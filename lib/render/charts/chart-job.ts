// One chart from its Vega-Lite spec to its renderings. Charts that share a
// structure (same spec but for data, title and description) share one
// compiled and parsed Vega runtime: its title is bound to signals, and each
// chart is a new view on it with its own data (`view.data`), which spares
// the Vega-Lite compilation and the Vega parse of every chart. The SVG gets the
// title and description for screen readers; the PNG is rasterised from it
// with the text outlined.

import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileStrict, createChartRenderer, type ChartFonts } from './render.ts';
import { resetSvgDefinitionIds } from './vega-globals.ts';

export interface ChartWanted {
  svg: boolean;
  png: boolean;
}

export interface ChartRendering {
  svg?: string;
  png?: Uint8Array;
}

export type ChartJobRunner = (spec: object, wanted: ChartWanted) => Promise<ChartRendering>;

type Loose = Record<string, unknown>;

interface SharedView {
  runtime: ReturnType<typeof vega.parse>;
  dataName: string;
}

const TITLE_TEXT = 'chart_title_text';

/**
 * Parsed runtimes kept at most: a structure key also holds what varies per
 * chart outside the data (index axis bound, enjeux panels, agglomeration
 * indicator), so a national run meets thousands of keys; unbounded, the map
 * grew by one parsed runtime per chart in every worker.
 */
export const MAX_SHARED_RUNTIMES = 48;
const TITLE_SUBTITLE = 'chart_title_subtitle';

/** The compiled spec with its title bound to two signals, and the name of its inline data set. */
function shareable(compiled: vega.Spec): { spec: vega.Spec; dataName: string } | null {
  const data = (compiled.data ?? []) as unknown as Loose[];
  const inline = data.filter((d) => Array.isArray(d.values));
  if (inline.length !== 1 || inline[0]!.format !== undefined) return null;
  const title = compiled.title as unknown as Loose | undefined;
  if (!title || typeof title !== 'object') return null;
  const signals = [...((compiled.signals ?? []) as unknown as Loose[]), { name: TITLE_TEXT, value: title.text }, { name: TITLE_SUBTITLE, value: title.subtitle ?? '' }];
  const spec = { ...compiled, signals, title: { ...title, text: { signal: TITLE_TEXT }, subtitle: { signal: TITLE_SUBTITLE } } } as unknown as vega.Spec;
  return { spec, dataName: inline[0]!.name as string };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Title and description inside the SVG, for screen readers and file browsers. */
export function withAccessibleText(svg: string, title: string, description: string): string {
  return svg.replace(/^<svg([^>]*)>/, (_m, attrs: string) => `<svg${attrs} role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`);
}

/** What Vega-Lite and Vega make of a chart structure: Vega's parsed runtime (plain JSON) and the name of its data set. */
export interface CompiledStructure {
  runtime: ReturnType<typeof vega.parse>;
  dataName: string;
}

/**
 * Compiled structures kept from one run to the next (on disk: see
 * pipeline/runtime-cache.ts), keyed by the structure's JSON. A fresh render
 * thread spends 30 to 150 ms compiling and parsing each structure; a
 * commune's 9 structures cost 0.9 s of CPU. `get` gives an object of its
 * own each time (read from JSON): the runner may change it (join keys).
 */
export interface CompiledStructures {
  get(structure: string): CompiledStructure | undefined;
  set(structure: string, compiled: CompiledStructure): void;
}

export interface ChartJobOptions {
  /** Structures compiled by earlier runs, and where to keep the new ones. */
  compiled?: CompiledStructures;
}

export function createChartJobRunner(fonts: ChartFonts, options: ChartJobOptions = {}): ChartJobRunner {
  const renderer = createChartRenderer(fonts);
  const views = new Map<string, SharedView | null>();
  const viewOf = (runtime: SharedView['runtime']) => new vega.View(runtime, { renderer: 'none' });

  const svgOf = async (spec: Loose): Promise<string> => {
    const { data, title, description, ...structure } = spec;
    const key = JSON.stringify(structure);
    let shared = views.get(key);
    if (shared === undefined) {
      let compiled = options.compiled?.get(key);
      if (!compiled) {
        const s = shareable(compileStrict(spec as unknown as TopLevelSpec));
        if (s) {
          compiled = { runtime: vega.parse(s.spec), dataName: s.dataName };
          options.compiled?.set(key, compiled);
        }
      }
      shared = compiled ?? null;
      // Least recently used first out (a Map iterates in insertion order).
      if (views.size >= MAX_SHARED_RUNTIMES) views.delete(views.keys().next().value!);
    } else {
      views.delete(key);
    }
    views.set(key, shared);
    if (shared === null) return renderer.svg(spec as unknown as TopLevelSpec);
    const t = (title ?? {}) as Loose;
    const values = ((data as Loose).values as object[]).map((v) => ({ ...v }));
    const view = viewOf(shared.runtime);
    try {
      view.signal(TITLE_TEXT, typeof title === 'string' ? title : t.text).signal(TITLE_SUBTITLE, t.subtitle ?? '');
      view.data(shared.dataName, values);
      resetSvgDefinitionIds();
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };

  return async (spec, wanted) => {
    if (!wanted.svg && !wanted.png) return {};
    const s = spec as Loose;
    const t = s.title as Loose | string | undefined;
    const titleText = typeof t === 'string' ? t : String(t?.text ?? '');
    const svg = withAccessibleText(await svgOf(s), titleText, String(s.description ?? ''));
    return { svg: wanted.svg ? svg : undefined, png: wanted.png ? renderer.png(svg) : undefined };
  };
}
