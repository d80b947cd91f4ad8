// One chart from its Vega-Lite spec to its renderings. Charts that share a
// structure (same spec but for data, title and description) share one
// compiled and parsed Vega runtime: its title is bound to signals, and each
// chart is a new view on it with its own data (`view.data`), which spares
// the Vega-Lite compilation and the Vega parse of every chart; the views
// share the functions Vega generates from the expressions. The SVG gets the
// title and description for screen readers; the PNG is rasterised from it
// with the text outlined.

import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileStrict, createChartRenderer, type ChartFonts } from './render.ts';
import { sharedExpressions } from './shared-expressions.ts';

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

/** Whether a parsed runtime holds an operator of one of these types (at any depth). */
function hasOperator(node: unknown, types: ReadonlySet<string>): boolean {
  if (Array.isArray(node)) return node.some((n) => hasOperator(n, types));
  if (node === null || typeof node !== 'object') return false;
  const o = node as Loose;
  if (typeof o.type === 'string' && types.has(o.type)) return true;
  return Object.values(o).some((v) => hasOperator(v, types));
}

/**
 * Faceted charts (the trajectories' small multiples) get a new view each:
 * after a data swap, a reused view lost the lines drawn inside its facets.
 */
const NOT_REUSABLE = new Set(['facet', 'prefacet']);

interface SharedView {
  runtime: ReturnType<typeof vega.parse>;
  dataName: string;
  /** Whether one view serves every chart of this structure. */
  reuse: boolean;
  /** That view, once made. */
  view?: vega.View;
}

/**
 * Drops the keys of Vega's data joins (axes and legends key their items by
 * value, to animate transitions): with them, a reused view keeps the items
 * whose value the previous chart also had and appends the new ones after,
 * so the SVG's element order depended on the charts rendered before. Without
 * keys every swap of data replaces every item, in the order a new view
 * would create them.
 */
function withoutJoinKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) withoutJoinKeys(n);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Loose;
  if (o.type === 'datajoin' && o.params && typeof o.params === 'object') delete (o.params as Loose).key;
  for (const v of Object.values(o)) withoutJoinKeys(v);
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
  /**
   * Reuse one view per chart structure, its data swapped, instead of a new
   * view per chart on the shared runtime. Same bytes (join keys dropped, view
   * laid out again: see test/render/charts/reused-views.test.ts), but once
   * relaid out it measured no faster (bench/charts-speed.ts), so it is off
   * by default: a new view per chart cannot depend on history.
   */
  reuseViews?: boolean;
  /**
   * Compile each distinct Vega expression once per runner and share it
   * between views (see shared-expressions.ts). On by default: same bytes,
   * SVG 12 to 18 % faster (docs/benchmark.md, fifth session).
   */
  shareExpressions?: boolean;
}

export function createChartJobRunner(fonts: ChartFonts, options: ChartJobOptions = {}): ChartJobRunner {
  const reuse = options.reuseViews ?? false;
  const renderer = createChartRenderer(fonts);
  const views = new Map<string, SharedView | null>();
  // Vega's own generator when not shared (undefined: the View's default).
  const expr = (options.shareExpressions ?? true) ? sharedExpressions() : undefined;
  const viewOf = (runtime: SharedView['runtime']) => new vega.View(runtime, { renderer: 'none', expr } as vega.ViewOptions);

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
      if (compiled) {
        const { runtime, dataName } = compiled;
        const reusable = reuse && !hasOperator(runtime, NOT_REUSABLE);
        if (reusable) withoutJoinKeys(runtime);
        shared = { runtime, dataName, reuse: reusable };
      } else {
        shared = null;
      }
      // Least recently used first out (a Map iterates in insertion order).
      if (views.size >= MAX_SHARED_RUNTIMES) {
        const oldest = views.keys().next().value!;
        views.get(oldest)?.view?.finalize();
        views.delete(oldest);
      }
    } else {
      views.delete(key);
    }
    views.set(key, shared);
    if (shared === null) return renderer.svg(spec as unknown as TopLevelSpec);
    const t = (title ?? {}) as Loose;
    const values = ((data as Loose).values as object[]).map((v) => ({ ...v }));
    const reused = shared.reuse;
    const view = reused ? (shared.view ??= viewOf(shared.runtime)) : viewOf(shared.runtime);
    try {
      view.signal(TITLE_TEXT, typeof title === 'string' ? title : t.text).signal(TITLE_SUBTITLE, t.subtitle ?? '');
      view.data(shared.dataName, values);
      // Lay the view out again: by default Vega sizes a view once, and a reused view would keep the largest size seen.
      if (reused) view.resize();
      (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds();
      return await view.toSVG();
    } catch (e) {
      // A view that failed mid-update is not trusted for the next chart.
      if (reused) {
        view.finalize();
        shared.view = undefined;
      }
      throw e;
    } finally {
      if (!reused) view.finalize();
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
