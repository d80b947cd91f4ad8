// A render worker asked to stop ends its chart in progress and exits by
// itself: terminating a thread while zlib builds a PNG can abort the whole
// process in Node 20 (see stopWorker in pipeline/chart-pool.ts).

import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { stopWorker } from '../../pipeline/chart-pool.ts';
import type { ChartAnswer, ChartTask, StopRequest } from '../../pipeline/chart-worker.ts';

const spec = { data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } };

function startWorker(): Promise<Worker> {
  const w = new Worker(new URL('../../pipeline/chart-worker-boot.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    w.once('error', reject);
    w.once('message', (m: ChartAnswer) => (m.id === -1 ? resolve(w) : reject(new Error('message inattendu'))));
  });
}

describe('stopping a render worker', () => {
  it('exits by itself (code 0) after a stop request, and draws nothing asked after it', async () => {
    const w = await startWorker();
    const answers: ChartAnswer[] = [];
    w.on('message', (m: ChartAnswer) => answers.push(m));
    const exit = new Promise<number>((resolve) => w.once('exit', resolve));
    w.postMessage({ id: 1, spec, wanted: { svg: true, png: true } } satisfies ChartTask);
    // The first answer: the worker is drawing and answering.
    await new Promise<void>((resolve) => w.once('message', () => resolve()));
    w.postMessage({ id: 2, spec, wanted: { svg: true, png: true } } satisfies ChartTask);
    w.postMessage({ stop: true } satisfies StopRequest);
    w.postMessage({ id: 3, spec, wanted: { svg: true, png: true } } satisfies ChartTask);
    // Terminated threads exit with code 1; this one ends on its own.
    expect(await exit).toBe(0);
    expect(answers[0]).toMatchObject({ id: 1 });
    expect((answers[0] as { svg: string }).svg).toMatch(/^<svg/);
    // Chart 2 may or may not have started before the request; chart 3 never is drawn.
    expect(answers.map((a) => a.id).filter((id) => id > 1)).not.toContain(3);
  }, 60_000);

  it('terminates a worker that does not exit in time, and waits for none that already exited', { timeout: 20_000 }, async () => {
    const stubborn = new Worker('setInterval(() => {}, 1000);', { eval: true });
    await new Promise((resolve) => stubborn.once('online', resolve));
    const t = performance.now();
    const stopping = stopWorker(stubborn, false, 200);
    // Listened to after the call: stopWorker drops the pool's own exit listeners.
    const exit = new Promise<number>((resolve) => stubborn.once('exit', resolve));
    await stopping;
    expect(performance.now() - t).toBeGreaterThanOrEqual(150);
    expect(await exit).toBe(1);
    const t2 = performance.now();
    await stopWorker(stubborn, true, 60_000);
    expect(performance.now() - t2).toBeLessThan(1000);
  });
});
