// Structures compiled by an earlier run (kept as JSON, as pipeline/runtime-cache.ts
// keeps them on disk) must draw the same bytes as structures compiled afresh
// (the SVG: the PNG is rasterised from it).

import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { createChartJobRunner, type CompiledStructures } from '../../../lib/render/charts/chart-job.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const fonts = loadChartFonts();
// SVG only: the PNG is drawn from the SVG, so the same SVG gives the same PNG.
const svgOnly = { svg: true, png: false };
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
  it('draw the same SVG bytes as structures compiled afresh, and a second run compiles nothing', async () => {
    const { store, counts, kept } = jsonStore();
    const fresh = createChartJobRunner(fonts);
    const firstRun = createChartJobRunner(fonts, { compiled: store });
    const secondRun = createChartJobRunner(fonts, { compiled: store });
    const wanted: string[] = [];
    for (const c of charts) {
      const want = (await fresh(c.spec, svgOnly)).svg!;
      wanted.push(want);
      expect((await firstRun(c.spec, svgOnly)).svg).toBe(want);
    }
    // The first run stored each structure once, after looking for it.
    expect(counts.sets).toBe(kept.size);
    expect(counts.hits).toBe(0);
    expect(kept.size).toBeGreaterThan(3);
    const stored = counts.sets;
    for (const [i, c] of charts.entries()) expect((await secondRun(c.spec, svgOnly)).svg).toBe(wanted[i]);
    // The second run found every structure: nothing compiled, nothing stored.
    expect(counts.sets).toBe(stored);
    expect(counts.hits).toBe(kept.size);
  });
});
