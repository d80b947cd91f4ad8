import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { chartWorkerCount, CHARTS_PER_WORKER, createChartPool } from '../../pipeline/chart-pool.ts';

describe('chart worker count', () => {
  const cores = availableParallelism();

  it('a worker as soon as there is a chart, one more per dozen, at most one per core', () => {
    expect(chartWorkerCount(0, {})).toBe(0);
    expect(chartWorkerCount(1, {})).toBe(1);
    expect(chartWorkerCount(10, {})).toBe(1);
    expect(chartWorkerCount(CHARTS_PER_WORKER + 1, {})).toBe(Math.min(cores, 2));
    expect(chartWorkerCount(10_000, {})).toBe(cores);
  });

  it('obeys QUARTIERS_CHART_WORKERS, and ignores a value that is not a count', () => {
    expect(chartWorkerCount(10_000, { QUARTIERS_CHART_WORKERS: '0' })).toBe(0);
    expect(chartWorkerCount(1, { QUARTIERS_CHART_WORKERS: '3' })).toBe(3);
    expect(chartWorkerCount(10, { QUARTIERS_CHART_WORKERS: 'beaucoup' })).toBe(1);
  });

  it('renders through a worker thread, and in this thread when asked for none', async () => {
    const spec = { data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } };
    const pool = await createChartPool(1);
    expect(pool.workers).toBe(1);
    expect(pool.fallbackReason).toBeUndefined();
    const r = await pool.render(spec, { svg: true, png: false });
    expect(r.svg).toMatch(/^<svg/);
    await pool.close();
    const inProcess = await createChartPool(0);
    expect(inProcess.workers).toBe(0);
    expect((await inProcess.render(spec, { svg: true, png: false })).svg).toBe(r.svg);
    await inProcess.close();
  }, 60_000);
});
