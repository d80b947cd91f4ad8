import { describe, expect, it } from 'vitest';
import { createChartReadiness } from '../../pipeline/chart-readiness.ts';
import { inChartOrder } from '../../pipeline/phases/workbooks.ts';
import type { WorkbookPlan } from '../../lib/render/workbook/plan.ts';
import type { ReportModel } from '../../lib/report/model.ts';

const settledYet = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('chart readiness', () => {
  it('waits until the plan is known and every chart of the asked folders is written', async () => {
    const r = createChartReadiness();
    const a = r.ready(['graphiques/A']);
    expect(await settledYet(a)).toBe(false); // nothing planned yet
    r.plan(['graphiques/A', 'graphiques/A', 'graphiques/B']);
    r.written('graphiques/A', ['graphiques/A/ecarts.png']);
    expect(await settledYet(a)).toBe(false);
    const b = r.ready(['graphiques/B']);
    r.written('graphiques/A', ['graphiques/A/enjeux.png']);
    expect(await a).toEqual(new Map([['graphiques/A', ['graphiques/A/ecarts.png', 'graphiques/A/enjeux.png']]]));
    expect(await settledYet(b)).toBe(false);
    r.written('graphiques/B', []); // a chart asked without PNG
    expect(await b).toEqual(new Map([['graphiques/B', []]]));
    // A folder without any planned chart is ready at once.
    expect(await r.ready(['graphiques/C'])).toEqual(new Map([['graphiques/C', []]]));
  });

  it('lets every waiter go when the charts phase ends, and fails them with its error', async () => {
    const ok = createChartReadiness();
    ok.plan(['graphiques/A']);
    const w = ok.ready(['graphiques/A']);
    ok.end();
    expect(await w).toEqual(new Map([['graphiques/A', []]]));

    const ko = createChartReadiness();
    const waiting = ko.ready(['graphiques/A']);
    const boom = new Error('rendu impossible');
    ko.end(boom);
    await expect(waiting).rejects.toBe(boom);
    await expect(ko.ready(['graphiques/B'])).rejects.toBe(boom);
  });
});

describe('workbooks in chart order', () => {
  const q = (code: string, epci: string) => ({ code, name: code, rows: [], quartier: { epci: { code: epci, name: epci, shortName: epci } } });
  const quartiers = [q('Q1', 'E2'), q('Q2', 'E1'), q('Q3', 'E2'), q('Q4', 'E1')];
  const model = { quartiers } as unknown as ReportModel;
  const plan = (path: string, codes: string[]) => ({ path, quartiers: codes.map((c) => quartiers.find((x) => x.code === c)!) }) as unknown as WorkbookPlan;

  it('takes each workbook when its last quartier’s charts are drawn (agglomerations by code)', () => {
    const plans = [plan('c-Q1Q3', ['Q1', 'Q3']), plan('c-Q2', ['Q2']), plan('c-Q4', ['Q4']), plan('e-E2', ['Q1', 'Q3']), plan('e-E1', ['Q2', 'Q4'])];
    expect(inChartOrder(plans, model).map((p) => p.path)).toEqual(['c-Q2', 'c-Q4', 'e-E1', 'c-Q1Q3', 'e-E2']);
  });
});
