// Views that share the functions Vega generates from expressions must draw
// the bytes of views that each generate their own, whatever was drawn before;
// and the sharing must actually happen.

import { describe, expect, it } from 'vitest';
import { planCharts, type PlannedChart } from '../../../lib/render/charts/chart-plan.ts';
import { createChartJobRunner } from '../../../lib/render/charts/chart-job.ts';
import { sharedExpressions, vegaCodegen, type ExpressionCodegen } from '../../../lib/render/charts/shared-expressions.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const fonts = loadChartFonts();
const svgOnly = { svg: true, png: false };
const charts: PlannedChart[] = [...planCharts(await quirksModel()).charts, ...planCharts(await bundledModel()).charts];

/** Vega's generator, counting the functions it makes. */
function countingCodegen(): { codegen: ExpressionCodegen; made: () => number } {
  const base = vegaCodegen();
  let made = 0;
  const counted = <K extends 'operator' | 'parameter' | 'event' | 'handler' | 'encode'>(kind: K) =>
    ((ctx: unknown, input: never) => {
      made++;
      return (base[kind] as (ctx: unknown, input: never) => unknown)(ctx, input);
    }) as ExpressionCodegen[K];
  return {
    codegen: { operator: counted('operator'), parameter: counted('parameter'), event: counted('event'), handler: counted('handler'), encode: counted('encode'), codegen: base.codegen },
    made: () => made,
  };
}

describe('shared expression functions', () => {
  it('draw the same SVG as functions generated per view, forward and backward', async () => {
    const own = createChartJobRunner(fonts, { shareExpressions: false });
    const expected: string[] = [];
    for (const c of charts) expected.push((await own(c.spec, svgOnly)).svg!);
    const shared = createChartJobRunner(fonts);
    for (let i = 0; i < charts.length; i++) expect((await shared(charts[i]!.spec, svgOnly)).svg, charts[i]!.path).toBe(expected[i]);
    const backward = createChartJobRunner(fonts);
    for (let i = charts.length - 1; i >= 0; i--) expect((await backward(charts[i]!.spec, svgOnly)).svg, charts[i]!.path).toBe(expected[i]);
  });

  it('are made once: the same expression asked again is not compiled again', () => {
    const { codegen, made } = countingCodegen();
    const share = sharedExpressions(codegen);
    const ctx = { functions: { scale: () => 1 } };
    share.parameter(ctx, { code: 'datum.a + 1' });
    share.parameter({ functions: {} }, { code: 'datum.a + 1' });
    share.encode(ctx, { marktype: 'rect', channels: { x: { code: '1' }, x2: { code: '2' } } });
    share.encode(ctx, { marktype: 'rect', channels: { x: { code: '1' }, x2: { code: '2' } } });
    expect(made()).toBe(2);
    // Another code, mark type, channel or kind is another function.
    share.parameter(ctx, { code: 'datum.a + 2' });
    share.operator(ctx, { code: 'datum.a + 1' });
    share.encode(ctx, { marktype: 'symbol', channels: { x: { code: '1' }, x2: { code: '2' } } });
    share.encode(ctx, { marktype: 'rect', channels: { x: { code: '1' }, y: { code: '2' } } });
    expect(made()).toBe(6);
  });

  it('compute what Vega’s own functions compute, bound to each view’s functions', () => {
    const base = vegaCodegen();
    const share = sharedExpressions(base);
    const functions = (k: number) => ({ twice: (v: number) => v * k });
    const code = { code: 'this.twice(datum.a) + 1' };
    const mine = share.parameter({ functions: functions(2) }, code);
    const theirs = base.parameter({ functions: functions(2) }, code);
    expect(mine({ a: 5 }, {})).toBe(11);
    expect(theirs({ a: 5 }, {})).toBe(11);
    // The next view binds the same code to its own functions.
    expect(share.parameter({ functions: functions(3) }, code)({ a: 5 }, {})).toBe(16);
    // The encoder sets the item's channels and says whether one changed.
    const encode = share.encode({ functions: {} }, { marktype: 'rect', channels: { x: { code: 'datum.v' }, x2: { code: 'datum.v + 4' } } });
    const item: Record<string, unknown> = { datum: { v: 2 } };
    expect(encode(item, {})).toBeTruthy();
    expect(item).toMatchObject({ x: 2, x2: 6, width: 4 });
    expect(encode(item, {})).toBeFalsy();
  });

  it('hand out a new function each time: what Vega sets on one never reaches another view', () => {
    const share = sharedExpressions();
    const a = share.parameter({ functions: {} }, { code: 'datum.a' }) as unknown as Record<string, unknown>;
    const b = share.parameter({ functions: {} }, { code: 'datum.a' }) as unknown as Record<string, unknown>;
    expect(a).not.toBe(b);
    a.fields = ['a'];
    expect(b.fields).toBeUndefined();
  });

  it('keep at most their bound of functions', () => {
    const { codegen, made } = countingCodegen();
    const share = sharedExpressions(codegen, 3);
    for (const c of ['1', '2', '3', '4', '1']) share.operator({ functions: {} }, { code: c });
    // The fourth code emptied the store: the first one is made again.
    expect(made()).toBe(5);
    share.operator({ functions: {} }, { code: '4' });
    expect(made()).toBe(5);
  });
});
