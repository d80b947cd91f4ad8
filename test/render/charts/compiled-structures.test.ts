// Structures compiled by an earlier run (kept as JSON, as pipeline/runtime-cache.ts
// keeps them on disk) must draw the same bytes as structures compiled afresh.

import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { createChartJobRunner, type CompiledStructures } from '../../../lib/render/charts/chart-job.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const fonts = loadChartFonts();
const both = { svg: true, png: true };
const charts = [...planCharts(await bundledModel()).charts, ...planCharts(await quirksModel()).charts];

/** A store that keeps JSON text, as a file would: what comes back is a copy, never the object stored. */
function jsonStore() {
  const kept = new Map<string, string>();
  const counts = { gets: 0, hits: 0, sets: 0 };
  const store: CompiledStructures = {
    get(structure) {
      counts.gets++;
      const text = kept.get(structure);
      if (text !== undefined) counts.hits++;
      return text === undefined ? undefined : JSON.parse(text);
    },
    set(structure, compiled) {
      counts.sets++;
      kept.set(structure, JSON.stringify(compiled));
    },
  };
  return { store, counts, kept };
}

describe('compiled structures kept between runs', () => {
  it('draw the same SVG and PNG bytes as structures compiled afresh, and a second run compiles nothing', async () => {
    const { store, counts, kept } = jsonStore();
    const fresh = createChartJobRunner(fonts);
    const firstRun = createChartJobRunner(fonts, { compiled: store });
    const secondRun = createChartJobRunner(fonts, { compiled: store });
    for (const c of charts) {
      const want = await fresh(c.spec, both);
      const first = await firstRun(c.spec, both);
      expect(first.svg).toBe(want.svg);
      expect(Buffer.from(first.png!).equals(Buffer.from(want.png!))).toBe(true);
    }
    // The first run stored each structure once, after looking for it.
    expect(counts.sets).toBe(kept.size);
    expect(counts.hits).toBe(0);
    expect(kept.size).toBeGreaterThan(3);
    const stored = counts.sets;
    for (const c of charts) {
      const want = await fresh(c.spec, both);
      const second = await secondRun(c.spec, both);
      expect(second.svg).toBe(want.svg);
      expect(Buffer.from(second.png!).equals(Buffer.from(want.png!))).toBe(true);
    }
    // The second run found every structure: nothing compiled, nothing stored.
    expect(counts.sets).toBe(stored);
    expect(counts.hits).toBe(kept.size);
  });
});
