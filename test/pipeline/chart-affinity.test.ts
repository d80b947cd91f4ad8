import { describe, expect, it } from 'vitest';
import { nextTaskFor } from '../../pipeline/chart-pool.ts';
import { chartsInFlight, ALL_IN_FLIGHT_UP_TO } from '../../pipeline/phases/charts.ts';
import { planCharts } from '../../lib/render/charts/chart-plan.ts';
import { bundledModel } from '../render/charts/fixture.ts';

describe('nextTaskFor: which queued chart a worker draws next', () => {
  it('takes the first chart of a kind it has drawn', () => {
    expect(nextTaskFor(['ecarts', 'enjeux', 'trajectoires'], new Set(['trajectoires']), new Set(['ecarts', 'enjeux', 'trajectoires']))).toBe(2);
  });
  it('else the first chart of a kind no worker has drawn', () => {
    expect(nextTaskFor(['ecarts', 'enjeux', 'trajectoires'], new Set(), new Set(['ecarts']))).toBe(1);
  });
  it('else the first chart, whatever its kind (no worker waits while charts are queued)', () => {
    expect(nextTaskFor(['ecarts', 'enjeux'], new Set(['trajectoires']), new Set(['ecarts', 'enjeux', 'trajectoires']))).toBe(0);
  });
  it('takes a chart without a kind in queue order', () => {
    expect(nextTaskFor([undefined, 'ecarts'], new Set(['ecarts']), new Set(['ecarts']))).toBe(0);
  });

  /** Kinds drawn by each worker when two workers take turns (as equal-cost charts would have them). */
  const simulate = (pick: typeof nextTaskFor) => {
    const kinds = ['ecarts', 'enjeux', 'trajectoires'];
    const queue = Array.from({ length: 5 }, () => kinds).flat();
    const mine = [new Set<string>(), new Set<string>()];
    const drawnBy: Record<string, Set<number>> = {};
    const given = new Set<string>();
    for (let turn = 0; queue.length > 0; turn++) {
      const w = turn % 2;
      const [k] = queue.splice(pick(queue, mine[w]!, given), 1) as [string];
      mine[w]!.add(k);
      given.add(k);
      (drawnBy[k] ??= new Set()).add(w);
    }
    return Object.values(drawnBy).map((s) => s.size);
  };

  it('gives each kind of a commune’s charts to one of two workers until one runs out (simulation)', () => {
    // In queue order, every kind would go to both workers.
    expect(simulate(() => 0)).toEqual([2, 2, 2]);
    // Each worker keeps to its kind; the third kind's charts, left last, go to both rather than let one wait.
    expect(simulate(nextTaskFor)).toEqual([1, 1, 2]);
  });
});

describe('charts phase look-ahead', () => {
  it('puts every chart of a small run in flight, a few per worker beyond', () => {
    expect(chartsInFlight(2, 22)).toBe(22);
    expect(chartsInFlight(2, ALL_IN_FLIGHT_UP_TO)).toBe(ALL_IN_FLIGHT_UP_TO);
    expect(chartsInFlight(2, 6960)).toBe(6);
    expect(chartsInFlight(0, 6960)).toBe(3);
  });
  it('gives the pool each chart’s kind, the same name for every quartier and agglomeration', async () => {
    const charts = planCharts(await bundledModel()).charts;
    // The kind the pool keeps workers to is the chart's file name, whatever its folder.
    for (const c of charts) expect(c.path.slice(c.path.lastIndexOf('/') + 1)).toBe(c.chart);
    expect(new Set(charts.map((c) => c.chart)).size).toBeLessThan(charts.length);
  });
});
