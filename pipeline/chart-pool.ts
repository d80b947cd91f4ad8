// Renders charts on every core: worker threads fed from one queue, in
// order. Falls back to rendering in this thread when workers cannot start.

import { pathToFileURL } from 'node:url';
import { repoPath } from './repo-path.ts';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ChartJobRunner, ChartRendering, ChartWanted } from '../lib/render/charts/chart-job.ts';
import type { ChartAnswer, ChartTask, StopRequest } from './chart-worker.ts';
import { loadChartFonts } from './fonts.ts';
import { runtimeCacheOfThisBuild } from './runtime-cache.ts';

export interface ChartPool {
  render(spec: object, wanted: ChartWanted): Promise<ChartRendering>;
  close(): Promise<void>;
  /** Worker threads in use (0: rendering in this thread). */
  readonly workers: number;
  /** Why workers were not used, when they were wanted and failed. */
  readonly fallbackReason?: string;
}

/**
 * Charts per worker thread: a worker is ready in ~0.3 s, so even the ten
 * charts of one commune go to one while the main thread builds the workbooks.
 */
export const CHARTS_PER_WORKER = 12;

/**
 * Tasks a worker holds at once: the one it draws and the next, so that it
 * never waits for a main thread busy building a workbook.
 */
export const TASKS_AHEAD = 2;

export function chartWorkerCount(charts: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.QUARTIERS_CHART_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (charts === 0) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(charts / CHARTS_PER_WORKER)));
}

export function createInProcessPool(reason?: string): ChartPool {
  let run: ChartJobRunner | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    workers: 0,
    fallbackReason: reason,
    // One chart at a time: thousands of concurrent views would hold every chart in memory.
    render(spec, wanted) {
      const p = chain.then(async () => {
        // Let the event loop turn between charts: resvg's buffers are freed by finalizers that run there.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) throw new Error('rendu des graphiques arrêté');
        // Vega and resvg are loaded only by runs that draw charts.
        run ??= (await import('../lib/render/charts/chart-job.ts')).createChartJobRunner(loadChartFonts(), { compiled: runtimeCacheOfThisBuild() });
        return run(spec, wanted);
      });
      chain = p.catch(() => {});
      return p;
    },
    close: async () => {
      closed = true;
    },
  };
}

interface Pending {
  task: ChartTask;
  resolve: (r: ChartRendering) => void;
  reject: (e: Error) => void;
}

/**
 * The worker's entry: the bundled `chart-worker.js` beside the bundled CLI
 * (dist/, built by `npm run build`), or, when running from the TypeScript
 * sources, a boot module that registers tsx in the worker thread.
 */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./chart-worker-boot.mjs', import.meta.url) : pathToFileURL(repoPath('dist', 'chart-worker.js'));
}

function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // No heap bound: 512 MB made V8 collect so often that the 200-quartier
    // run took 40 % more CPU (180 s against 128 s) to save 170 MB of RSS.
    const w = new Worker(workerEntry());
    const fail = (e: unknown) => {
      void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    w.once('error', fail);
    w.once('exit', (code) => fail(new Error(`sortie ${code}`)));
    w.once('message', (m: ChartAnswer) => {
      if (m.id !== -1) return fail(new Error('message inattendu'));
      w.removeAllListeners('error');
      w.removeAllListeners('exit');
      resolve(w);
    });
  });
}

/** Time a worker gets to finish its chart in progress when the pool closes, before it is terminated. */
export const STOP_GRACE_MS = 10_000;

/**
 * Asks a worker to exit after its chart in progress and waits until it has.
 * Terminating it in the middle of a chart could end the whole process:
 * Node 20 aborts (`Assertion failed: init_done_ && "close before init"`,
 * node_zlib.cc) when a thread is torn down while zlib is building a PNG;
 * seen once in the test suite, when a signal stopped a run. A worker that
 * does not exit in time is terminated.
 */
export function stopWorker(w: Worker, exited: boolean, graceMs = STOP_GRACE_MS): Promise<void> {
  w.removeAllListeners('exit');
  w.removeAllListeners('error');
  if (exited) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => void w.terminate().then(() => resolve()), graceMs);
    w.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    // A worker failing while it stops still exits.
    w.on('error', () => {});
    w.postMessage({ stop: true } satisfies StopRequest);
  });
}

export async function createChartPool(count: number): Promise<ChartPool> {
  if (count <= 0) return createInProcessPool();
  const started = await Promise.allSettled(Array.from({ length: count }, startWorker));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (failed) {
    // The ones that did start are stopped: a live worker would keep the process running.
    await Promise.all(workers.map((w) => w.terminate()));
    const e: unknown = failed.reason;
    return createInProcessPool(e instanceof Error ? e.message : String(e));
  }
  const queue: Pending[] = [];
  // Tasks sent to each worker and not answered yet, oldest first (a worker answers in order).
  const busy = new Map<Worker, Pending[]>(workers.map((w) => [w, []]));
  const exited = new Set<Worker>();
  let nextId = 0;
  let broken: Error | undefined;
  let closed = false;
  const pump = () => {
    for (const w of workers) {
      const sent = busy.get(w)!;
      while (sent.length < TASKS_AHEAD && queue.length > 0) {
        const p = queue.shift()!;
        sent.push(p);
        w.postMessage(p.task);
      }
    }
  };
  for (const w of workers) {
    w.on('message', (m: ChartAnswer) => {
      const p = busy.get(w)!.shift();
      if (p) {
        if ('error' in m) p.reject(new Error(m.error));
        else p.resolve({ svg: m.svg, png: m.png ? new Uint8Array(m.png) : undefined });
      }
      pump();
    });
    const die = (e: unknown) => {
      broken = e instanceof Error ? e : new Error(String(e));
      for (const p of busy.get(w)!.splice(0)) p.reject(broken);
      for (const p of queue.splice(0)) p.reject(broken);
    };
    w.on('error', die);
    w.on('exit', (code) => {
      exited.add(w);
      if (code !== 0) die(new Error(`processus de rendu arrêté (code ${code})`));
    });
  }
  return {
    workers: workers.length,
    render(spec, wanted) {
      if (broken) return Promise.reject(broken);
      if (closed) return Promise.reject(new Error('rendu des graphiques arrêté'));
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, spec, wanted }, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const stop = new Error('rendu des graphiques arrêté');
      for (const p of [...queue.splice(0), ...[...busy.values()].flatMap((sent) => sent.splice(0))]) p.reject(stop);
      await Promise.all(workers.map((w) => stopWorker(w, exited.has(w))));
    },
  };
}
