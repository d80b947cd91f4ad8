// Vega turns each expression of a chart (signal updates, operator
// parameters, mark encoders) into JavaScript with `Function(...)` every time
// a view is built, and again for every facet of a faceted chart (the
// trajectories' eleven small multiples). Each chart thus compiled its code
// anew and ran it cold. This code generator, handed to Vega through the
// view's `expr` option, makes each distinct function once per thread and
// gives every view that function bound to the view's own functions, as
// Vega's generator does: V8 compiles it once and keeps its optimised code
// from one chart to the next. Same SVG bytes
// (test/render/charts/shared-expressions.test.ts).

import * as vega from 'vega';

type Fn = (...args: unknown[]) => unknown;

interface Expr {
  code: string;
}

interface Encode {
  marktype: string;
  channels: Record<string, Expr>;
}

/** The code generator a Vega runtime context uses (vega-runtime's `expressionCodegen`). */
export interface ExpressionCodegen {
  operator(ctx: unknown, expr: Expr): Fn;
  parameter(ctx: unknown, expr: Expr): Fn;
  event(ctx: unknown, expr: Expr): Fn;
  handler(ctx: unknown, expr: Expr): Fn;
  encode(ctx: unknown, encode: Encode): Fn;
  /** Field accessors and comparators: passed through. */
  codegen: unknown;
}

/** Vega's own generator, as a context made without one holds it. */
export function vegaCodegen(): ExpressionCodegen {
  const context = (vega as unknown as { runtimeContext: (df: unknown, transforms: unknown) => { expr: ExpressionCodegen } }).runtimeContext;
  return context({ events: () => undefined }, {}).expr;
}

/**
 * Distinct functions kept at most; past that the store starts again empty.
 * A commune's 22 charts make 466, the 1 038 charts of the 237-quartier
 * bench set 470: a bound that real runs do not reach.
 */
export const MAX_SHARED_FUNCTIONS = 5000;

/** What a generated function depends on: its code, and for an encoder the mark type and each channel (vega-runtime builds the encoder from these alone). */
function encodeKey(encode: Encode): string {
  let key = encode.marktype;
  for (const name in encode.channels) key += `\u0000${name}\u0001${encode.channels[name]!.code}`;
  return key;
}

type Kind = 'operator' | 'parameter' | 'event' | 'handler' | 'encode';

/**
 * A generator that makes each distinct function once. Every call returns a
 * new bound function: Vega sets properties on what it gets (accessor fields
 * and names), which must not leak from one view to the next.
 */
export function sharedExpressions(base: ExpressionCodegen = vegaCodegen(), max = MAX_SHARED_FUNCTIONS): ExpressionCodegen {
  const made = new Map<string, Fn>();
  const share =
    <T>(kind: Kind, keyOf: (input: T) => string) =>
    (ctx: unknown, input: T): Fn => {
      const key = `${kind}\u0000${keyOf(input)}`;
      let fn = made.get(key);
      if (!fn) {
        // Without a context, Vega's generator returns the function unbound.
        fn = (base[kind] as (ctx: unknown, input: T) => Fn)(null, input);
        if (made.size >= max) made.clear();
        made.set(key, fn);
      }
      return fn.bind((ctx as { functions?: object } | null)?.functions);
    };
  const byCode = (e: Expr) => e.code;
  return {
    operator: share('operator', byCode),
    parameter: share('parameter', byCode),
    event: share('event', byCode),
    handler: share('handler', byCode),
    encode: share('encode', encodeKey),
    codegen: base.codegen,
  };
}
