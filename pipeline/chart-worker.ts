// A worker thread that renders charts: receives { id, spec, wanted }, answers
// { id, svg, png } or { id, error }. Started by pipeline/chart-pool.ts.

import { parentPort } from 'node:worker_threads';
import { createChartJobRunner, type ChartWanted } from '../lib/render/charts/chart-job.ts';
import { loadChartFonts } from './fonts.ts';
import { runtimeCacheOfThisBuild } from './runtime-cache.ts';

export interface ChartTask {
  id: number;
  spec: object;
  wanted: ChartWanted;
}

/** Sent by the pool when it closes: the worker ends the chart in progress, draws no other, and exits. */
export interface StopRequest {
  stop: true;
}

export type ChartAnswer = { id: number; svg?: string; png?: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  const run = createChartJobRunner(loadChartFonts(), { compiled: runtimeCacheOfThisBuild() });
  // One chart at a time, in the order received: the pool sends a second task
  // ahead so that the worker never waits for a busy main thread, and two
  // renderings interleaved on Vega's global SVG id counter would not give
  // stable bytes. Between two charts the event loop turns (setImmediate):
  // resvg's pixel buffers are freed by finalizers that run there, and
  // chaining charts in microtasks alone grew a worker to gigabytes.
  let queue: Promise<unknown> = Promise.resolve();
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  let stopping = false;
  port.on('message', (m: ChartTask | StopRequest) => {
    if ('stop' in m) {
      // Exits between two charts: torn down while zlib builds a PNG, a
      // thread can abort the whole process (see stopWorker in chart-pool.ts).
      stopping = true;
      queue = queue.then(() => process.exit(0));
      return;
    }
    const task = m;
    queue = queue.then(turn).then(() => {
      if (stopping) return;
      return run(task.spec, task.wanted).then(
        (r) => port.postMessage({ id: task.id, svg: r.svg, png: r.png } satisfies ChartAnswer),
        (e: unknown) => port.postMessage({ id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChartAnswer),
      );
    });
  });
  port.postMessage({ id: -1 });
}
