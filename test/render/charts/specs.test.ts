// Every emitted spec: valid against the Vega-Lite schema, compiled without
// a warning, input left unchanged, French captions that say year, source and
// perimeter, data inlined, the shipped font.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { planCharts, type PlannedChart } from '../../../lib/render/charts/chart-plan.ts';
import { compileStrict } from '../../../lib/render/charts/render.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allowUnionTypes: true, logger: false });
const validate = ajv.compile(schema);

const all: PlannedChart[] = [...planCharts(await bundledModel()).charts, ...planCharts(await quirksModel()).charts];

describe('chart specs', () => {
  it('covers every chart kind', () => {
    expect(new Set(all.map((c) => c.chart))).toEqual(new Set(['quartier-agglomeration', 'ecarts', 'trajectoires', 'enjeux', 'indices', 'classement']));
  });

  it.each(all.map((c) => [c.path, c] as const))('%s validates against the Vega-Lite schema', (_p, c) => {
    const ok = validate(c.spec);
    expect(ok ? [] : validate.errors!.slice(0, 5)).toEqual([]);
  });

  it.each(all.map((c) => [c.path, c] as const))('%s compiles without warning and leaves its input unchanged', (_p, c) => {
    const before = JSON.stringify(c.spec);
    expect(() => compileStrict(c.spec as never)).not.toThrow();
    expect(JSON.stringify(c.spec)).toBe(before);
  });

  it.each(all.map((c) => [c.path, c] as const))('%s says what it shows, in French, with year, source and perimeter', (_p, c) => {
    const s = c.spec as { $schema: string; description: string; title: { text: string; subtitle: string[] }; data: { values: unknown[] }; config: { font: string } };
    expect(s.$schema).toMatch(/vega-lite\/v6\.json$/);
    expect(s.description.length).toBeGreaterThan(40);
    expect(s.title.text).toMatch(/\b20\d\d\b/);
    expect(s.title.subtitle[0]).toMatch(/^Source : .+ 20\d\d.*, (ancien périmètre|périmètre 2024)/);
    expect(s.data.values.length).toBeGreaterThan(0);
    expect(s.config.font).toBe('DejaVu Sans');
  });

  it('keeps the caption usable on its own: the reference and the quartier are named', () => {
    const qa = all.find((c) => c.path === 'graphiques/QN06205M/quartier-agglomeration')!.spec as { title: { text: string; subtitle: string[] } };
    expect(qa.title.text).toBe('Cités 5, de Marles et du Rond-Point : le quartier et son agglomération, 2022');
    expect(qa.title.subtitle).toEqual(['Source : SIG Ville 2022, ancien périmètre', 'Référence : CABBALR']);
  });
});
