// The « graphiques » phase: every chart spec written as .vl.json, rendered to
// SVG and PNG on all cores (see pipeline/chart-pool.ts).

import { planCharts, type PlannedChart } from '../../lib/render/charts/chart-plan.ts';
import { msg } from '../../lib/messages/index.ts';
import { chartWorkerCount, createChartPool } from '../chart-pool.ts';
import type { OutputPhase } from './phase.ts';

/** The spec as written to disk: stable key order (built so), compact (a national run writes thousands). */
export function specText(spec: object): string {
  return JSON.stringify(spec) + '\n';
}

/**
 * Charts rendering or being written at once: enough to keep every renderer
 * busy while the files are written (thousands queued held a national run in memory).
 */
export function chartsInFlight(workers: number): number {
  return Math.max(1, workers) * 3;
}

/**
 * Spec length (characters of its JSON, data included) from which a chart is
 * drawn alone. The rankings of the largest agglomerations reach 1230 × 11 752
 * pixels, 250 to 400 MB in a render thread while drawn; the agglomeration
 * charts come last in a run, so both threads could draw two of them at once.
 * 57 charts of the national run are over it, among them all 38 that exceed
 * the PNG pixel budget.
 */
export const LARGE_CHART_SPEC_CHARS = 100_000;

/** Runs the tasks given to it one after the other, whatever became of the previous one. */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const p = tail.then(task);
    tail = p.catch(() => {});
    return p;
  };
}

/** `graphiques/QN06205M/ecarts` → `graphiques/QN06205M`. */
export function chartFolder(chartPath: string): string {
  return chartPath.slice(0, chartPath.lastIndexOf('/'));
}

export const chartsPhase: OutputPhase = {
  name: 'graphiques',
  formats: ['svg', 'png'],
  usesWorkers: true,
  async run(model, out, formats, effects) {
    const plan = planCharts(model);
    const planned = plan.charts.length;
    for (const note of plan.skipped) effects.log.info(note, { event: 'graphique_omis' });
    const wanted = { svg: formats.has('svg'), png: formats.has('png') };
    effects.planned?.(planned * (1 + Number(wanted.svg) + Number(wanted.png)));
    // The run ends the readiness when this phase returns or fails (pipeline/run.ts).
    const readiness = effects.charts;
    readiness?.plan(plan.charts.map((c) => chartFolder(c.path)));
    const pool = await createChartPool(chartWorkerCount(plan.charts.length));
    if (pool.fallbackReason) effects.log.warn(msg.chartWorkersFallback(pool.fallbackReason), { event: 'graphiques_sans_parallelisme' });
    let files = 0;
    try {
      let stopped = false;
      let firstError: unknown;
      let next = 0;
      // Each chart leaves the plan when a lane takes it: the specs carry
      // their data, and a national plan held 160 MB of them until the last
      // chart was drawn.
      const charts: (PlannedChart | undefined)[] = plan.charts;
      const alone = oneAtATime();
      // A few charts in flight per renderer (chartsInFlight):
      // thousands of queued renderings and pending writes held the whole run in memory.
      const lane = async () => {
        while (!stopped && next < planned) {
          const c = charts[next]!;
          charts[next++] = undefined;
          try {
            const text = specText(c.spec);
            await out.write(`${c.path}.vl.json`, text);
            if (stopped) return;
            // A rendering is made from its spec alone (and the build): the previous one is taken when the spec did not change.
            const key = out.keyOf(text);
            const svgReused = wanted.svg && (await out.reuse(`${c.path}.svg`, key));
            const pngReused = wanted.png && (await out.reuse(`${c.path}.png`, key));
            if (wanted.svg !== svgReused || wanted.png !== pngReused) {
              const render = () => pool.render(c.spec, wanted);
              const r = await (text.length >= LARGE_CHART_SPEC_CHARS ? alone(render) : render());
              if (stopped) return;
              effects.checkpoint();
              if (r.svg !== undefined && !svgReused) await out.write(`${c.path}.svg`, r.svg, key);
              if (r.png !== undefined && !pngReused) await out.write(`${c.path}.png`, r.png, key);
            }
            files += 1 + (wanted.svg ? 1 : 0) + (wanted.png ? 1 : 0);
            readiness?.written(chartFolder(c.path), wanted.png ? [`${c.path}.png`] : []);
          } catch (e) {
            firstError ??= e;
            // First failure (or a signal): stop the renderers, the other lanes end at once.
            if (!stopped) void pool.close();
            stopped = true;
            throw e;
          }
        }
      };
      const jobs = Array.from({ length: Math.min(planned, chartsInFlight(pool.workers)) }, lane);
      // Let every job settle before failing: none may write after the run removed its staging folder.
      const settled = await Promise.allSettled(jobs);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw firstError ?? failed.reason;
    } finally {
      await pool.close();
    }
    effects.log.event({ event: 'graphiques', graphiques: planned, processus: pool.workers });
    return { count: files };
  },
};
