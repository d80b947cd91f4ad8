// No two texts of a chart overlap: boxes from Vega's scenegraph, measured
// with the shipped font's advance widths (the same metrics as the SVG).

import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { createChartRenderer } from '../../../lib/render/charts/render.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { bundledModel, quirksModel } from './fixture.ts';

const renderer = createChartRenderer(loadChartFonts());
const charts = [...planCharts(await bundledModel()).charts, ...planCharts(await quirksModel()).charts];

interface Box { text: string; angle: number; x1: number; y1: number; x2: number; y2: number }
type Item = { x?: number; y?: number; angle?: number; text?: unknown; bounds: { x1: number; y1: number; x2: number; y2: number }; items?: Mark[]; opacity?: number };
type Mark = { marktype: string; items: Item[] };

function textBoxes(scene: Mark, dx = 0, dy = 0, out: Box[] = []): Box[] {
  for (const item of scene.items ?? []) {
    if (scene.marktype === 'text') {
      const t = Array.isArray(item.text) ? item.text.join(' ') : String(item.text ?? '');
      if (t.trim() && item.opacity !== 0) out.push({ text: t, angle: item.angle ?? 0, x1: item.bounds.x1 + dx, y1: item.bounds.y1 + dy, x2: item.bounds.x2 + dx, y2: item.bounds.y2 + dy });
    }
    if (scene.marktype === 'group') for (const child of item.items ?? []) textBoxes(child, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
  }
  return out;
}

// Parallel rotated labels (a heatmap's column heads) have overlapping upright boxes
// without touching: they sit a band apart, wider than the font is tall.
const overlap = (a: Box, b: Box) => !(a.angle !== 0 && a.angle === b.angle) && Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1;

describe('chart texts', () => {
  it.each(charts.map((c, i) => [`${i < 9 ? 'bundled' : 'quirks'} ${c.path}`, c] as const))('%s: no two texts overlap', async (_n, c) => {
    const view = new vega.View(vega.parse(renderer.toVega(c.spec as never)), { renderer: 'none' });
    await view.runAsync();
    const boxes = textBoxes((view.scenegraph() as unknown as { root: Mark }).root);
    view.finalize();
    expect(boxes.length).toBeGreaterThan(3);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) clashes.push(`« ${boxes[i]!.text} » / « ${boxes[j]!.text} »`);
    expect(clashes).toEqual([]);
  });
});
